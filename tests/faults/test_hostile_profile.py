"""Hostile profile files: random bytes, huge, wrong encodings, deep nesting, YAML tags."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.errors import UsageError
from core.profile import UseCaseProfile
from tests.faults.cli_runner import run_cli
from tools.profile_io import MAX_BYTES, load_profile

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _write(directory: Path, name: str, data: bytes) -> Path:
    path = directory / name
    path.write_bytes(data)
    return path


def _load_or_usage_error(path: Path) -> UseCaseProfile | UsageError:
    """The only two allowed outcomes: a valid profile or one clear, one-line UsageError."""
    try:
        return load_profile(path)
    except UsageError as exc:
        message = str(exc)
        assert message and "\n" not in message and len(message) < 600, message
        assert "Traceback" not in message
        return exc


@FUZZ
@given(data=st.binary(max_size=2048), suffix=st.sampled_from([".yaml", ".yml", ".json"]))
def test_random_bytes_never_crash(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str
) -> None:
    path = _write(tmp_path_factory.mktemp("fuzz"), f"p{suffix}", data)
    _load_or_usage_error(path)


# Arbitrary YAML-ish text built from the characters that drive the parser's states.
YAML_ALPHABET = st.sampled_from([*"abc:-[]{},&*!|>?#'\"\n \t0123456789.", "!!", "<<", "~"])


@FUZZ
@given(text=st.lists(YAML_ALPHABET, max_size=200).map("".join))
def test_yaml_shaped_noise_never_crashes(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    path = _write(tmp_path_factory.mktemp("fuzz"), "p.yaml", text.encode())
    _load_or_usage_error(path)


@FUZZ
@given(
    value=st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
        ),
        max_leaves=30,
    )
)
def test_any_json_value_gives_profile_or_clear_error(
    tmp_path_factory: pytest.TempPathFactory, value: object
) -> None:
    path = _write(tmp_path_factory.mktemp("fuzz"), "p.json", json.dumps(value).encode())
    _load_or_usage_error(path)


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("deep.yaml", ("a: " + "[" * 5000 + "]" * 5000).encode(), "is nested too deeply"),
        ("deep.json", ("[" * 100_000 + "]" * 100_000).encode(), "is nested too deeply"),
        ("map.yaml", ("{a: " * 3000 + "1" + "}" * 3000).encode(), "is nested too deeply"),
        (
            "date.yaml",
            b"name: 2024-13-45\n",
            "a value could not be read: a date that does not exist",
        ),
        ("int.json", b'{"name": ' + b"9" * 5000 + b"}", "a value could not be read"),
        ("keys.yaml", b"1: 2\n", "field names must be text, not 1."),
        ("utf16.yaml", "name: x".encode("utf-16"), "is not UTF-8 text (bad byte at offset 0)"),
        ("latin1.yaml", "name: café".encode("latin-1"), "is not UTF-8 text (bad byte at offset 9)"),
        ("nul.yaml", b"name: a\x00b\n", "invalid YAML"),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 20 else "",
)
def test_hostile_files_get_one_clear_message(
    tmp_path: Path, name: str, data: bytes, expected: str
) -> None:
    with pytest.raises(UsageError) as caught:
        load_profile(_write(tmp_path, name, data))
    assert expected in str(caught.value)


def test_alias_bomb_is_rejected_with_a_short_message(tmp_path: Path) -> None:
    levels = ["a: &a [x,x,x,x,x,x,x,x,x]"]
    for prev, cur in zip("abcdefg", "bcdefgh", strict=True):
        levels.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    bomb = "\n".join([*levels, "sectors: [*h]"]).encode()
    with pytest.raises(UsageError) as caught:
        load_profile(_write(tmp_path, "bomb.yaml", bomb))
    message = str(caught.value)
    assert len(message) < 600 and "..." in message  # the 9**8-item value is never printed whole


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.system ['touch {marker}']",
        "!!python/object/new:subprocess.check_output [['touch', '{marker}']]",
        "!!python/name:os.system",
    ],
)
def test_python_tags_never_execute(tmp_path: Path, tag: str) -> None:
    marker = tmp_path / "PWNED"
    path = _write(tmp_path, "evil.yaml", f"name: {tag.format(marker=marker)}\n".encode())
    with pytest.raises(UsageError) as caught:
        load_profile(path)
    assert "could not determine a constructor for the tag" in str(caught.value)
    assert not marker.exists()


def test_huge_file_is_refused_by_size_through_the_cli(tmp_path: Path) -> None:
    path = _write(tmp_path, "huge.yaml", b"name: " + b"x" * (MAX_BYTES + 10))
    result = run_cli("assess", str(path))
    assert result.code == 2
    assert "a profile must be under 1,000,000 bytes" in " ".join(result.err.split())
    assert "Traceback" not in result.err + result.out


@FUZZ
@given(data=st.binary(max_size=512))
def test_cli_assess_on_random_bytes_exits_2_or_plans(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    path = _write(tmp_path_factory.mktemp("cli"), "p.yaml", data)
    result = run_cli("assess", str(path), "--format", "json")
    assert result.code in (0, 2), result
    assert "Traceback" not in result.err
    if result.code == 2:
        assert result.err.startswith("Error:") and str(path.name) in result.err

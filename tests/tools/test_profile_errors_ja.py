"""Profile file errors in the reader's language (issue 18): `assess PROFILE --lang ja` or
SHIRUBE_LANG=ja says what is wrong in Japanese, naming the path; English stays as it was."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.faults.cli_runner import run_cli

ENGLISH_SENTENCE = re.compile(
    r"not found|Check the path|is empty|Write the profile|invalid YAML|"
    r"has the invalid value|Allowed|unknown field|Did you mean|See 'Assessing"
)


def _ja(path: Path, tmp_path: Path, how: str) -> str:
    if how == "flag":
        result = run_cli("assess", str(path), "--lang", "ja", cwd=tmp_path)
    else:
        result = run_cli("assess", str(path), cwd=tmp_path, env={"SHIRUBE_LANG": "ja"})
    assert result.code == 2, result
    assert str(path) in result.err
    assert not ENGLISH_SENTENCE.search(result.err), result.err
    assert not list(tmp_path.glob("*.md")) and not list(tmp_path.glob("*.json"))
    return result.err


@pytest.mark.parametrize("how", ["flag", "env"])
def test_missing_profile_is_reported_in_japanese(tmp_path: Path, how: str) -> None:
    err = _ja(tmp_path / "nonexistent.yaml", tmp_path, how)
    assert "見つかりません" in err


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ("", ["空"]),  # empty
        ("name: [unclosed\n", ["YAML", "行"]),  # bad YAML, with its line
        ("- a\n- b\n", []),  # a list, not a mapping
        ("name: x\ndescription: y\norganisation: compnay\n", ["organisation", "company"]),
        ("name: x\ncolour: red\n", ["colour"]),  # an unknown field
    ],
    ids=["empty", "bad-yaml", "not-a-mapping", "invalid-value", "unknown-field"],
)
def test_a_bad_profile_is_reported_in_japanese(
    tmp_path: Path, content: str, said: list[str]
) -> None:
    path = tmp_path / "profile.yaml"
    path.write_text(content, encoding="utf-8")
    err = _ja(path, tmp_path, "flag")
    assert all(word in err for word in said), err


def test_english_messages_are_unchanged(tmp_path: Path) -> None:
    missing = run_cli("assess", str(tmp_path / "nonexistent.yaml"), cwd=tmp_path)
    assert missing.code == 2
    assert f"Profile file not found: {tmp_path / 'nonexistent.yaml'}. Check the path." in (
        " ".join(missing.err.split())
    )
    path = tmp_path / "bad_field.yaml"
    path.write_text("name: x\ndescription: y\norganisation: compnay\n", encoding="utf-8")
    bad = run_cli("assess", str(path), cwd=tmp_path, env={"SHIRUBE_LANG": None})
    assert bad.code == 2
    assert "has the invalid value 'compnay'" in " ".join(bad.err.split())
    assert "Did you mean 'company'?" in " ".join(bad.err.split())


def test_unreadable_files_are_reported_in_japanese(tmp_path: Path) -> None:
    wrong_type = tmp_path / "profile.txt"
    wrong_type.write_text("name: x\n", encoding="utf-8")
    not_utf8 = tmp_path / "latin.yaml"
    not_utf8.write_bytes(b"name: caf\xe9\n")
    deep = tmp_path / "deep.yaml"
    deep.write_text("a: " + "[" * 2000 + "]" * 2000 + "\n", encoding="utf-8")
    for path in (wrong_type, not_utf8, deep):
        result = run_cli("assess", str(path), "--lang", "ja", cwd=tmp_path)
        assert result.code == 2, result
        assert str(path) in result.err
        assert not re.search(r"unsupported|not UTF-8|nested too deeply|Use ", result.err), (
            result.err
        )

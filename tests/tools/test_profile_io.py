"""load_profile: every kind of bad input gives one clear UsageError."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import UsageError
from tools.profile_io import load_profile


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_loads_yaml_and_json(tmp_path: Path) -> None:
    yml = _write(tmp_path, "p.yml", "name: Bot\nsectors: [health]\npersonal_data: sensitive\n")
    assert load_profile(yml).sectors == ["health"]
    js = _write(tmp_path, "p.json", '{"offers_to_others": true, "customers": ["consumers"]}')
    profile = load_profile(js)
    assert profile.offers_to_others and profile.customers == ["consumers"]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "p.yaml",
            "organisation: startup\n",
            "field 'organisation' has the invalid value 'startup'. "
            "Allowed: company, government, local_government, research, other.",
        ),
        (
            "p.yaml",
            "sectors: [health, space]\n",
            "field 'sectors, item 2' has the invalid value 'space'. "
            "Allowed: a list of: health, finance",
        ),
        (
            "p.yaml",
            "builds_models: maybe\n",
            "field 'builds_models' has the invalid value 'maybe'. Allowed: true or false.",
        ),
        (
            "p.yaml",
            "colour: red\n",
            "unknown field 'colour'. Allowed fields: name, description, organisation",
        ),
        ("p.yaml", "- a\n- b\n", "must hold a mapping of profile fields (name: value), not a list"),
        ("p.yaml", "", "is empty"),
        ("p.yaml", "name: [unclosed\n", "invalid YAML at line 2, column 1"),
        ("p.json", '{"name": "x",}', "invalid JSON at line 1, column 14"),
        ("p.txt", "name: x", "unsupported file type '.txt'; use one of .json, .yaml, .yml."),
        ("p.yaml", b"name: \xff\xfe\n", "is not UTF-8 text (bad byte at offset 6)"),
    ],
)
def test_bad_input_names_the_problem(
    tmp_path: Path, name: str, content: str | bytes, expected: str
) -> None:
    path = _write(tmp_path, name, content)
    with pytest.raises(UsageError) as err:
        load_profile(path)
    assert expected in str(err.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"Profile file not found: .*nope\.yaml"):
        load_profile(tmp_path / "nope.yaml")


def test_huge_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = _write(tmp_path, "big.yaml", "# " + "x" * 1_100_000 + "\n")
    with pytest.raises(UsageError, match="a profile must be under 1,000,000 bytes"):
        load_profile(path)


def test_several_problems_are_counted(tmp_path: Path) -> None:
    path = _write(tmp_path, "p.yaml", "organisation: startup\nbuilds_models: maybe\n")
    with pytest.raises(UsageError, match=r"\(1 more problem\(s\) in this file\.\)"):
        load_profile(path)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "p.yaml",
            "personal_data: yes\n",
            "field 'personal_data' has the invalid value 'yes'. Allowed: none, personal, "
            "sensitive. Did you mean 'personal' or 'sensitive'?",
        ),
        ("p.yaml", "personal_data: Off\n", "invalid value 'Off'. Allowed: none, personal, "),
        ("p.json", '{"personal_data": false}', "invalid value 'false'. Allowed: none, person"),
        ("p.yaml", "personal_data: no\n", "sensitive. Did you mean 'none'?"),
        ("p.yaml", "personal_data: sensitve\n", "Did you mean 'sensitive'?"),
        ("p.yaml", "sectors: [health, financ]\n", "item 2' has the invalid value 'financ'."),
        ("p.yaml", "sectors: [health, financ]\n", "Did you mean 'finance'?"),
    ],
)
def test_bad_value_is_shown_as_typed_with_the_nearest_choice(
    tmp_path: Path, name: str, content: str, expected: str
) -> None:
    with pytest.raises(UsageError) as err:
        load_profile(_write(tmp_path, name, content))
    assert expected in str(err.value)


def test_a_field_given_twice_is_refused_not_silently_overwritten(tmp_path: Path) -> None:
    path = _write(tmp_path, "p.yaml", "name: bot\nsectors: [health]\nsectors: [finance]\n")
    with pytest.raises(UsageError) as raised:
        load_profile(path)
    said = str(raised.value)
    assert "duplicate key 'sectors'" in said and "3" in said, said
    from knowledge.ui_labels import LabelledError

    assert isinstance(raised.value, LabelledError)
    assert "キー 'sectors' が同じ階層に2回書かれています" in raised.value.in_lang("ja")

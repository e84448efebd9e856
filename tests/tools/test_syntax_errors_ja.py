"""A profile or answers file that YAML or JSON cannot parse, told to a Japanese reader in
Japanese with its line and column (issue 18): the parser's English ("mapping values are not
allowed here") is read back through ui_labels' syntax_errors; English stays as the parser said."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.faults.cli_runner import run_cli

CASES = [
    (
        "profile.yaml",
        "name: x\ndescription: a: b\n",
        "mapping values",
        "「name: value」の組を書けません",
    ),
    ("profile.yaml", "name: x\n\tdescription: y\n", "cannot start any token", "タブ"),
    ("profile.yaml", "name: x\nfoo\nbar: y\n", "could not find expected", "コロン"),
    ("profile.yaml", "a:\n  - b\n c: d\n", "expected <block end>", "字下げ"),
    ("profile.json", '{"name": "x" "description": "y"}', "Expecting ',' delimiter", "カンマ"),
    ("profile.json", '{"name": "x",}', "Expecting property name", "ダブルクォート"),
]


@pytest.mark.parametrize(("name", "content", "english", "japanese"), CASES)
def test_a_file_that_does_not_parse_is_told_in_japanese(
    tmp_path: Path, name: str, content: str, english: str, japanese: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = run_cli("assess", str(path), env={"SHIRUBE_LANG": "ja", "COLUMNS": "300"})
    assert result.code == 2
    assert japanese in result.err and "行" in result.err and "列" in result.err, result.err
    assert english not in result.err, result.err


@pytest.mark.parametrize(("name", "content", "english", "japanese"), CASES)
def test_english_keeps_the_parsers_words(
    tmp_path: Path, name: str, content: str, english: str, japanese: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = run_cli("assess", str(path), env={"SHIRUBE_LANG": None, "COLUMNS": "300"})
    assert result.code == 2
    assert english in result.err and "at line" in result.err
    assert japanese not in result.err

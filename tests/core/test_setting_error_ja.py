"""A bad setting is said in the reader's language (issue 18): the variable and value as set,
pydantic's reason by its kind (and the settings' own checks by their validator_messages label)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.faults.cli_runner import run_cli


@pytest.mark.parametrize(
    ("variable", "value", "japanese"),
    [
        ("SHIRUBE_READ_TIMEOUT", "abc", "数値で指定してください"),
        ("SHIRUBE_HOME", " ", "空です"),
        ("OLLAMA_HOST", "http://h:notaport", "http://host:port の形で指定してください"),
        ("SHIRUBE_DATABASE_URL", "mysql://x", "ローカルの SQLite を使ってください"),
    ],
)
def test_a_bad_setting_is_said_in_japanese(
    tmp_path: Path, variable: str, value: str, japanese: str
) -> None:
    env = {"SHIRUBE_HOME": str(tmp_path), variable: value, "SHIRUBE_LANG": None}
    done = run_cli("ask", "AI推進法とは何ですか？", env=env)
    assert done.code == 2
    assert f"環境変数 {variable}=" in done.err and japanese in done.err, done.err
    assert "is invalid" not in done.err and "Input should" not in done.err, done.err
    assert "expected" not in done.err and "it is empty" not in done.err, done.err
    english = run_cli("ask", "What is the AI Promotion Act?", env=env)
    assert f"environment variable {variable}=" in english.err and "is invalid" in english.err

"""`shirube kb check` in the reader's language (issue 18): the OK line, each problem's place and
pydantic's message by its error type, and the closing count in Japanese under --lang ja or
SHIRUBE_LANG=ja; English stays as it was (tests/knowledge/test_cli_kb.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.faults.cli_runner import CliResult, run_cli
from tests.knowledge.kb_data import edit_entry, make_data_dir

PYDANTIC_ENGLISH = ("Input should be", "Extra inputs", "Field required", "entry '", " problem in ")


def _check(data: Path, how: str) -> CliResult:
    if how == "flag":
        return run_cli(
            "kb", "check", "--data-dir", str(data), "--lang", "ja", env={"COLUMNS": "200"}
        )
    return run_cli(
        "kb", "check", "--data-dir", str(data), env={"SHIRUBE_LANG": "ja", "COLUMNS": "200"}
    )


@pytest.mark.parametrize("how", ["flag", "env"])
def test_ok_is_said_in_japanese(tmp_path: Path, how: str) -> None:
    result = _check(make_data_dir(tmp_path), how)
    assert result.code == 0, result.out
    assert result.out.startswith("ルールベースに問題はありません（2026-11-24 時点）：")
    assert "Rule base OK" not in result.out


def test_problems_are_said_in_japanese(tmp_path: Path) -> None:
    data = make_data_dir(tmp_path)
    edit_entry(data / "roles.yaml", "provider", name=123, colour="red")
    result = _check(data, "flag")
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0].endswith("roles.yaml")
    assert "  項目「provider」のフィールド「name」：文字列で指定してください" in lines
    assert any(
        line.startswith("  項目「provider」のフィールド「colour」：この項目は使えません")
        for line in lines
    )
    assert lines[-1] == (
        "1 ファイルに2 件の問題があります。"
        "直してから、もう一度 `shirube kb check` を実行してください。"
    )
    assert not any(english in result.out for english in PYDANTIC_ENGLISH), result.out


def test_the_same_problems_stay_english_by_default(tmp_path: Path) -> None:
    data = make_data_dir(tmp_path)
    edit_entry(data / "roles.yaml", "provider", name=123)
    result = run_cli("kb", "check", "--data-dir", str(data), env={"SHIRUBE_LANG": None})
    assert result.code == 1
    assert "  entry 'provider', field 'name': Input should be a valid string" in result.out
    assert result.out.splitlines()[-1].startswith("1 problem in 1 file.")


def test_a_missing_folder_is_said_in_japanese(tmp_path: Path) -> None:
    result = _check(tmp_path / "nope", "env")
    assert result.code == 2
    assert "はフォルダではありません。sources.yaml があるフォルダを指定してください。" in result.err


def test_a_rule_base_file_yaml_cannot_read_is_said_in_japanese(tmp_path: Path) -> None:
    data = make_data_dir(tmp_path)
    (data / "roles.yaml").write_text("- id: provider\n  name: a: b\n", encoding="utf-8")
    result = _check(data, "flag")
    assert result.code == 1
    assert "YAML として読み取れません（2 行 10 列）" in result.out, result.out
    assert "「name: value」の組を書けません" in result.out
    assert "mapping values" not in result.out and "invalid YAML" not in result.out
    english = run_cli("kb", "check", "--data-dir", str(data), env={"SHIRUBE_LANG": None})
    assert "invalid YAML: mapping values are not allowed" in english.out


def test_the_checks_own_messages_are_said_in_japanese(tmp_path: Path) -> None:
    data = make_data_dir(tmp_path)
    edit_entry(data / "roles.yaml", "provider", citations=[{"source": "eu_ai_act"}])
    result = _check(data, "env")
    assert result.code == 1
    assert (
        "  項目「provider」のフィールド「citations.0.source」："
        "出典 'eu_ai_act' は sources.yaml にありません"
    ) in result.out.splitlines(), result.out
    assert "cites unknown source" not in result.out


def test_a_bad_interview_question_is_said_in_japanese(tmp_path: Path) -> None:
    """questions.yaml's pydantic errors carry their type, as every other file's do (issue 18)."""
    import shutil

    data = make_data_dir(tmp_path)
    shutil.copy(Path(__file__).resolve().parents[2] / "knowledge/data/questions.yaml", data)
    edit_entry(data / "questions.yaml", "name", colour="red")
    result = _check(data, "flag")
    assert result.code == 1
    assert "項目「name」のフィールド「colour」：この項目は使えません" in result.out, result.out
    assert not any(english in result.out for english in PYDANTIC_ENGLISH), result.out

"""Errors raised in English (answers files, the DOCX and worksheet formats, a session open
elsewhere, damaged saved state, a busy index, the eval baseline) read in Japanese for a Japanese
reader through ui_labels `errors` (issue 18)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from core.errors import UsageError
from knowledge.ui_labels import error_in
from tests.faults.cli_runner import run_cli


def _raised(call: Callable[[], object]) -> BaseException:
    with pytest.raises((UsageError, RuntimeError)) as err:
        call()
    return err.value


def _answers(tmp_path: Path, text: str) -> str:
    path = tmp_path / "answers.yaml"
    path.write_text(text, encoding="utf-8")
    result = run_cli(
        "interview",
        "--answers",
        str(path),
        "-o",
        str(tmp_path / "plan.md"),
        env={"SHIRUBE_LANG": "ja", "COLUMNS": "400"},
    )
    assert result.code == 2, result
    return " ".join(result.err.split())


@pytest.mark.parametrize(
    ("text", "japanese"),
    [
        ("- a\n- b\n", "質問 ID と回答の組で書いてください"),
        ("name: {a: 1}\n", "回答は文章、yes/no、または選択肢のリストで書いてください"),
        ("name: " + "x" * 20_001 + "\n", "文字を超えています。短くしてください"),
    ],
)
def test_a_bad_answers_file_in_japanese(
    fresh_home: Path, tmp_path: Path, text: str, japanese: str
) -> None:
    said = _answers(tmp_path, text)
    assert japanese in said and "Answers file" not in said and "answer must" not in said, said


def test_tool_and_store_errors_in_japanese(tmp_path: Path) -> None:
    from agent.interview.plan_store import decode, too_new
    from agent.interview.session_lock import _refused
    from core.profile import UseCaseProfile
    from knowledge.index.lock import build_lock
    from tools.assess import assess
    from tools.render import render_plan
    from tools.worksheet import write_xlsx

    assessment = assess(UseCaseProfile())
    errors = {
        "ファイルの形式です": _raised(lambda: render_plan(assessment, "docx")),
        "末尾を .xlsx にしてください": _raised(lambda: write_xlsx(assessment, tmp_path / "p.txt")),
        "ほかの Shirube のプロセスかウィンドウで開かれています": _refused("abc"),
        "保存された状態が壊れています": _raised(lambda: decode("p1", "{", "{}", 1, "here")),
        "より新しくなっています": too_new("here", 99),
    }
    with build_lock(tmp_path), pytest.raises(RuntimeError) as busy, build_lock(tmp_path, 0):
        pass
    errors["検索インデックスを作成中"] = UsageError(str(busy.value))
    for japanese, exc in errors.items():
        said = error_in(exc, "ja")
        assert japanese in said and said != str(exc), said


def test_a_missing_eval_baseline_in_japanese(tmp_path: Path) -> None:
    from evals.report import load_baseline

    said = error_in(_raised(lambda: load_baseline(tmp_path / "none.json")), "ja")
    assert "基準ファイル" in said and "not found" not in said, said


def test_an_empty_chat_message_or_session_name_in_japanese(fresh_home: Path) -> None:
    from agent.chat.thread import ChatThread
    from agent.interview import store
    from core.config import Settings

    settings = Settings(home=fresh_home, offline=True)
    with ChatThread.start(settings, offline=True) as thread:
        empty = _raised(lambda: thread.ask("  "))
        unnamed = _raised(lambda: store.rename_session(thread._conn, thread.thread_id, " "))
    assert "メッセージが空です" in error_in(empty, "ja")
    assert "新しい名前が空です" in error_in(unnamed, "ja")

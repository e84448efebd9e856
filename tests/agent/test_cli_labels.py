"""The CLI's own labels follow the language: `shirube ask` headings in the answer's language,
`sessions list` columns with --lang ja or SHIRUBE_LANG=ja (knowledge/data/ui_labels.yaml)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from agent.cli.ask_render import render
from agent.interview.session import InterviewSession
from agent.state import Answer, AnswerCitation
from core.config import Settings
from core.errors import UsageError
from tests.faults.cli_runner import run_cli


def _answer(lang: str) -> Answer:
    citation = AnswerCitation(
        id="ai_promotion_act",
        title="AI推進法",
        url="https://laws.e-gov.go.jp/",
        legal_force="binding_no_penalty",
        excerpt="…",
    )
    return Answer(
        question="日本にAI法はありますか？",
        answer="はい。[1]",
        citations=[citation],
        mode="offline",
        scope="in",
        tools_called=[],
        latency_ms=5,
        lang=lang,  # type: ignore[arg-type]
        rule_base_as_of=dt.date(2026, 12, 1),
    )


def test_a_japanese_answer_prints_japanese_headings(capsys: pytest.CaptureFixture[str]) -> None:
    render(_answer("ja"), "text")
    out = capsys.readouterr().out
    assert "出典" in out and "Sources" not in out
    assert "モード：offline" in out and "ルールベース 2026-12-01 時点" in out


def test_an_english_answer_keeps_english_headings(capsys: pytest.CaptureFixture[str]) -> None:
    render(_answer("en"), "text")
    out = capsys.readouterr().out
    assert "Sources" in out and "mode: offline" in out and "rule base as of 2026-12-01" in out


def test_sessions_list_names_its_columns_in_japanese(
    fresh_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with InterviewSession.start(Settings()) as session:
        session.answer("Support chatbot")
    monkeypatch.setenv("COLUMNS", "200")
    english = run_cli("sessions", "list")
    assert "kind" in english.out and "interview" in english.out
    monkeypatch.setenv("SHIRUBE_LANG", "ja")
    japanese = run_cli("sessions", "list")
    assert japanese.code == 0, japanese.err
    assert all(word in japanese.out for word in ("種類", "更新日時", "タイトル", "ヒアリング"))
    monkeypatch.delenv("SHIRUBE_LANG")
    assert "種類" in run_cli("sessions", "list", "--lang", "ja").out


def test_no_sessions_is_said_in_japanese(fresh_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHIRUBE_LANG", "ja")
    assert "保存したセッションはありません" in run_cli("sessions", "list").out


@pytest.mark.parametrize(
    ("args", "japanese"),
    [
        (["ask", " "], "質問がありません。"),
        (["changes", "--since", "bad"], "--since「bad」は日付として読み取れません。"),
        (["assess", "PROFILE", "-f", "xml"], "形式「xml」は使えません。"),
        (["assess", "PROFILE", "-f", "csv"], "--output（フォルダかファイル名の先頭部分）"),
    ],
)
def test_usage_errors_read_in_japanese(args: list[str], japanese: str, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from agent.cli.main import app
    from knowledge.ui_labels import error_in

    profile = tmp_path / "p.yaml"
    profile.write_text("name: x\norganisation: company\n", encoding="utf-8")
    done = CliRunner().invoke(app, [str(profile) if a == "PROFILE" else a for a in args])
    assert isinstance(done.exception, UsageError), done.output
    assert japanese in error_in(done.exception, "ja")
    assert not any("\u3040" <= ch <= "\u9fff" for ch in str(done.exception))  # English as before


def test_sessions_list_wraps_japanese_cells_where_japanese_breaks(
    fresh_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A narrow terminal: a Japanese title wraps whole (no '…'), between characters, with
    kinsoku (no line starts with 、 or 」) and a name kept in one piece (AI推進法)."""
    title = "採用面接の録画をAI推進法に沿って評価し、「候補者」の順位をつけるサービス。"
    with InterviewSession.start(Settings()) as session:
        session.answer(title)
    monkeypatch.setenv("COLUMNS", "70")
    done = run_cli("sessions", "list", "--lang", "ja")
    assert done.code == 0, done.err
    rows = [line.split("│") for line in done.out.splitlines() if line.startswith("│")]
    cells = [row[-2].strip() for row in rows]
    assert "".join(cells) == title, done.out
    assert not any(cell[:1] in "、。」）" for cell in cells if cell), done.out
    assert any("AI推進法" in cell for cell in cells), done.out
    states = "".join(row[3].strip() for row in rows)
    assert "…" not in states, done.out

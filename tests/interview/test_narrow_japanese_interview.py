"""`shirube interview` in Japanese at a narrow width (issue 18): the question, its choices, hints
and the result wrap by display width as ask, chat and doctor do (tools/terminal_wrap), not at
spaces only, which moved a Japanese run after a Latin word (AI, Enter) whole to the next line."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from rich.console import Console

from agent.cli.interview_show import show_question
from agent.interview.session import InterviewSession
from core.config import Settings
from tests.agent.test_narrow_japanese_output import WIDTH, _assert_filled, _cells


def _shown(show: Callable[[Console], None], width: int) -> list[str]:
    """The lines `show` prints at `width` (at a wide one: each logical line whole)."""
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    show(console)
    return console.export_text().rstrip("\n").split("\n")


def _one_text(texts: list[str]) -> Callable[[str, str], bool]:
    def continues(line: str, following: str) -> bool:
        joined = (line.strip() + following.strip()).replace(" ", "")
        return any(joined in text.replace(" ", "") for text in texts)

    return continues


def test_a_japanese_interview_wraps_by_width_at_40_columns(fresh_home: Path) -> None:
    settings = Settings(home=fresh_home, lang="ja", offline=True)
    shown: list[str] = []
    texts: list[str] = []
    with InterviewSession.start(settings) as session:
        for answer in (
            "採用面接の評価",
            "応募者の面接動画をAIで評価し、人事担当者に示すサービス",
            "会社",
        ):
            session.answer(answer)
        for _ in range(30):
            view = session.current
            if view is None or view.kind != "question":
                break
            view = view.model_copy(update={"shown_help": view.help})  # as after なぜ
            shown += _shown(lambda console, view=view: show_question(console, view), WIDTH)
            texts += _shown(lambda console, view=view: show_question(console, view), 1000)
            session.answer("skip" if view.skip_means is not None else "1")
    assert all(_cells(line) <= WIDTH for line in shown), [s for s in shown if _cells(s) > WIDTH]
    _assert_filled(shown, _one_text(texts))

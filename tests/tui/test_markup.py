"""The app shows names, paths and error text as written: `[/]` never crashes it, `[beta]` stays.

Every screen that shows untrusted text is opened here; a markup error while rendering would
end `run_test` with the exception.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Label, Static

from agent.interview.session import InterviewSession
from core.config import Settings
from tests.tui.conftest import CHATBOT, Running, messages, open_from_sessions_list, settle
from tools.assess import assess
from tui.screens.interview import InterviewScreen
from tui.screens.plan import PlanScreen
from tui.widgets.answer import AnswerView
from tui.widgets.profile_panel import ProfilePanel

pytestmark = pytest.mark.anyio

NAME = "Acme [beta] [/] [bold]x[link=javascript:alert(1)]y"
ESCAPES = "\x1b]0;pwned\x07\x1b[2J"


async def test_a_session_named_with_markup_lists_and_resumes(running: Running) -> None:
    with InterviewSession.start(Settings()) as saved:
        saved.answer(f"{NAME}{ESCAPES}")
        saved.answer("[/] drafts replies [red]")
        session_id = saved.session_id
    async with running() as pilot:
        app = pilot.app
        label = await open_from_sessions_list(pilot, session_id)
        assert label.endswith(NAME)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        panel = screen.query_one(ProfilePanel)
        assert panel.rows[0] == ("name", f"{NAME}{ESCAPES}")
        shown = str(panel.render())
    assert "\x1b" not in shown


async def test_the_plan_shows_a_bracketed_name_as_written(running: Running) -> None:
    profile = CHATBOT.model_copy(update={"name": f"{NAME}{ESCAPES}"})
    async with running(screen=PlanScreen(assess(profile))) as pilot:
        app = pilot.app
        title = str(app.screen.query_one("#plan-title", Label).render())
    assert title == f"Governance plan for {NAME}"


async def test_a_bracketed_path_in_an_error_is_notified_as_written(
    running: Running, tmp_path: Path
) -> None:
    missing = tmp_path / f"[/]missing[bold]{ESCAPES}.yaml"
    async with running() as pilot:
        app = pilot.app
        app.open_profile(missing)
        await settle(pilot)
        shown = messages(app)
    assert any("[/]missing[bold].yaml" in m for m in shown), shown
    assert not any("\x1b" in m for m in shown)


async def test_ollama_error_text_with_markup_is_shown_as_written(
    running: Running, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.faults.hostile_ollama import hostile_ollama

    with hostile_ollama(error=f"[/] [bold]boom[link=x]{ESCAPES}") as url:
        monkeypatch.setenv("OLLAMA_HOST", url)
        async with running(settings=Settings()) as pilot:
            app = pilot.app
            app.screen.query_one("#question").value = "What does the AI Promotion Act require?"  # type: ignore[attr-defined]
            await pilot.press("enter")
            await settle(pilot)
            notices = [str(s.render()) for s in app.screen.query(".answer-notice").results(Static)]
            shown = messages(app)
            assert app.screen.query(AnswerView)
    # Ollama's own text is logged, never shown: the reason is a label (issue 18).
    assert any("Ollama answered with an error (HTTP 500)" in m for m in shown), shown
    assert not any("boom" in text for text in [*shown, *notices]), notices
    assert not any("\x1b" in text for text in [*shown, *notices])


async def test_a_bracketed_file_name_in_the_dialog_error_is_shown_as_written(
    running: Running, tmp_path: Path
) -> None:
    from textual.widgets import Input

    from tui.screens.export import FileNameScreen

    typed = tmp_path / "[/]nope[bold]" / "plan.md"
    async with running(screen=PlanScreen(assess(CHATBOT))) as pilot:
        app = pilot.app
        await pilot.press("m")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FileNameScreen)
        dialog.query_one(Input).value = str(typed)
        await pilot.press("enter")
        await settle(pilot)
        error = str(dialog.query_one("#file-error").render())
    assert error == f"The folder '{typed.parent}' does not exist. Create it or pick another one."

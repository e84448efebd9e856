"""The sessions dialog (F3): each session's status; rename; delete after a confirmation."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from agent.chat.thread import ChatThread
from agent.interview import store
from agent.interview.session import InterviewSession
from core.config import Settings
from tests.tui.conftest import Running, messages, settle
from tui.screens.confirm import ConfirmScreen
from tui.screens.rename import RenameScreen
from tui.screens.sessions import SessionsScreen

pytestmark = pytest.mark.anyio


def _saved() -> tuple[str, str]:
    with InterviewSession.start(Settings()) as interview:
        interview.answer("Hiring scorer")
        interview_id = interview.session_id
    with ChatThread.start(Settings(), offline=True) as thread:
        chat_id = thread.thread_id
    return interview_id, chat_id


def _ids() -> set[str]:
    with store.opened(Settings()) as conn:
        return {s.id for s in store.list_sessions(conn)}


def _dialog(pilot: Pilot[None], session_id: str) -> SessionsScreen:
    """The sessions list (opened with F3 by `running`) with `session_id` highlighted."""
    dialog = pilot.app.screen
    assert isinstance(dialog, SessionsScreen)
    options = dialog.query_one(OptionList)
    ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
    options.highlighted = ids.index(session_id)
    return dialog


def _label(dialog: SessionsScreen, session_id: str) -> str:
    options = dialog.query_one(OptionList)
    return str(options.get_option(session_id).prompt)


async def test_each_session_shows_its_status(running: Running) -> None:
    interview_id, chat_id = _saved()
    async with running("f3") as pilot:
        dialog = _dialog(pilot, interview_id)
        assert "in progress (1/" in _label(dialog, interview_id)
        assert "Hiring scorer" in _label(dialog, interview_id)
        assert "0 turns" in _label(dialog, chat_id)


async def test_each_session_shows_its_status_in_japanese(running: Running) -> None:
    interview_id, chat_id = _saved()
    async with running("f3", lang="ja") as pilot:
        dialog = _dialog(pilot, interview_id)
        assert "回答中（1/" in _label(dialog, interview_id)
        assert "質問 0件" in _label(dialog, chat_id) and "turns" not in _label(dialog, chat_id)


async def test_rename_a_session(running: Running) -> None:
    interview_id, _ = _saved()
    async with running("f3") as pilot:
        app = pilot.app
        dialog = _dialog(pilot, interview_id)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RenameScreen)
        app.screen.query_one(Input).value = "Video interview scorer"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dialog
        assert "Video interview scorer" in _label(dialog, interview_id)
    with store.opened(Settings()) as conn:
        assert store.get_session(conn, interview_id).title == "Video interview scorer"


async def test_delete_asks_first_and_cancel_keeps_it(running: Running) -> None:
    interview_id, chat_id = _saved()
    async with running("f3") as pilot:
        app = pilot.app
        dialog = _dialog(pilot, interview_id)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is dialog and interview_id in _ids()
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is dialog
        assert interview_id not in _ids() and chat_id in _ids()
        options = dialog.query_one(OptionList)
        shown = [options.get_option_at_index(i).id for i in range(options.option_count)]
        assert interview_id not in shown and chat_id in shown
        assert f"Deleted session {interview_id}." in messages(app)


async def test_a_session_open_elsewhere_is_not_deleted(running: Running) -> None:
    interview_id, _ = _saved()
    with InterviewSession.resume(interview_id, Settings()):  # another window answers it
        async with running("f3") as pilot:
            dialog = _dialog(pilot, interview_id)
            await pilot.press("d")
            await pilot.pause()
            await pilot.press("y")
            await settle(pilot)
            error = str(dialog.query_one("#sessions-error", Static).render())
            assert f"Session {interview_id} is open in another Shirube process" in error
    assert interview_id in _ids()

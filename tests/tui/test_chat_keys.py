"""Chat keys: focus after F3 resume, PageUp/PageDown from the input, Up/Down question history."""

from __future__ import annotations

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Input

from agent.chat.thread import ChatThread
from core.config import Settings
from tests.tui.conftest import Running, open_from_sessions_list, settle
from tui.screens.chat import ChatScreen
from tui.screens.help import HelpScreen

pytestmark = pytest.mark.anyio

QUESTIONS = (
    "Does Japan have an AI Act?",
    "Are the AI Guidelines for Business binding?",
    "What does Article 13 of the AI Promotion Act do?",
)


async def _ask(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press(*text)
    await pilot.press("enter")
    await settle(pilot)


def _saved_thread(*questions: str) -> str:
    with ChatThread.start(Settings(), offline=True) as saved:
        for question in questions:
            saved.ask(question)
        return saved.thread_id


async def test_typing_after_f3_resume_goes_into_the_question(running: Running) -> None:
    thread_id = _saved_thread("Is the AI Basic Plan binding?")
    async with running() as pilot:
        app = pilot.app
        await pilot.click("#starter-2")  # focus away from the input, as a user may have
        await settle(pilot)
        await open_from_sessions_list(pilot, thread_id)
        screen = app.screen
        assert isinstance(screen, ChatScreen)
        question = screen.query_one("#question", Input)
        assert screen.focused is question
        await pilot.press("question_mark", "w", "h", "o")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        assert question.value == "?who"


async def test_page_keys_scroll_the_conversation_from_the_input(running: Running) -> None:
    async with running() as pilot:
        app = pilot.app
        for text in QUESTIONS:
            await _ask(pilot, text)
        screen = app.screen
        messages = screen.query_one("#messages", VerticalScroll)
        question = screen.query_one("#question", Input)
        assert screen.focused is question
        bottom = messages.scroll_y
        assert bottom > 0 and bottom == messages.max_scroll_y
        await pilot.press("pageup")
        await pilot.pause()
        assert messages.scroll_y < bottom
        assert screen.focused is question
        await pilot.press("pagedown")
        await pilot.pause()
        assert messages.scroll_y == bottom


async def test_up_recalls_earlier_questions_and_down_the_draft(running: Running) -> None:
    async with running() as pilot:
        app = pilot.app
        for text in QUESTIONS[:2]:
            await _ask(pilot, text)
        question = app.screen.query_one("#question", Input)
        await pilot.press("d", "r", "a", "f", "t")
        await pilot.press("up")
        assert question.value == QUESTIONS[1]
        assert question.cursor_position == len(QUESTIONS[1])
        await pilot.press("up", "up")  # stops at the oldest
        assert question.value == QUESTIONS[0]
        await pilot.press("down")
        assert question.value == QUESTIONS[1]
        await pilot.press("down")
        assert question.value == "draft"


async def test_a_resumed_thread_brings_its_questions_to_the_history(running: Running) -> None:
    thread_id = _saved_thread("Is the AI Basic Plan binding?", "who adopted it?")
    async with running() as pilot:
        app = pilot.app
        await open_from_sessions_list(pilot, thread_id)
        await pilot.press("up")
        assert app.screen.query_one("#question", Input).value == "who adopted it?"

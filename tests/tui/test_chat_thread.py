"""The TUI chat is a `shirube chat` thread: follow-ups, F3 resume, linked profiles, commands."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from agent.chat.thread import ChatThread
from agent.interview import store
from core.config import Settings
from core.profile import UseCaseProfile
from tests.chat.conftest import scenario_profile
from tests.tui.conftest import CHATBOT, Running, messages, open_from_sessions_list, settle
from tools.assess import assess
from tui.screens.chat import ChatScreen
from tui.screens.plan import PlanScreen
from tui.widgets.answer import AnswerView, ChatNote
from tui.widgets.status import StatusBar

pytestmark = pytest.mark.anyio


async def _ask(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    pilot.app.screen.query_one("#question", Input).value = text
    await pilot.press("enter")
    await settle(pilot)


def _views(app) -> list[AnswerView]:  # type: ignore[no-untyped-def]
    return list(app.screen.query(AnswerView))


def _notes(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(n.render()) for n in app.screen.query(ChatNote)]


async def test_followup_is_resolved_from_the_thread(running: Running) -> None:
    async with running() as pilot:
        app = pilot.app
        await _ask(pilot, "What is the Article 13 guideline?")
        screen = app.screen
        assert isinstance(screen, ChatScreen) and screen.thread is not None
        thread_id = screen.thread.thread_id
        assert f"session {thread_id}" in str(screen.query_one(StatusBar).render())
        await _ask(pilot, "when was it adopted?")
        first, second = (v.answer for v in _views(app))
        assert first.resolved == "What is the Article 13 guideline?"
        assert second.resolved == "when was the Article 13 guideline adopted?"
        assert "19 December 2025" in second.answer
        assert "art13_guideline" in {c.id for c in second.citations}
        understood = app.screen.query_one("#answer-2 .answer-resolved", Static)
        assert (
            str(understood.render()) == "Understood as: when was the Article 13 guideline adopted?"
        )
        # The same thread `shirube sessions list` shows, titled by its first question.
        with store.opened(app.settings) as conn:
            info = store.get_session(conn, thread_id)
        assert (info.kind, info.title) == ("chat", "What is the Article 13 guideline?")


async def test_chat_thread_resumed_from_the_sessions_list(running: Running) -> None:
    with ChatThread.start(Settings(), offline=True) as saved:
        saved.ask("Is the AI Basic Plan binding?")
        thread_id = saved.thread_id
    async with running() as pilot:
        app = pilot.app
        assert "chat" in await open_from_sessions_list(pilot, thread_id)
        screen = app.screen
        assert isinstance(screen, ChatScreen) and screen.thread is not None
        assert screen.thread.thread_id == thread_id
        assert [v.answer.question for v in _views(app)] == ["Is the AI Basic Plan binding?"]
        assert f"Resumed chat {thread_id} (1 turns). Ask a follow-up." in _notes(app)
        assert f"session {thread_id}" in str(screen.query_one(StatusBar).render())
        await _ask(pilot, "who adopted it?")
        latest = _views(app)[-1].answer
        assert latest.resolved == "who adopted the AI Basic Plan?"
        assert "ai_basic_plan" in {c.id for c in latest.citations}
    with ChatThread.resume(thread_id, Settings(), offline=True) as again:
        assert len(again.turns) == 2


async def test_opened_profile_answers_what_to_do_first(running: Running, tmp_path: Path) -> None:
    path = tmp_path / "chatbot.json"
    path.write_text(CHATBOT.model_dump_json(), encoding="utf-8")
    async with running() as pilot:
        app = pilot.app
        await pilot.press("f4")
        await pilot.pause()
        app.screen.query_one(Input).value = str(path)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("escape")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ChatScreen) and screen.thread is not None
        assert f"session {screen.thread.thread_id}" in str(screen.query_one(StatusBar).render())
        await _ask(pilot, "What should we do first?")
        turn = _views(app)[-1].answer
        assert turn.kind == "personal" and turn.intent == "first_steps"
        assert assess(CHATBOT).checklist[0].title in turn.answer
        assert turn.citations and str(path) in (turn.notice or "")


async def test_slash_commands_in_the_app(running: Running, tmp_path: Path) -> None:
    ministry = tmp_path / "ministry.yaml"
    ministry.write_text(
        UseCaseProfile.model_validate(
            scenario_profile("ministry_genai_drafting")
        ).model_dump_json(),
        encoding="utf-8",
    )
    async with running() as pilot:
        app = pilot.app
        await _ask(pilot, "/plan")
        assert any(m.startswith("No profile is linked to this chat.") for m in messages(app))
        await _ask(pilot, "/frobnicate")
        assert "Unknown command '/frobnicate'. Commands: /interview, /plan," in messages(app)[-1]
        await _ask(pilot, "/export")
        assert messages(app)[-1] == "Nothing to export yet: ask a question first."
        await _ask(pilot, "/help")
        assert any(n.startswith("Chat commands:") and "/export FILE" in n for n in _notes(app))
        await _ask(pilot, f"/profile {ministry}")
        await _ask(pilot, "do we need a CAIO?")
        caio = _views(app)[-1].answer
        assert caio.answer.startswith("Yes.")
        assert "da_genai_guideline" in {c.id for c in caio.citations}
        await _ask(pilot, "/sources")
        assert any(n.startswith("Sources for: do we need a CAIO?") for n in _notes(app))
        out = tmp_path / "chat.md"
        await _ask(pilot, f"/export {out}")
        screen = app.screen
        assert isinstance(screen, ChatScreen) and screen.thread is not None
        old_id = screen.thread.thread_id
        text = out.read_text(encoding="utf-8")
        assert text.startswith(f"# Shirube chat {old_id}")
        assert "## 1. do we need a CAIO?" in text and caio.citations[0].title in text
        assert "**Sources**" in text and "https://" in text
        assert f"Conversation written to {out.resolve()}" in messages(app)
        await _ask(pilot, "/plan")
        plan = app.screen
        assert isinstance(plan, PlanScreen)
        assert any(i.id == "appoint_caio" for i in plan.assessment.checklist)
        await pilot.press("escape")
        await settle(pilot)
        await _ask(pilot, "/new")
        assert screen.thread is not None and screen.thread.thread_id != old_id
        assert not _views(app)  # the old turns are gone from the screen
        assert screen.thread.profile_source == str(ministry)  # the profile stays linked
        assert f"session {screen.thread.thread_id}" in str(screen.query_one(StatusBar).render())

"""Interview in the app: a whole run by key presses ending in the plan, and resuming a session."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Label

from agent.interview.session import InterviewSession
from core.config import Settings
from tests.interview.scenarios import SCENARIOS
from tests.tui.conftest import Running, messages, open_from_sessions_list, settle
from tools.assess import assess
from tui.screens.chat import ChatScreen
from tui.screens.interview import InterviewScreen
from tui.screens.plan import PlanScreen
from tui.widgets.action_list import ActionItem
from tui.widgets.profile_panel import ProfilePanel
from tui.widgets.status import StatusBar

pytestmark = pytest.mark.anyio
CHATBOT = SCENARIOS[0]


async def _type(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    screen = pilot.app.screen
    screen.query_one("#answer", Input).value = text  # typing long text key by key adds nothing
    await pilot.press("enter")
    await settle(pilot)


async def test_whole_interview_by_keys_ends_in_the_plan(running: Running, in_tmp: Path) -> None:
    async with running("f2") as pilot:
        app = pilot.app
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert screen.session is not None
        session_id = screen.session.session_id
        assert session_id in str(screen.query_one(StatusBar).render())
        for _ in range(40):
            if isinstance(app.screen, PlanScreen):
                break
            view = screen.session.current if screen.session else None
            assert view is not None
            if view.kind == "question" and view.id in ("name", "description"):
                await _type(pilot, CHATBOT.answers[view.id])
            elif view.kind == "question":
                # Short answers go in key by key, exactly as a user types them.
                await pilot.press(*CHATBOT.answers.get(view.id, "skip"), "enter")
                await settle(pilot)
            else:
                await pilot.press("y", "enter")
                await settle(pilot)
        plan = app.screen
        assert isinstance(plan, PlanScreen)
        profile = plan.assessment.profile
        for field, value in CHATBOT.expected.items():
            assert getattr(profile, field) == value
        expected = assess(profile)
        assert [r.id for r in plan.assessment.roles] == [r.id for r in expected.roles]
        assert "provider" in [r.id for r in expected.roles]
        rows = [row.item.id for row in plan.query(ActionItem)]
        assert rows == [item.id for item in expected.checklist] and rows
        assert (in_tmp / f"shirube-plan-{session_id}.md").is_file()
        assert any(f"shirube-plan-{session_id}.md" in m for m in messages(app))
        # The finished interview's profile is linked to the chat: "us" questions use it.
        await pilot.press("escape")
        await settle(pilot)
        chat = app.screen
        assert isinstance(chat, ChatScreen) and chat.thread is not None
        assert chat.thread.profile == profile
        assert chat.thread.profile_source == f"interview {session_id}"


async def test_why_and_back_work_like_the_cli(running: Running) -> None:
    async with running("f2") as pilot:
        app = pilot.app
        screen = app.screen
        await _type(pilot, "Support chatbot")
        assert screen.session is not None and screen.session.current is not None
        total = screen.session.current.progress[1]
        assert str(screen.query_one("#progress-label", Label).render()) == f"Question 2 of {total}"
        assert screen.query_one(ProfilePanel).rows == [("name", "Support chatbot")]
        await pilot.press("f7")
        await settle(pilot)
        assert str(screen.query_one("#q-help").render()).startswith("Why we ask:")
        await pilot.press("f5")
        await settle(pilot)
        assert screen.session is not None and screen.session.current is not None
        assert screen.session.current.id == "name"
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, InterviewScreen)
        assert any("Resume session" in m for m in messages(app))


async def test_resume_a_saved_session_from_the_list(running: Running) -> None:
    with InterviewSession.start(Settings()) as saved:
        saved.answer("Resume me")
        saved.answer("An assistant that drafts replies.")
        session_id = saved.session_id
    async with running() as pilot:
        await open_from_sessions_list(pilot, session_id)
        app = pilot.app
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert screen.session is not None and screen.session.session_id == session_id
        assert screen.session.current is not None
        assert screen.session.current.id == "organisation"
        assert screen.query_one(ProfilePanel).rows == [
            ("name", "Resume me"),
            ("description", "An assistant that drafts replies."),
        ]
        assert f"Resumed session {session_id}." in messages(app)

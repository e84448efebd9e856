"""InterviewSession, the facade the CLI and TUI use: quit and resume, unknown ids, the end."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.interview import store
from agent.interview.session import InterviewSession
from core.config import Settings
from core.errors import UsageError
from core.profile import UseCaseProfile
from tests.interview.scenarios import SCENARIOS
from tools.assess import assess
from tools.render import render_plan


def test_quit_then_resume_continues_where_it_stopped(settings: Settings) -> None:
    session = InterviewSession.start(settings)
    sid = session.session_id
    assert session.current is not None
    assert (session.current.id, session.current.progress) == ("name", (0, 16))
    for text in ("Bot", "A chatbot", "2"):
        session.answer(text)
    step = session.answer("quit")
    assert step.quit is True
    assert step.question is not None
    assert step.question.id == "builds_models"
    session.close()

    resumed = InterviewSession.resume(sid, settings)
    assert resumed.current is not None
    assert resumed.current.id == "builds_models"
    assert resumed.answers == {
        "name": "Bot",
        "description": "A chatbot",
        "organisation": "government",
    }
    assert resumed.profile_so_far.organisation == "government"
    with store.opened(settings) as conn:
        assert store.get_session(conn, sid).title == "Bot"
    resumed.close()


def test_step_reports_error_help_and_the_end(settings: Settings, tmp_path: Path) -> None:
    scenario = SCENARIOS[2]
    out = tmp_path / "plan.md"
    session = InterviewSession.start(settings, output=str(out))
    step = session.answer("why")
    assert step.help is not None
    assert step.help.startswith("The plan is written for one use case at a time")
    step = session.answer("")
    assert step.error == "Please type an answer. Expected a short text answer."
    while (view := session.current) is not None and view.kind == "question":
        step = session.answer(scenario.answers.get(view.id, "skip"))
    assert step.question is not None and step.question.kind == "confirm"
    assert [row.id for row in step.question.summary][:3] == ["name", "description", "organisation"]
    step = session.answer("yes")
    profile = UseCaseProfile.model_validate(scenario.expected)
    assert step.done is True
    assert step.question is None
    assert step.plan_path == str(out.resolve())
    assert step.profile == profile.model_dump(mode="json")
    assert step.assessment == assess(profile)
    assert out.read_text(encoding="utf-8") == render_plan(assess(profile), "markdown")
    session.close()


def test_unknown_session_id_says_how_to_list(settings: Settings) -> None:
    with pytest.raises(UsageError) as info:
        InterviewSession.resume("nope1234", settings)
    assert str(info.value) == (
        "No session with id 'nope1234'. Run `shirube sessions list` to see the saved sessions."
    )


def test_registry_accepts_other_kinds_and_refuses_to_resume_them(settings: Settings) -> None:
    with store.opened(settings) as conn:
        store.register_session(conn, "chat0001", "chat", "Questions about Art. 13")
        assert [(s.id, s.kind) for s in store.list_sessions(conn, kind="chat")] == [
            ("chat0001", "chat")
        ]
    with pytest.raises(UsageError, match="is a chat session, not an interview"):
        InterviewSession.resume("chat0001", settings)

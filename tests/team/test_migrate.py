"""`shirube sessions migrate --to URL`: local plans with their history into PostgreSQL, once."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from agent.interview import plan_service
from core.config import Settings
from tests.conftest import run_shirube
from tests.interview.plan_change import PROFILE
from tests.team.pg_server import fresh_database

pytestmark = pytest.mark.team


def test_migrating_twice_copies_each_plan_once_with_its_history(
    postgres_url: str, tmp_path: Path
) -> None:
    local = Settings(home=tmp_path)
    with plan_service.opened(local) as store:
        plan_service.save(store, "aaaa0001", PROFILE, who="lead")
        plan_service.set_progress(store, "aaaa0001", "risk_assessment", status="done", who="cto")
        plan_service.save(store, "bbbb0002", PROFILE, who="lead")
    url = fresh_database(postgres_url, f"m_{uuid.uuid4().hex[:12]}")
    env = {"SHIRUBE_HOME": str(tmp_path), "SHIRUBE_USER": "mover"}
    first = run_shirube("sessions", "migrate", "--to", url, env=env)
    assert first.returncode == 0, first.stderr
    assert "2 plan(s) copied" in first.stdout and "0 already there" in first.stdout
    second = run_shirube("sessions", "migrate", "--to", url, env=env)
    assert second.returncode == 0, second.stderr
    assert "0 plan(s) copied" in second.stdout and "2 already there" in second.stdout
    with plan_service.opened(Settings(home=tmp_path, database_url=url)) as shared:
        assert shared.ids() == ["aaaa0001", "bbbb0002"]
        plan, changes = plan_service.history(shared, "aaaa0001")
    assert plan.progress["risk_assessment"].status == "done" and plan.version == 3
    assert [(c.version, c.who) for c in changes] == [(1, "lead"), (2, "cto"), (3, "mover")]
    assert changes[-1].what.startswith("moved in from mover's sessions on ")


def test_migrate_to_something_that_is_not_postgresql_is_exit_2(tmp_path: Path) -> None:
    done = run_shirube("sessions", "migrate", "--to", "sqlite:///x.db",
                       env={"SHIRUBE_HOME": str(tmp_path)})  # fmt: skip
    assert done.returncode == 2 and "not a PostgreSQL URL" in done.stderr


def _checkpoints(url: str, thread_id: str) -> int:
    import psycopg

    with psycopg.connect(url) as conn:
        row = conn.execute(
            "SELECT count(*) FROM checkpoints WHERE thread_id = %s", (thread_id,)
        ).fetchone()
    return int(row[0]) if row else 0


def test_migrating_copies_each_interview_and_chat_thread_once(
    postgres_url: str, tmp_path: Path
) -> None:
    from agent.chat.thread import ChatThread
    from agent.interview.session import InterviewSession

    local = Settings(home=tmp_path / "laptop", offline=True)
    with InterviewSession.start(local) as session:
        for text in ("Bot", "A support chatbot", "2"):
            session.answer(text)
        interview = session.session_id
    with ChatThread.start(local, offline=True) as thread:
        thread.ask("Is the AI Promotion Act binding?")
        chat = thread.thread_id
    from agent.interview import store

    with store.opened(local) as conn:
        saver = store.checkpointer(conn)
        counts = {
            sid: len(list(saver.list({"configurable": {"thread_id": sid}})))
            for sid in (interview, chat)
        }
    url = fresh_database(postgres_url, f"s_{uuid.uuid4().hex[:12]}")
    env = {"SHIRUBE_HOME": str(local.data_dir), "SHIRUBE_USER": "mover", "SHIRUBE_OFFLINE": "1"}
    first = run_shirube("sessions", "migrate", "--to", url, env=env)
    assert first.returncode == 0, first.stderr
    assert "2 session(s) (interviews and chat threads) copied" in first.stdout
    assert "0 already there" in first.stdout
    second = run_shirube("sessions", "migrate", "--to", url, env=env)
    assert second.returncode == 0, second.stderr
    assert "0 session(s) (interviews and chat threads) copied" in second.stdout
    assert "2 already there" in second.stdout
    assert {sid: _checkpoints(url, sid) for sid in counts} == counts  # each one exactly once

    shared = Settings(home=tmp_path / "desk", database_url=url, offline=True)
    with InterviewSession.resume(interview, shared) as moved:  # another machine continues it
        assert moved.answers == {
            "name": "Bot",
            "description": "A support chatbot",
            "organisation": "government",
        }
        assert moved.current is not None and moved.current.id == "builds_models"
        moved.answer("no")
    with ChatThread.open(chat, shared) as thread:
        assert [t.question for t in thread.turns] == ["Is the AI Promotion Act binding?"]
    desk = {**env, "SHIRUBE_DATABASE_URL": url, "SHIRUBE_HOME": str(shared.data_dir)}
    listed = run_shirube("sessions", "list", env=desk)
    assert listed.returncode == 0, listed.stderr
    assert interview in listed.stdout and chat in listed.stdout

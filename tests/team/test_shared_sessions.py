"""Interviews and chat threads in the team's store: two people in two processes continue the
same session in turn (never at once), and a killed process loses no answer it acknowledged.
Every case runs on SQLite and on a real PostgreSQL (LangGraph's Postgres checkpointer)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
from pathlib import Path

import pytest

from agent.chat.thread import ChatThread
from agent.interview import store
from agent.interview.session import InterviewSession
from core.config import Settings
from core.errors import UsageError
from tests.conftest import REPO_ROOT, VENV_BIN

pytestmark = pytest.mark.team

INTERVIEW = """
import json, sys

from agent.interview.session import InterviewSession

mode, rest = sys.argv[1], sys.argv[2:]
if mode == "start":
    session = InterviewSession.start()
else:
    session = InterviewSession.resume(rest.pop(0))
print(json.dumps({"id": session.session_id, "answers": session.answers}), flush=True)
for text in rest:
    pending = session.current
    session.answer(text)
    print(f"ack {pending.id} {text}", flush=True)
sys.stdin.readline()  # hold the session open until told to go
session.close()
"""

CHAT = """
import json, sys

from agent.chat.thread import ChatThread

thread = ChatThread.start(offline=True) if sys.argv[1] == "start" else ChatThread.resume(
    sys.argv[2], offline=True
)
thread.ask(sys.argv[-1])
print(json.dumps({"id": thread.thread_id, "turns": [t.question for t in thread.turns]}))
thread.close()
"""


def _home(settings: Settings, tmp_path: Path, user: str) -> str:
    # On PostgreSQL each person has their own machine (data dir): only the database is shared.
    return str(tmp_path / user) if settings.database_url else str(settings.data_dir)


def _python(
    script: str, settings: Settings, tmp_path: Path, user: str, *args: str
) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "SHIRUBE_HOME": _home(settings, tmp_path, user),
        "SHIRUBE_DATABASE_URL": settings.database_url or "",
        "SHIRUBE_OFFLINE": "1",
        "SHIRUBE_USER": user,
    }
    return subprocess.Popen(
        [str(VENV_BIN / "python"), "-c", script, *args], cwd=REPO_ROOT, env=env, text=True,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip


def _first(proc: subprocess.Popen[str]) -> dict[str, object]:
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line, proc.stderr.read() if proc.stderr else ""
    return dict(json.loads(line))


def test_two_people_continue_the_same_interview_in_turn(settings: Settings, tmp_path: Path) -> None:
    ann = _python(INTERVIEW, settings, tmp_path, "ann", "start", "Bot", "A support chatbot")
    sid = str(_first(ann)["id"])
    assert ann.stdout is not None
    assert [ann.stdout.readline().split()[1] for _ in range(2)] == ["name", "description"]
    # While Ann has it open, Ben is refused (not two writers on one interview).
    ben = _python(INTERVIEW, settings, tmp_path, "ben", "resume", sid)
    _out, err = ben.communicate("\n", timeout=120)
    assert ben.returncode != 0 and "is open in another Shirube process" in err
    ann.communicate("\n", timeout=120)
    assert ann.returncode == 0
    ben = _python(INTERVIEW, settings, tmp_path, "ben", "resume", sid, "2")
    seen = _first(ben)
    assert seen == {"id": sid, "answers": {"name": "Bot", "description": "A support chatbot"}}
    ben.communicate("\n", timeout=120)
    assert ben.returncode == 0
    with InterviewSession.open(sid, settings) as session:
        assert session.answers["organisation"] == "government"
        assert session.current is not None and session.current.id == "builds_models"
    with store.opened(settings) as conn:
        [info] = store.list_sessions(conn)
    assert (info.id, info.kind, info.title) == (sid, "interview", "Bot")


def test_two_people_continue_the_same_chat_thread(settings: Settings, tmp_path: Path) -> None:
    first = _python(CHAT, settings, tmp_path, "ann", "start", "Is the AI Promotion Act binding?")
    out, err = first.communicate(timeout=180)
    assert first.returncode == 0, err
    tid = json.loads(out)["id"]
    second = _python(CHAT, settings, tmp_path, "ben", "resume", tid, "Are there fines under it?")
    out, err = second.communicate(timeout=180)
    assert second.returncode == 0, err
    assert json.loads(out)["turns"] == [
        "Is the AI Promotion Act binding?",
        "Are there fines under it?",
    ]
    with ChatThread.open(tid, settings) as thread:
        assert thread.status_line() == "2 turns"


def test_a_process_killed_mid_interview_loses_no_acknowledged_answer(
    settings: Settings, tmp_path: Path
) -> None:
    answers = ["Bot", "A support chatbot", *["skip"] * 30]
    proc = _python(INTERVIEW, settings, tmp_path, "kim", "start", *answers)
    sid = str(_first(proc)["id"])
    assert proc.stdout is not None
    acked = [proc.stdout.readline().split()[1] for _ in range(5)]
    os.kill(proc.pid, signal.SIGKILL)  # the sixth answer may be half-way
    proc.wait(timeout=30)
    with InterviewSession.resume(sid, settings) as session:  # not left locked by the dead one
        assert set(acked) <= set(session.answers)
        assert session.answers["name"] == "Bot"
        assert session.current is not None  # still answerable
        session.answer("skip")


def test_a_session_open_elsewhere_cannot_be_deleted(settings: Settings) -> None:
    from agent.interview import session_lock

    with (
        InterviewSession.start(settings) as session,
        pytest.raises(UsageError, match="open in another Shirube process"),
        session_lock.held(settings, session.session_id),
    ):
        pass


def test_a_user_who_may_not_create_tables_continues_an_interview(
    postgres_url: str, tmp_path: Path
) -> None:
    import uuid

    import psycopg

    from tests.team.pg_server import fresh_database

    url = fresh_database(postgres_url, f"g_{uuid.uuid4().hex[:12]}")
    owner = Settings(home=tmp_path / "owner", database_url=url, offline=True)
    with InterviewSession.start(owner) as session:  # the first run creates the tables
        session.answer("Bot")
        sid = session.session_id
    role = f"clerk_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'CREATE ROLE "{role}" LOGIN')
        admin.execute(f'REVOKE CREATE ON SCHEMA public FROM PUBLIC, "{role}"')
        admin.execute(
            f'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "{role}"'
        )
    clerk = Settings(
        home=tmp_path / "clerk", database_url=url.replace("//shirube@", f"//{role}@"), offline=True
    )
    with InterviewSession.resume(sid, clerk) as session:
        session.answer("A support chatbot")
        assert session.answers == {"name": "Bot", "description": "A support chatbot"}

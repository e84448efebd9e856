"""`shirube sessions list` reads the registry only: no LangGraph or LangChain, well under 1 s."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from agent.chat.thread import ChatThread
from agent.interview import store
from agent.interview.session import InterviewSession
from core.config import Settings
from core.profile import UseCaseProfile
from tests.conftest import REPO_ROOT

# Runs the real command in a fresh interpreter, then says which heavy packages it loaded.
LIST_AND_REPORT = """
import sys
from typer.testing import CliRunner
from agent.cli.main import app
result = CliRunner().invoke(app, ["sessions", "list"])
print(result.output)
print("LOADED", sorted({m.split(".")[0] for m in sys.modules} & {"langchain_core", "langgraph"}))
"""


def _saved_sessions(home: Path) -> tuple[str, str]:
    settings = Settings(home=home)
    with InterviewSession.start(settings) as interview:
        interview.answer("Support bot")
        interview.answer("Answers customer questions")
        interview_id = interview.session_id
    with ChatThread.start(settings, offline=True) as thread:
        thread.link_profile(UseCaseProfile(name="Support bot"), "profile.yaml")
        chat_id = thread.thread_id
    return interview_id, chat_id


def _list(home: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", LIST_AND_REPORT],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env={**os.environ, "SHIRUBE_HOME": str(home), "COLUMNS": "200"},
        timeout=60,
        check=True,
    )
    return done.stdout


def test_sessions_list_shows_status_without_langchain_or_langgraph(fresh_home: Path) -> None:
    interview_id, chat_id = _saved_sessions(fresh_home)
    out = _list(fresh_home)
    assert "LOADED []" in out
    assert interview_id in out and "in progress (2/" in out
    assert chat_id in out and "0 turns, profile linked" in out


def test_a_session_saved_before_status_lines_gets_one_once(fresh_home: Path) -> None:
    interview_id, _ = _saved_sessions(fresh_home)
    settings = Settings(home=fresh_home)
    with sqlite3.connect(settings.sessions_db) as conn:  # as an older Shirube left it
        conn.execute("UPDATE shirube_sessions SET status = ''")
    assert "in progress (2/" in _list(fresh_home)  # read from the checkpoint this once
    with store.opened(settings) as conn:
        statuses = {s.id: s.status for s in store.list_sessions(conn)}
    assert statuses[interview_id].startswith("in progress (2/")
    assert "LOADED []" in _list(fresh_home)


def test_a_database_without_the_status_column_gains_it(fresh_home: Path) -> None:
    settings = Settings(home=fresh_home)
    settings.sessions_db.parent.mkdir(parents=True)
    with sqlite3.connect(settings.sessions_db) as conn:
        conn.execute(
            "CREATE TABLE shirube_sessions (id TEXT PRIMARY KEY, kind TEXT NOT NULL, "
            "created TEXT NOT NULL, updated TEXT NOT NULL, title TEXT NOT NULL DEFAULT '')"
        )
        conn.execute("INSERT INTO shirube_sessions VALUES ('00c0ffee', 'note', 'a', 'b', 'Old')")
    with store.opened(settings) as conn:
        [old] = store.list_sessions(conn)
    assert (old.id, old.title, old.status) == ("00c0ffee", "Old", "")


def test_rename_session(fresh_home: Path) -> None:
    interview_id, _ = _saved_sessions(fresh_home)
    with store.opened(Settings(home=fresh_home)) as conn:
        store.rename_session(conn, interview_id, "  Hiring   scorer ")
        titles = {s.id: s.title for s in store.list_sessions(conn)}
    assert titles[interview_id] == "Hiring scorer"

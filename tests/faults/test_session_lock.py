"""One writer per session: a second process (or window) opening the same session is refused.

Without the lock, two `interview --resume ID` recorded one's answer against the other's question.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from agent.chat.thread import ChatThread
from agent.interview.session import InterviewSession
from core.config import Settings
from core.errors import UsageError
from tests.conftest import VENV_BIN
from tests.faults.cli_runner import run_cli

SHIRUBE = str(VENV_BIN / "shirube")
BUSY = "is open in another Shirube process or window; close it there or wait"


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_second_resume_of_an_open_interview_is_refused(fresh_home: Path) -> None:
    settings = Settings(home=fresh_home)
    first = InterviewSession.start(settings)
    sid = first.session_id
    with pytest.raises(UsageError, match=f"Session {sid} {BUSY}"):
        InterviewSession.resume(sid, settings)
    first.answer("Bot")  # the holder goes on undisturbed
    first.close()
    with InterviewSession.resume(sid, settings) as second:
        assert second.answers == {"name": "Bot"}
        assert second.current is not None and second.current.id == "description"


def test_reading_an_open_session_is_allowed(fresh_home: Path) -> None:
    settings = Settings(home=fresh_home)
    with InterviewSession.start(settings) as session:
        session.answer("Bot")
        listed = run_cli("sessions", "list")
        shown = run_cli("sessions", "show", session.session_id)
    assert listed.code == 0 and session.session_id in listed.out, listed
    assert shown.code == 0 and "name: Bot" in shown.out, shown


def test_deleting_an_open_session_is_refused_and_keeps_it(fresh_home: Path) -> None:
    settings = Settings(home=fresh_home)
    with InterviewSession.start(settings) as session:
        session.answer("Bot")
        result = run_cli("sessions", "delete", session.session_id)
        assert result.code == 2
        assert f"Session {session.session_id} {BUSY}" in _flat(result.err)
    with InterviewSession.open(session.session_id, settings) as kept:
        assert kept.answers == {"name": "Bot"}


def test_second_resume_of_an_open_chat_thread_is_refused(fresh_home: Path) -> None:
    settings = Settings(home=fresh_home)
    with ChatThread.start(settings, offline=True) as thread:
        with pytest.raises(UsageError, match=f"Session {thread.thread_id} {BUSY}"):
            ChatThread.resume(thread.thread_id, settings, offline=True)
        with ChatThread.open(thread.thread_id, settings) as reader:
            assert reader.turns == []
    with ChatThread.resume(thread.thread_id, settings, offline=True) as again:
        assert again.thread_id == thread.thread_id


def _read_until(stream, pattern: re.Pattern[str], seen: list[str]) -> re.Match[str]:
    while line := stream.readline():
        seen.append(line)
        if match := pattern.search(line):
            return match
    raise AssertionError("".join(seen))


@pytest.mark.timeout(240)
def test_two_processes_resuming_one_interview(fresh_home: Path, tmp_path: Path) -> None:
    env = {**os.environ, "SHIRUBE_HOME": str(fresh_home), "COLUMNS": "250"}
    holder = subprocess.Popen(
        [SHIRUBE, "interview", "--offline"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert holder.stdin is not None and holder.stdout is not None
    seen: list[str] = []
    try:
        sid = _read_until(holder.stdout, re.compile(r"Session ([0-9a-f]{8}) started"), seen)[1]
        _read_until(holder.stdout, re.compile(r"\[1/\d+\]"), seen)
        holder.stdin.write("Bot\n")
        holder.stdin.flush()
        _read_until(holder.stdout, re.compile(r"\[2/\d+\]"), seen)  # "Bot" is on disk
        second = subprocess.run(
            [SHIRUBE, "interview", "--resume", sid, "--offline"],
            input="A chatbot for the other process\n",
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=120,
            check=False,
        )
        assert second.returncode == 2, second.stdout + second.stderr
        assert f"Error: Session {sid} {BUSY}" in _flat(second.stderr)
        assert "Traceback" not in second.stderr
        holder.stdin.write("A chatbot\nquit\n")
        holder.stdin.flush()
        holder.communicate(timeout=120)
    finally:
        if holder.poll() is None:
            holder.kill()
    assert holder.returncode == 0
    with InterviewSession.resume(sid, Settings(home=fresh_home)) as resumed:
        # Each answer against its own question: nothing from the refused process.
        assert resumed.answers == {"name": "Bot", "description": "A chatbot"}

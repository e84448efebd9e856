"""Privacy: no connection except to the configured hosts; deleted sessions leave no bytes."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from core.config import Settings
from tests.agent.ollama_fixture import ollama_server
from tests.faults.cli_runner import run_cli

_CONNECTS: list[Any] | None = None


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if event == "socket.connect" and _CONNECTS is not None:
        _CONNECTS.append(args[1])


sys.addaudithook(_hook)  # audit hooks cannot be removed: it records only inside `connections()`


@contextmanager
def connections() -> Iterator[list[Any]]:
    global _CONNECTS
    _CONNECTS = []
    try:
        yield _CONNECTS
    finally:
        _CONNECTS = None


def test_offline_ask_and_assess_open_no_connection(index_home: Path, tmp_path: Path) -> None:
    from agent.qa import ask
    from core.profile import UseCaseProfile
    from knowledge.index.store import ensure_index, reset_process_cache
    from tools.assess import assess

    settings = Settings(home=index_home)
    with connections() as seen:
        reset_process_cache()  # reopen the persisted index as a new process would
        ensure_index(settings, progress=False)
        ask("Does Japan have an AI Act?", settings=settings, offline=True)
        assess(UseCaseProfile(personal_data="sensitive", sectors=["health"]))
    assert seen == []


def test_model_ask_connects_only_to_the_configured_ollama(index_home: Path) -> None:
    from agent.qa import ask

    with ollama_server("normal", reply="Japan has the AI Promotion Act [1].") as server:
        port = server.server_address[1]
        settings = Settings(home=index_home, ollama_host=server.url, model="fake:7b")
        with connections() as seen:
            ask("Does Japan have an AI Act?", settings=settings)
    assert seen, "the model call should have connected to the fixture server"
    assert {tuple(addr[:2]) for addr in seen} == {("127.0.0.1", port)}


def test_sessions_delete_removes_the_answers_from_the_file(fresh_home: Path) -> None:
    from agent.interview import InterviewSession

    canary = "Zebra-Canary-7731 triage bot"
    session = InterviewSession.start(Settings(home=fresh_home))
    session.answer(canary)
    session_id = session.session_id
    session.close()
    db = fresh_home / "sessions.sqlite"
    raw = b"".join(p.read_bytes() for p in fresh_home.glob("sessions.sqlite*"))
    assert canary.encode() in raw  # the answer really was stored

    result = run_cli("sessions", "delete", session_id)
    assert result.code == 0, result
    raw = b"".join(p.read_bytes() for p in fresh_home.glob("sessions.sqlite*"))
    assert db.exists() and canary.encode() not in raw

"""Every way the model server fails still gives a cited rule-base answer, a notice, no storm."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.doctor import check_ollama
from agent.qa import ask
from tests.agent.ollama_fixture import ollama_server
from tests.faults.offline_answer import QUESTION, assert_rule_base_answer, fake_model_settings
from tests.integration.chroma_server import free_port


def _chats(server: object) -> int:
    return sum(1 for path, _ in server.requests if path == "/api/chat")


def test_ollama_down(index_home: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    answer = ask(QUESTION, settings=fake_model_settings(index_home, url))
    assert_rule_base_answer(answer, f"no Ollama server answered at {url}")


@pytest.mark.parametrize(
    ("mode", "notice_part", "max_chats"),
    [
        ("not_found", "model 'fake:7b' is not pulled", 0),
        ("malformed", "malformed", 1),
        ("garbled", "malformed", 1),
    ],
)
def test_model_errors_fall_back_without_a_retry_storm(
    index_home: Path, mode: str, notice_part: str, max_chats: int
) -> None:
    with ollama_server(mode) as server:
        answer = ask(QUESTION, settings=fake_model_settings(index_home, server.url))
    assert_rule_base_answer(answer, notice_part)
    assert _chats(server) <= max_chats  # 4xx and malformed replies are never retried in a loop
    assert len(server.requests) <= max_chats + 2


def test_slow_model_times_out(index_home: Path) -> None:
    with ollama_server("slow", slow_seconds=3.0) as server:
        settings = fake_model_settings(index_home, server.url, read_timeout=0.5)
        answer = ask(QUESTION, settings=settings)
    assert_rule_base_answer(answer, "did not answer in time")
    assert _chats(server) == 1  # one call per answer: a timeout is never retried
    assert answer.latency_ms < 5000


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("normal", [("ollama", "ok"), ("model", "ok"), ("tools", "ok")]),
        ("not_found", [("ollama", "ok"), ("model", "warn")]),
        ("no_tools", [("ollama", "ok"), ("model", "ok"), ("tools", "warn")]),
    ],
)
def test_doctor_reports_each_ollama_state(
    tmp_path: Path, mode: str, expected: list[tuple[str, str]]
) -> None:
    with ollama_server(mode) as server:
        checks = check_ollama(fake_model_settings(tmp_path, server.url))
    assert [(c.name, c.status) for c in checks] == expected
    assert checks[0].detail == f"Ollama 0.12.0 at {server.url}"
    last = checks[-1]
    if mode == "not_found":
        assert last.fix == "Run `ollama pull fake:7b` or set SHIRUBE_MODEL to a pulled model."
    if mode == "no_tools":
        assert "does not support tools" in last.detail and "tool-capable" in (last.fix or "")


def test_doctor_with_ollama_down(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    (check,) = check_ollama(fake_model_settings(tmp_path, url))
    assert check.status == "warn" and f"no Ollama server at {url}" in check.detail
    assert "offline mode" in check.detail and "OLLAMA_HOST" in (check.fix or "")

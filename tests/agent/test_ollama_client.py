"""The real ollama client against a local fake server: every failure falls back cleanly."""

from __future__ import annotations

import socket

import pytest

from agent.config import Settings
from agent.model import probe
from agent.offline import OFFLINE_NOTICE
from agent.qa import ask
from tests.agent.ollama_fixture import ollama_server

QUESTION = "Are the AI Guidelines for Business legally binding?"
REPLY = "No. The AI Guidelines for Business are non-binding soft law [topic:faq_aigfb_binding]."


def _settings(base: Settings, url: str) -> Settings:
    return base.model_copy(
        update={"ollama_host": url, "model": "fake:7b", "read_timeout": 0.5, "offline": False}
    )


def test_streaming_answer_from_a_tool_capable_model(settings: Settings) -> None:
    with ollama_server("normal", reply=REPLY) as server:
        answer = ask(QUESTION, settings=_settings(settings, server.url))
        chats = [body for path, body in server.requests if path == "/api/chat"]
    assert answer.mode == "model:fake:7b"
    assert answer.notice is None
    assert answer.answer == "No. The AI Guidelines for Business are non-binding soft law [1]."
    assert [c.id for c in answer.citations] == ["aigfb"]
    assert chats[0]["stream"] is True
    assert {t["function"]["name"] for t in chats[0]["tools"]} >= {
        "search_knowledge",
        "classify_roles",
        "lookup_triggers",
        "build_checklist",
    }
    assert chats[0]["keep_alive"] == settings.keep_alive


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_server_down(settings: Settings) -> None:
    url = f"http://127.0.0.1:{_closed_port()}"
    answer = ask(QUESTION, settings=_settings(settings, url))
    assert answer.mode == "offline"
    assert (
        answer.notice == f"{OFFLINE_NOTICE} Model unavailable: no Ollama server answered at {url}."
    )
    assert answer.answer.startswith("No")


@pytest.mark.parametrize(
    ("mode", "reason"),
    [
        ("not_found", "model 'fake:7b' is not pulled on {url}"),
        ("no_tools", "model 'fake:7b' does not support tools"),
        ("tools_400", "model 'fake:7b' does not support tools"),
        ("slow", "Ollama at {url} did not answer in time"),
        ("malformed", "the model sent a malformed response"),
    ],
)
def test_failures_fall_back_with_a_one_line_notice(
    settings: Settings, mode: str, reason: str
) -> None:
    with ollama_server(mode, reply=REPLY, slow_seconds=1.5) as server:
        answer = ask(QUESTION, settings=_settings(settings, server.url))
        expected = reason.format(url=server.url)
    assert answer.mode == "offline"
    assert answer.notice == f"{OFFLINE_NOTICE} Model unavailable: {expected}."
    assert "\n" not in answer.notice
    assert answer.answer.startswith("No")
    assert [c.id for c in answer.citations] == ["aigfb"]


def test_probe_runs_once_per_process(settings: Settings) -> None:
    with ollama_server("normal", reply=REPLY) as server:
        configured = _settings(settings, server.url)
        assert probe(configured).available
        assert probe(configured).available
        shows = [path for path, _ in server.requests if path == "/api/show"]
    assert shows == ["/api/show"]

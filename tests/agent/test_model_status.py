"""Which model, or offline? One typed decision (agent.model.ModelStatus), never read from text."""

from __future__ import annotations

from agent.model import ModelState, model_status
from core.config import Settings
from tests.agent.ollama_fixture import ollama_server


def _at(base: Settings, url: str, **extra: object) -> Settings:
    return base.model_copy(update={"ollama_host": url, "model": "fake:7b", **extra})


def test_offline_by_choice_asks_no_server(settings: Settings) -> None:
    with ollama_server(reply="No.") as server:
        status = model_status(_at(settings, server.url, offline=True))
        assert server.requests == []
    assert status.state is ModelState.offline and not status.available


def test_each_failure_has_its_own_state(settings: Settings) -> None:
    down = model_status(_at(settings, "http://127.0.0.1:9"))
    assert down.state is ModelState.no_server and down.reason
    with ollama_server("not_found") as server:
        missing = model_status(_at(settings, server.url))
    assert missing.state is ModelState.model_missing
    assert missing.reason is not None and "not pulled" in missing.reason
    with ollama_server(reply="No.") as server:
        ready = model_status(_at(settings, server.url))
    assert ready.state is ModelState.ready and ready.available and ready.reason is None

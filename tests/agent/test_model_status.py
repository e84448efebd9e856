"""Which model, or offline? One typed decision (agent.model_status), never read from text."""

from __future__ import annotations

from typing import Any

from langchain_core.language_models.fake_chat_models import GenericFakeChatModel

from agent.model_status import ModelState, ModelStatus, model_status
from agent.qa import ask
from core.config import Settings
from tests.agent.ollama_fixture import ollama_server
from tests.fakes import fake_model


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


class _FailingModel(GenericFakeChatModel):
    """A model that was there at the start but fails when asked (the server went away)."""

    def _generate(self, *args: Any, **kwargs: Any) -> Any:
        raise ConnectionError("gone")


def test_an_answer_carries_the_decision_typed(settings: Settings) -> None:
    offline = ask("Does Japan have an AI Act?", settings=settings, offline=True)
    assert offline.model == ModelStatus(state=ModelState.offline, reason="offline mode is on")
    down = ask("Does Japan have an AI Act?", settings=_at(settings, "http://127.0.0.1:9"))
    assert down.model is not None and down.model.state is ModelState.no_server
    assert down.model.failed and down.model.reason


def test_a_model_failing_mid_answer_is_recorded_in_any_language(settings: Settings) -> None:
    model = _FailingModel(messages=iter([]))
    for question in ("Does Japan have an AI Act?", "日本にAI法はありますか？"):
        answer = ask(question, settings=settings, chat_model=model)
        assert answer.mode == "offline"
        assert answer.model is not None and answer.model.state is ModelState.no_server
        assert answer.model.failed


def test_the_callers_model_is_ready_under_its_name(settings: Settings) -> None:
    status = model_status(settings, chat_model=fake_model(["x"]))
    # A fake model has no `model` attribute: the configured name stands in.
    assert status.available and status.name == settings.model and status.reason is None

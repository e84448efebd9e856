"""The Ollama chat model: a one-time availability probe per process and the model factory.

The decision itself (ModelStatus) lives in agent.model_status, which loads none of this.
"""

from __future__ import annotations

import logging
from functools import cache

import httpx
import ollama
from langchain_core.language_models import BaseChatModel
from pydantic import ValidationError

from agent.model_limits import AnswerDeadline, AnswerTooLong
from agent.model_status import ModelState, ModelStatus
from core.config import Settings

log = logging.getLogger(__name__)

PROBE_READ_TIMEOUT = 10.0

# Everything a model call can raise that means "no usable model": the offline composer answers.
MODEL_ERRORS: tuple[type[Exception], ...] = (
    ConnectionError,
    httpx.TransportError,
    httpx.HTTPStatusError,
    ollama.ResponseError,
    ValidationError,  # malformed responses (e.g. tool-call arguments that are not an object)
    ValueError,
    TimeoutError,
)


def state_of(exc: BaseException) -> ModelState:
    """The kind of failure a model error means (describe_error says it in words)."""
    if isinstance(exc, ollama.ResponseError) and exc.status_code == 404:
        return ModelState.model_missing
    if isinstance(exc, ConnectionError | httpx.TransportError | TimeoutError):
        return ModelState.no_server
    return ModelState.unusable


def describe_error(exc: BaseException, settings: Settings) -> str:
    """One line saying why the model could not be used, in English from ui_labels
    `model_reason` (knowledge.ui_labels.reword shows it in Japanese)."""
    from knowledge.ui_labels import ui_text

    def said(name: str, **values: object) -> str:
        return ui_text(f"model_reason.{name}", "en", **values)

    model, url = settings.model, settings.ollama_url
    if isinstance(exc, AnswerDeadline):
        return said("deadline", seconds=f"{settings.answer_deadline:g}")
    if isinstance(exc, AnswerTooLong):
        return said("too_long", chars=settings.max_answer_chars)
    if isinstance(exc, ollama.ResponseError):
        if exc.status_code == 404:
            return said("not_pulled", model=model, url=url)
        if "does not support tools" in str(exc.error):
            return said("no_tools", model=model)
        log.info("Ollama answered %s: %s", exc.status_code, exc.error)
        return said("answered", code=exc.status_code)
    if isinstance(exc, httpx.TimeoutException | TimeoutError):
        return said("too_slow", url=url)
    if isinstance(exc, ConnectionError | httpx.TransportError):
        return said("no_server", url=url)
    if isinstance(exc, ValidationError | ValueError):
        return said("malformed")
    return said("failed", error=type(exc).__name__)


def _timeout(settings: Settings) -> httpx.Timeout:
    # No single read may outlast the whole answer's deadline.
    read = min(settings.read_timeout, settings.answer_deadline)
    return httpx.Timeout(read, connect=settings.connect_timeout)


@cache
def _probe(url: str, model: str, connect: float, read: float) -> ModelStatus:
    # The probe only reads metadata: a server too slow for that is too slow to chat with.
    read = min(read, PROBE_READ_TIMEOUT)
    settings = Settings(ollama_host=url, model=model, connect_timeout=connect, read_timeout=read)
    client = ollama.Client(host=url, timeout=_timeout(settings))
    try:
        client.show(model)
    except MODEL_ERRORS as exc:
        return ModelStatus(state=state_of(exc), reason=describe_error(exc, settings))
    # No tool calls any more: the model only phrases an opening, so any chat model will do.
    return ModelStatus(state=ModelState.ready, name=model)


def probe(settings: Settings) -> ModelStatus:
    """Is the configured model reachable and pulled? Asked once per process."""
    status = _probe(
        settings.ollama_url, settings.model, settings.connect_timeout, settings.read_timeout
    )
    if not status.available:
        log.info("model unavailable: %s", status.reason)
    return status


def make_chat_model(settings: Settings) -> BaseChatModel:
    """ChatOllama on the configured host with Shirube's timeouts, limits and keep-alive."""
    from agent.bounded_ollama import BoundedChatOllama

    return BoundedChatOllama(
        model=settings.model,
        base_url=settings.ollama_url,
        keep_alive=settings.keep_alive,
        num_ctx=settings.num_ctx,
        num_predict=settings.opening_max_tokens,
        temperature=0,
        client_kwargs={"timeout": _timeout(settings)},
        answer_deadline=settings.answer_deadline,
        max_answer_chars=settings.max_answer_chars,
    )

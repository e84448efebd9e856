"""Which model answers, or why none does: one typed decision read by the CLI, TUI and evals.

Light on purpose (pydantic only): answers carry a ModelStatus, so importing it must not load the
model stack (ollama, httpx, LangChain chat models); agent.model probes and builds the model.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from core.config import Settings

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel


class ModelState(StrEnum):
    """Which model answers, or why none does."""

    ready = "ready"
    offline = "offline"
    """Offline by choice (--offline, SHIRUBE_OFFLINE): no model is asked."""
    no_server = "no_server"
    """No Ollama server answered (or not in time)."""
    model_missing = "model_missing"
    """The server answered but the model is not pulled there."""
    unusable = "unusable"
    """The server answered but the model cannot be used (an error, a malformed reply)."""


class ModelStatus(BaseModel):
    """The model decision: the model's name when one answers, else the reason (one line)."""

    model_config = ConfigDict(frozen=True)

    state: ModelState
    name: str | None = None
    reason: str | None = None

    @property
    def available(self) -> bool:
        return self.state is ModelState.ready

    @property
    def failed(self) -> bool:
        """A model was wanted but none could answer (offline by choice is not a failure)."""
        return self.state not in (ModelState.ready, ModelState.offline)


OFFLINE = ModelStatus(state=ModelState.offline, reason="offline mode is on")


def model_status(
    settings: Settings, *, chat_model: BaseChatModel | None = None, offline: bool = False
) -> ModelStatus:
    """The one decision: the caller's model, offline by choice, else what the probe found
    (once per process)."""
    if chat_model is not None:
        name = getattr(chat_model, "model", None) or settings.model
        return ModelStatus(state=ModelState.ready, name=str(name))
    if offline or settings.offline:
        return OFFLINE
    # The model stack (ollama, httpx) is imported only when a model may answer.
    from agent.model import probe

    return probe(settings)


def choose_model(
    settings: Settings, *, chat_model: BaseChatModel | None = None, offline: bool = False
) -> tuple[BaseChatModel | None, ModelStatus]:
    """(the model to use or None, the status saying which or why not)."""
    status = model_status(settings, chat_model=chat_model, offline=offline)
    if chat_model is not None or not status.available:
        return chat_model, status
    from agent.model import make_chat_model

    return make_chat_model(settings), status

"""ChatOllama with Shirube's per-reply deadline and length cap (see agent.model_limits)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from langchain_core.messages import BaseMessage
from langchain_ollama import ChatOllama

from agent.model_limits import bounded


class BoundedChatOllama(ChatOllama):
    """Every call streams (ChatOllama does, even for invoke); the stream is read within limits.

    A caller may pass `deadline=<seconds>` to a call to spend what is left of a larger budget.
    """

    answer_deadline: float = 90.0
    max_answer_chars: int = 8000

    def _create_chat_stream(
        self, messages: list[BaseMessage], stop: list[str] | None = None, **kwargs: Any
    ) -> Iterator[Mapping[str, Any] | str]:
        deadline = min(kwargs.pop("deadline", None) or self.answer_deadline, self.answer_deadline)
        parts = super()._create_chat_stream(messages, stop, **kwargs)
        yield from bounded(parts, deadline, self.max_answer_chars)

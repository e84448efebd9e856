"""ChatOllama with Shirube's per-reply deadline and length cap (see agent.model_limits)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from langchain_core.messages import BaseMessage
from langchain_ollama import ChatOllama

from agent.model_limits import bounded


class BoundedChatOllama(ChatOllama):
    """Every call streams (ChatOllama does, even for invoke); the stream is read within limits.

    An answer makes one model call (agent.answer.phrase), so the call's deadline is the answer's.
    """

    answer_deadline: float = 90.0
    max_answer_chars: int = 8000

    def _create_chat_stream(
        self, messages: list[BaseMessage], stop: list[str] | None = None, **kwargs: Any
    ) -> Iterator[Mapping[str, Any] | str]:
        parts = super()._create_chat_stream(messages, stop, **kwargs)
        yield from bounded(parts, self.answer_deadline, self.max_answer_chars)

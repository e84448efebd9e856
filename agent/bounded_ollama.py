"""ChatOllama with Shirube's per-reply deadline and length cap (see agent.model_limits)."""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from typing import Any

from langchain_core.messages import BaseMessage
from langchain_ollama import ChatOllama

from agent.model_limits import bounded


class BoundedChatOllama(ChatOllama):
    """Every call streams (ChatOllama does, even for invoke); the stream is read within limits.

    An answer may make two calls (the reading in agent/answer/propose.py, the opening in
    agent/answer/phrase.py): a call given `deadline_at` (time.monotonic()) gets only what is left
    of the answer's deadline.
    """

    answer_deadline: float = 90.0
    max_answer_chars: int = 8000

    def _create_chat_stream(
        self, messages: list[BaseMessage], stop: list[str] | None = None, **kwargs: Any
    ) -> Iterator[Mapping[str, Any] | str]:
        deadline = self.answer_deadline
        deadline_at = kwargs.pop("deadline_at", None)
        if deadline_at is not None:
            deadline = min(deadline, max(deadline_at - time.monotonic(), 0.0))
        parts = super()._create_chat_stream(messages, stop, **kwargs)
        yield from bounded(parts, deadline, self.max_answer_chars)

"""Limits on one model reply: a deadline for the whole reply and a cap on its length.

The HTTP read timeout restarts with every token, so a server that trickles a token a second
never trips it; and a runaway server can stream megabytes. `bounded` watches the stream itself
and stops reading (closing the connection) at whichever limit comes first.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from typing import Any


class AnswerDeadline(TimeoutError):
    """The reply took longer than SHIRUBE_ANSWER_DEADLINE."""


class AnswerTooLong(ValueError):
    """The reply passed SHIRUBE_MAX_ANSWER_CHARS."""


def reply_chars(part: Mapping[str, Any]) -> int:
    """Characters of reply in one streamed Ollama chat part (text, thinking, tool calls)."""
    message = part.get("message") or {}
    text = message.get("content") or ""
    thinking = message.get("thinking") or ""
    calls = message.get("tool_calls")
    return len(text) + len(thinking) + (len(str(calls)) if calls else 0)


def bounded(parts: Iterator[Any], deadline_s: float, max_chars: int) -> Iterator[Any]:
    """`parts` until the stream ends, the deadline passes or the reply grows past `max_chars`."""
    ends = time.monotonic() + deadline_s
    seen = 0
    try:
        for part in parts:
            if time.monotonic() > ends:
                raise AnswerDeadline(f"the model took longer than {deadline_s:g} s")
            if not isinstance(part, str):
                seen += reply_chars(part)
            if seen > max_chars:
                raise AnswerTooLong(f"the model's reply passed {max_chars} characters")
            yield part
    finally:
        close = getattr(parts, "close", None)
        if close is not None:
            close()  # stop reading: closes the HTTP response under the stream

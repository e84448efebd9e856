"""Stub entry points for runner tests: plain objects shaped like agent.qa.Answer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Cite:
    id: str


@dataclass
class StubAnswer:
    answer: str
    citations: list[Cite]
    scope: str = "in"
    mode: str = "offline"
    notice: str | None = None
    tools_called: list[Any] = field(default_factory=list)
    latency_ms: float = 1.0


@dataclass
class RecordingAsk:
    """Answers every question with one fixed reply and records the keyword arguments it got."""

    reply: StubAnswer
    calls: list[dict[str, Any]] = field(default_factory=list)

    def __call__(self, question: str, **kwargs: Any) -> StubAnswer:
        self.calls.append({"question": question, **kwargs})
        return self.reply

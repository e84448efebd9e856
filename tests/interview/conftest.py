"""Fixtures for the interview tests: a real SQLite checkpointer in a temp dir, and a driver."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from langgraph.graph.state import CompiledStateGraph
from langgraph.types import Command

from agent.interview import store
from agent.interview.graph import build_graph, run_config
from agent.interview.state import InterviewContext
from core.config import Settings


@dataclass
class GraphRun:
    """A compiled interview graph on a real SQLite file, plus what a scripted run saw."""

    graph: CompiledStateGraph
    conn: sqlite3.Connection
    plan_dir: Path
    asked: list[str] = field(default_factory=list)
    payloads: list[dict[str, Any]] = field(default_factory=list)

    def context(self, thread: str, fmt: str = "markdown") -> InterviewContext:
        suffix = "md" if fmt == "markdown" else "json"
        return InterviewContext(
            session_id=thread, output=str(self.plan_dir / f"{thread}.{suffix}"), fmt=fmt
        )

    def invoke(self, thread: str, payload: Any, fmt: str = "markdown") -> None:
        self.graph.invoke(
            payload, config=run_config(thread), context=self.context(thread, fmt), durability="sync"
        )

    def pending(self, thread: str) -> dict[str, Any] | None:
        snapshot = self.graph.get_state(run_config(thread))
        return snapshot.interrupts[0].value if snapshot.interrupts else None

    def values(self, thread: str) -> dict[str, Any]:
        return dict(self.graph.get_state(run_config(thread)).values)

    def start(self, thread: str, fmt: str = "markdown") -> None:
        self.invoke(thread, {"answers": {}, "history": []}, fmt)

    def say(self, thread: str, text: str, fmt: str = "markdown") -> dict[str, Any] | None:
        self.invoke(thread, Command(resume=text), fmt)
        payload = self.pending(thread)
        if payload is not None:
            self.payloads.append(payload)
        return payload

    def drive(
        self,
        thread: str,
        answers: dict[str, str],
        confirm: list[str] | None = None,
        fmt: str = "markdown",
    ) -> dict[str, Any]:
        """Answer every question from `answers` ('skip' when absent) and confirm; final values."""
        self.start(thread, fmt)
        replies = list(confirm or ["yes"])
        while (payload := self.pending(thread)) is not None:
            if payload["kind"] == "question":
                self.asked.append(payload["id"])
                self.say(thread, answers.get(payload["id"], "skip"), fmt)
            else:
                self.say(thread, replies.pop(0), fmt)
        return self.values(thread)


@pytest.fixture
def graph_run(tmp_path: Path) -> Iterator[GraphRun]:
    settings = Settings(home=tmp_path / "home")
    conn = store.connect(settings)
    plan_dir = tmp_path / "plans"
    plan_dir.mkdir()
    yield GraphRun(graph=build_graph(store.checkpointer(conn)), conn=conn, plan_dir=plan_dir)
    conn.close()


@pytest.fixture
def settings(fresh_home: Path) -> Settings:
    return Settings(home=fresh_home)

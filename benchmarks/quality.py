"""Figures that need the agent in this process: per-node times and retrieval hit rates."""

from __future__ import annotations

import functools
import json
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

NODES = ("guard", "retrieve", "offline_answer", "verify", "final", "out_of_scope")


def time_nodes() -> dict[str, list[float]]:
    """Wrap the Q&A graph's node functions with timers; returns where the timings land."""
    import agent.graph as graph

    times: dict[str, list[float]] = defaultdict(list)

    def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)  # keeps the signature LangGraph reads to inject the runtime
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                times[name].append((time.perf_counter() - started) * 1000)

        return wrapper

    for name in NODES:
        setattr(graph, name, timed(name, getattr(graph, name)))
    graph.qa_graph.cache_clear()
    return times


def qa_cases(repo: Path) -> list[dict[str, Any]]:
    path = repo / "evals" / "cases" / "qa.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def retrieval_hits(cases: list[dict[str, Any]]) -> dict[str, tuple[float, float, int]]:
    """Top-1 / top-3 hit rate per method: a hit is a passage citing an expected instrument."""
    from knowledge.index.search import CANDIDATES, search, semantic_ranking
    from knowledge.index.store import load_index

    index, _ = load_index(progress=False)
    graded = [c for c in cases if c["expect"].get("citations_any")]

    def sources(positions: list[int]) -> list[str]:
        return [index.documents[p].source_id for p in positions]

    methods: dict[str, Callable[[str], list[str]]] = {
        "vector-only": lambda q: sources(semantic_ranking(index, q, 3)),
        "lexical-only": lambda q: sources(index.lexical.ranked(q, CANDIDATES)[:3]),
        "hybrid (used)": lambda q: [p.source_id or "" for p in search(q, k=3)],
    }
    out = {}
    for name, method in methods.items():
        top1 = top3 = 0
        for case in graded:
            want = set(case["expect"]["citations_any"])
            got = method(case["question"])
            top1 += bool(got[:1] and got[0] in want)
            top3 += bool(want & set(got[:3]))
        out[name] = (top1 / len(graded), top3 / len(graded), len(graded))
    return out

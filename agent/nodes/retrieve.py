"""Retrieval: split a multi-part question and run hybrid search for each part."""

from __future__ import annotations

from typing import Any, Literal

from langgraph.runtime import Runtime

from agent.intents import expand_terms
from agent.scope_data import scope
from agent.state import QAContext, QAState

PER_PART_K = 5
MIN_PART_WORDS = 3


def split_parts(question: str) -> list[str]:
    """'When … and what …?' → ['When …', 'what …']; a one-part question stays whole."""
    pieces = [p.strip(" ,.") for p in scope().splitter.split(question)]
    parts: list[str] = []
    for piece in pieces:
        if not piece:
            continue
        if parts and len(piece.split()) < MIN_PART_WORDS:
            parts[-1] = f"{parts[-1]} {piece}"  # a fragment belongs to the part before it
        else:
            parts.append(piece)
    # One part: search with the question as asked (the splitter dropped its question mark).
    return parts if len(parts) > 1 else [question.strip()]


def search_passages(query: str, k: int, context: QAContext) -> list[Any]:
    from knowledge.index.search import search

    return list(search(query, k, settings=context.settings))


def retrieve(state: QAState, runtime: Runtime[QAContext]) -> QAState:
    # A Japanese question is searched with the English words the rule base uses for its terms.
    parts = [expand_terms(part) for part in split_parts(state["question"])]
    per_part = [search_passages(part, PER_PART_K, runtime.context) for part in parts]
    if len(parts) > 1:
        # The whole question too: it often names the subject the later parts leave out.
        whole = expand_terms(state["question"])
        per_part.append(search_passages(whole, PER_PART_K, runtime.context))
    return {"parts": parts, "part_passages": per_part}


def route_answer(state: QAState) -> Literal["prompt", "offline"]:
    return "prompt" if state.get("use_model") else "offline"

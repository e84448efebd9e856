"""Scope and injection guard: decides whether Shirube answers from its rule base at all."""

from __future__ import annotations

from typing import Literal

from agent.scope_data import scope
from agent.state import QAState


def classify(question: str) -> tuple[Literal["in", "out"], bool]:
    """(scope, injection) for a question; pure, so it is tested without a graph."""
    rules = scope()
    if rules.injection.search(question):
        return "out", True
    named = bool(rules.instrument.search(question))
    about_japan = named or bool(rules.japan.search(question))
    if rules.other.search(question) and not about_japan:
        return "out", False  # another jurisdiction only: nothing to say from a Japan rule base
    if named or rules.topic.search(question):
        return "in", False
    return "out", False


def guard(state: QAState) -> QAState:
    verdict, injection = classify(state["question"])
    return {"scope": verdict, "injection": injection}


def out_of_scope(state: QAState) -> QAState:
    rules = scope()
    text = rules.injection_message if state.get("injection") else rules.out_of_scope_message
    return {"answer": text, "citations": [], "mode": "offline", "notice": None}


def route_guard(state: QAState) -> Literal["retrieve", "out_of_scope"]:
    return "retrieve" if state.get("scope") == "in" else "out_of_scope"

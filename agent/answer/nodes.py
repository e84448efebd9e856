"""The answer engine's graph nodes: understand → (search) → compose; routers are pure."""

from __future__ import annotations

from typing import Any, Literal

from langgraph.runtime import Runtime

from agent.answer.compose import compose
from agent.answer.lang import templates
from agent.answer.propose import ask_model, blank_parts, fill_blanks
from agent.answer.query import Query
from agent.answer.understand import understand
from agent.state import QAContext, QAState

OFFLINE_NOTICE = "Offline mode: answer composed from Shirube's rule base (no model)."
SEARCH_K = 8
FACTS_PER_SEARCH = 2


def understand_node(state: QAState, runtime: Runtime[QAContext]) -> QAState:
    """The engine's reading; with a model, the model's reading fills the parts it left blank."""
    earlier = [asked for asked, _ in state.get("history", [])]
    query = understand(
        state["question"], runtime.context.reader(), history=earlier, lang=state.get("lang")
    )
    model = runtime.context.chat_model
    if model is not None and state.get("use_model") and blank_parts(query):
        proposal = ask_model(model, state["question"], **runtime.context.model_limits())
        if proposal is not None:
            filled = fill_blanks(query, proposal, runtime.context.reader())
            if filled != query:
                query = filled.model_copy(update={"read_by": "engine+model"})
    return {"query": query.model_dump(mode="json")}


def _query(state: QAState) -> Query:
    return Query.model_validate(state["query"])


def route_query(state: QAState) -> Literal["search", "compose"]:
    """Pure: parts the engine cannot look up are searched among the facts first."""
    query = _query(state)
    if query.use_case:
        return "compose"
    return "search" if any(part.route == "search" for part in query.parts) else "compose"


def _fact_ids(passages: list[Any]) -> list[str]:
    return [p.ref_id for p in passages if p.kind == "fact"][:FACTS_PER_SEARCH]


def expand_terms(text: str) -> str:
    """The text plus the rule base's English words for the Japanese terms and abbreviations in it
    (the facts are searched in English)."""
    from agent.scope_data import scope

    extra = [english for pattern, english in scope().glossary if pattern.search(text)]
    return f"{text} {' '.join(extra)}" if extra else text


def search_node(state: QAState, runtime: Runtime[QAContext]) -> QAState:
    from knowledge.index.search import search

    query = _query(state)
    found: dict[str, list[str]] = {}
    for n, part in enumerate(query.parts):
        if part.route == "search":
            text = expand_terms(part.text)
            passages = search(text, SEARCH_K, settings=runtime.context.settings)
            found[str(n)] = _fact_ids(list(passages))
    return {"found": found}


def compose_node(state: QAState, runtime: Runtime[QAContext]) -> QAState:
    query = _query(state)
    found = {int(k): v for k, v in (state.get("found") or {}).items()}
    composed = compose(query, runtime.context.reader(query.lang), found, runtime.context.surface)
    said = templates(query.lang)
    notice = said.offline_notice
    status = runtime.context.model_status
    if status is not None and status.failed:  # a model was wanted: say why none answered
        from knowledge.ui_labels import reword

        reason = reword(status.reason or "", "model_reason", query.lang)
        notice = f"{notice} {said.model_unavailable.format(reason=reason)}"
    if state.get("injection"):
        from agent.scope_data import scope

        notice = f"{notice} {scope().said('injection_ignored_notice', query.lang)}"
    return {
        "answer": composed.text,
        "citations": composed.citations,
        "fact_ids": composed.fact_ids,
        # Otherwise the model's calls (before a fallback) stay on record.
        **({"tools_called": composed.tools_called} if composed.tools_called else {}),
        "route": query.route,
        "mode": "offline",
        "notice": notice,
    }

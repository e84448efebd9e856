"""The chat graph: one invoke per turn on a checkpointed thread.

prepare (intent + follow-up resolution) → personal | qa → END. The thread's turns, topic and
linked profile live in the checkpoint; each turn re-runs the full Q&A entry point (guard,
retrieval, verification), so nothing an earlier turn said can change the rules of a later one.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from langchain_core.runnables import RunnableConfig
from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.graph import END, START, StateGraph
from langgraph.graph.state import CompiledStateGraph
from langgraph.runtime import Runtime

from agent.chat.followup import resolve
from agent.chat.intents import chat_intents, match_intent
from agent.chat.state import ChatContext, ChatInput, ChatState, Topic, Turn
from agent.scope_data import scope
from knowledge.loader import load_rule_base

HISTORY_TURNS = 4  # verified in-scope turns the model sees; older ones add noise for a 7B model
PAREN = re.compile(r"\s*\([^)]*\)\s*$")


def run_config(thread_id: str) -> RunnableConfig:
    return {"configurable": {"thread_id": thread_id}}


def current_topic(state: ChatState) -> Topic | None:
    raw = state.get("topic")
    return Topic.model_validate(raw) if raw else None


def verified_history(turns: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(question, answer) pairs the model may see: verified in-scope Q&A answers only.

    Out-of-scope turns (injections included) never reach the model again.
    """
    kept = [t for t in turns if t.get("kind") == "qa" and t.get("scope") == "in"]
    return [(t["resolved"], t["answer"]) for t in kept[-HISTORY_TURNS:]]


def _describes_use_case(question: str) -> bool:
    from agent.answer.understand import read_use_case

    return read_use_case(question) is not None


def _names_a_rule(question: str) -> bool:
    """The question names an instrument or body of its own ('Does the APPI apply when we…')."""
    from agent.answer.follow_up import names_subject
    from agent.answer.reader import default_reader

    reader = default_reader()
    return names_subject(reader.linker.link(question), reader)


def prepare(state: ChatState) -> dict[str, Any]:
    question = state["question"].strip()
    intent = match_intent(question)
    # With no linked profile, a question that describes its use case or asks of a law or body it
    # names is answered from the rule base, not with "link a profile".
    if intent and not state.get("profile"):
        intent = None if _describes_use_case(question) or _names_a_rule(question) else intent
    earlier = [asked for asked, _ in verified_history(state.get("turns", []))]
    resolved = question if intent else resolve(question, current_topic(state), earlier)
    return {"question": question, "intent": intent, "resolved": resolved}


def route(state: ChatState) -> Literal["personal", "qa"]:
    """Pure router: questions about the user's own use case go to the assessment."""
    return "personal" if state.get("intent") else "qa"


def _append(state: ChatState, turn: Turn) -> list[dict[str, Any]]:
    return [*state.get("turns", []), turn.model_dump(mode="json")]


def personal(state: ChatState) -> dict[str, Any]:
    from agent.answer.lang import choose
    from agent.chat.personal import answer, notice
    from core.profile import UseCaseProfile
    from tools.assess import assess

    question, intent = state["question"], state.get("intent") or ""
    lang = choose(state.get("lang"), question)  # the thread's language, else the question's
    if not state.get("profile"):
        data = chat_intents().data
        turn = Turn(
            question=question,
            resolved=question,
            kind="no_profile",
            intent=intent,
            answer=data.no_profile_message_ja if lang == "ja" else data.no_profile_message,
            citations=[],
            mode="offline",
            scope="in",
        )
        return {"turns": _append(state, turn)}
    assessment = assess(UseCaseProfile.model_validate(state["profile"]), lang)
    result = answer(intent, assessment)
    turn = Turn(
        question=question,
        resolved=question,
        kind="personal",
        intent=intent,
        answer=result.text,
        citations=result.citations,
        mode="offline",
        scope="in",
        notice=notice(str(state.get("profile_source")), lang),
        profile_answers=result.profile_answers,
    )
    return {"turns": _append(state, turn)}


def _subject(source_id: str, context: ChatContext) -> str:
    source = (context.rule_base or load_rule_base()).sources[source_id]
    return f"the {PAREN.sub('', source.short_name)}"


def _topic(resolved: str, sources: list[str], context: ChatContext) -> Topic:
    # The instrument the question names is the subject; else the answer's first citation.
    named = [src for pattern, ids in scope().aliases if pattern.search(resolved) for src in ids]
    main = next((s for s in named if s in sources), sources[0])
    return Topic(subject=_subject(main, context), sources=sources, question=resolved)


def qa(state: ChatState, runtime: Runtime[ChatContext]) -> dict[str, Any]:
    from agent.qa import ask

    context = runtime.context
    result = ask(
        state["resolved"],
        settings=context.settings,
        chat_model=context.chat_model,
        offline=context.offline,
        history=verified_history(state.get("turns", [])),
        lang=state.get("lang"),
        rule_base=context.rule_base,
        surface=context.surface,
    )
    turn = Turn(
        question=state["question"],
        resolved=state["resolved"],
        kind="qa",
        answer=result.answer,
        citations=result.citations,
        mode=result.mode,
        scope=result.scope,
        notice=result.notice,
        model=result.model,
    )
    update: dict[str, Any] = {"turns": _append(state, turn)}
    sources = list(dict.fromkeys(c.id for c in result.citations))
    if result.scope == "in" and sources:
        update["topic"] = _topic(state["resolved"], sources, context).model_dump()
    return update


def build_graph(
    saver: BaseCheckpointSaver,
) -> CompiledStateGraph[ChatState, ChatContext, ChatInput, ChatState]:
    graph = StateGraph(ChatState, context_schema=ChatContext, input_schema=ChatInput)
    graph.add_node("prepare", prepare)
    graph.add_node("personal", personal)
    graph.add_node("qa", qa)
    graph.add_edge(START, "prepare")
    graph.add_conditional_edges("prepare", route)
    graph.add_edge("personal", END)
    graph.add_edge("qa", END)
    return graph.compile(checkpointer=saver)

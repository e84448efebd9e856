"""The interview as a LangGraph StateGraph: one question per node visit, paused with interrupt().

ask ⟲ (until every applicable question is answered) → confirm → (pick → ask)* → finish; the
routers in agent/interview/routes.py name each node's out-edges.
With a chat model in the run context: prefill after the description (suggested answers the user
confirms) and map (an unreadable choice answer read by the model, shown back for a yes/no).
Each answer is resumed with Command(resume=text); run with durability="sync" so it is on disk
before the next question is shown.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from langchain_core.runnables import RunnableConfig
from langgraph.checkpoint.base import BaseCheckpointSaver
from langgraph.graph import END, START, StateGraph
from langgraph.graph.state import CompiledStateGraph
from langgraph.runtime import Runtime
from langgraph.types import interrupt

from agent.interview.assist import map_answer, suggest
from agent.interview.parse import (
    MAX_TEXT,
    command_of,
    expected,
    is_no,
    is_yes,
    parse_answer,
    width,
)
from agent.interview.routes import after_ask, after_confirm, after_pick
from agent.interview.state import (
    PLAN_SUFFIX,
    UNSURE_KEY,
    InterviewContext,
    InterviewState,
    applicable_questions,
    build_profile,
    lang_of,
    next_question_id,
)
from agent.interview.texts import say
from agent.model import MODEL_ERRORS, describe_error
from core.config import get_settings
from knowledge.questions import AnswerType, Lang, Question, question_by_id
from knowledge.ui_labels import reword

# A handful of steps per answer; the limit only guards against a routing bug looping forever.
RECURSION_LIMIT = 50


def confirm_help(lang: Lang = "en") -> str:
    return say("confirm_help", lang)


def _lang(state: InterviewState) -> Lang:
    return state.get("lang", "en")


def _cleared(**update: Any) -> dict[str, Any]:
    # A notice and a pending model reading are shown once: any answer moves past them.
    return {"error": None, "help": None, "notice": None, "mapping": None, **update}


def _go_back(state: InterviewState) -> dict[str, Any]:
    """Forget the last answer so its question is asked again."""
    if state.get("revisit"):
        return _cleared(revisit=None)  # leaving a change from the summary: back to the summary
    history = list(state.get("history", []))
    if not history:
        return {"error": say("first_question", _lang(state)), "help": None}
    last = history.pop()
    answers = {k: v for k, v in state.get("answers", {}).items() if k != last}
    return _cleared(history=history, answers=answers)


def _answered(
    state: InterviewState, question_id: str, value: Any, *, unsure: bool = False
) -> dict[str, Any]:
    answers = {**state.get("answers", {}), question_id: value}
    # 'not sure' is kept beside the assumed value, so the plan can list it under "To confirm".
    doubts = [q for q in answers.pop(UNSURE_KEY, []) if q != question_id]
    doubts += [question_id] if unsure else []
    if doubts:
        answers[UNSURE_KEY] = doubts
    history = [q for q in state.get("history", []) if q != question_id] + [question_id]
    return _cleared(answers=answers, history=history, revisit=None)


def _readable(question: Question, raw: str) -> bool:
    """Worth asking the model about: typed words for a choice question, not a command."""
    text = raw.strip()
    return (
        question.type != AnswerType.free_text
        and bool(text)
        and len(text) <= MAX_TEXT
        and command_of(text) is None
    )


def why_text(question: Question, lang: Lang = "en") -> str:
    """The 'why we ask' text with its sources, cited as the plan cites them (AI推進法第4条…)."""
    from tools.render.common import cite_all

    return say("why", lang, help=question.help_in(lang), cite=cite_all(question.cite, lang))


def ask(state: InterviewState, runtime: Runtime[InterviewContext]) -> dict[str, Any]:
    # The language is stored with the first answer, so a resumed session keeps it.
    lang = lang_of(state, runtime.context)
    return {**_ask(state, runtime, lang), "lang": lang}


def _in_lang(notice: str | None, lang: str) -> str | None:
    """The model notice (made in English, ui_labels `model_notice`) in the session's language."""
    if notice is None:
        return None
    return reword(
        notice, "model_notice", lang, lambda _name, raw: reword(raw, "model_reason", lang)
    )


def _ask(state: InterviewState, runtime: Runtime[InterviewContext], lang: Lang) -> dict[str, Any]:
    question_id = next_question_id(state)
    assert question_id is not None  # route() only comes here when there is one
    question = question_by_id(question_id)
    answered = question_id in state.get("answers", {})
    suggestion = None if answered else state.get("suggestions", {}).get(question_id)
    mapping = state.get("mapping")
    mapped = mapping["value"] if mapping and mapping.get("id") == question_id else None
    raw = str(
        interrupt(
            {
                "kind": "question",
                "id": question_id,
                "error": state.get("error"),
                "help": state.get("help"),
                "notice": state.get("notice"),
                "suggestion": suggestion,
                "mapped": mapped,
                "lang": lang,
            }
        )
    )
    key = raw.strip().lower()
    if mapped is not None:
        if is_yes(raw):
            return _answered(state, question_id, mapped)
        if is_no(raw):
            return _cleared(error=say("answer_again", lang, expected=expected(question, lang)))
        if not key:
            return {"error": say("keep_reading", lang), "help": None}
        # Anything else is a fresh answer to the same question.
    if suggestion is not None and not key:
        return _answered(state, question_id, suggestion)  # Enter = the user accepts it
    parsed = parse_answer(question, raw, lang)
    if parsed.kind in ("value", "skip", "unsure"):
        return _answered(state, question_id, parsed.value, unsure=parsed.kind == "unsure")
    if parsed.kind == "back":
        return _go_back(state)
    if parsed.kind == "why":
        return {"error": None, "help": why_text(question, lang), "notice": None}
    if parsed.kind == "quit":  # the session facade stops before this; here it just re-asks
        return _cleared()
    unread = raw if runtime.context.chat_model is not None and _readable(question, raw) else None
    return _cleared(error=parsed.message, unread=unread)


def prefill(state: InterviewState, runtime: Runtime[InterviewContext]) -> dict[str, Any]:
    """Ask the model for suggested answers from the description (none offline or on failure)."""
    context = runtime.context
    lang = lang_of(state, context)
    description = state.get("answers", {}).get("description", "")
    done: dict[str, Any] = {"prefilled_from": description, "suggestions": {}}
    if context.chat_model is None:
        return {**done, "notice": _in_lang(context.model_notice, lang)}
    try:
        suggestions = suggest(context.chat_model, description)
    except MODEL_ERRORS as exc:
        reason = reword(
            describe_error(exc, context.settings or get_settings()), "model_reason", lang
        )
        return {**done, "notice": say("no_suggestions", lang, reason=reason)}
    if not suggestions:
        notice = say("nothing_settled", lang)
    else:
        notice = say("suggested", lang, count=len(suggestions))
    return {**done, "suggestions": suggestions, "notice": notice}


def map_unread(state: InterviewState, runtime: Runtime[InterviewContext]) -> dict[str, Any]:
    """Ask the model which allowed value an unreadable answer means; shown back to confirm."""
    question_id = next_question_id(state)
    text = state.get("unread") or ""
    model = runtime.context.chat_model
    if question_id is None or model is None:
        return {"unread": None}
    try:
        value = map_answer(model, question_by_id(question_id), text)
    except MODEL_ERRORS:
        value = None  # the parser's message stands: the user answers in the listed form
    if value is None:
        return {"unread": None}
    return _cleared(unread=None, mapping={"id": question_id, "value": value})


def _pick_target(state: InterviewState, text: str) -> str | None:
    answers = state.get("answers", {})
    asked = [q.id for q in applicable_questions(answers)]
    key = width(text).strip().lower()  # '３' is 3
    if key.isdigit() and 1 <= int(key) <= len(asked):
        return asked[int(key) - 1]
    return key if key in asked else None


def confirm(state: InterviewState) -> dict[str, Any]:
    lang = _lang(state)
    payload = {"kind": "confirm", "error": state.get("error"), "help": state.get("help")}
    raw = str(interrupt({**payload, "lang": lang}))
    if is_yes(raw):
        return _cleared(confirmed=True)
    if is_no(raw):
        return _cleared(stage="pick")
    command = command_of(raw)
    if command == "back":
        return _go_back(state)
    if command == "why":
        return {"error": None, "help": confirm_help(lang)}
    target = _pick_target(state, raw)
    if target is not None:
        return _cleared(revisit=target)
    if command == "quit":
        return _cleared()
    return {"error": say("confirm_error", lang, raw=raw.strip()), "help": None}


def pick(state: InterviewState) -> dict[str, Any]:
    lang = _lang(state)
    raw = str(interrupt({"kind": "pick", "error": state.get("error"), "help": None, "lang": lang}))
    if raw.strip().lower() in ("cancel", "none", "") or command_of(raw) == "back":
        return _cleared(stage="ask")
    target = _pick_target(state, raw)
    if target is None:
        count = len(applicable_questions(state.get("answers", {})))
        return {"error": say("pick_error", lang, raw=raw.strip(), count=count), "help": None}
    return _cleared(stage="ask", revisit=target)


def plan_path(context: InterviewContext) -> Path:
    """Where the plan goes: the user's file, else ./shirube-plan-<session>.<md|json>."""
    if context.output:
        return Path(context.output).expanduser().resolve()
    return Path.cwd() / f"shirube-plan-{context.session_id}.{PLAN_SUFFIX[context.fmt]}"


def finish(state: InterviewState, runtime: Runtime[InterviewContext]) -> dict[str, Any]:
    # Heavy imports here: the assessment tools are only needed once, at the end.
    from tools.assess import assess
    from tools.render import plan_bytes
    from tools.safe_output import write_output

    context = runtime.context
    # The plan is written in the interview's language (tools render the assessment's own).
    assessment = assess(build_profile(state.get("answers", {})), _lang(state))
    text = plan_bytes(assessment, context.fmt)
    path = plan_path(context)
    # Rewriting the same text is harmless if a crash makes this node run twice.
    write_output(path, text)
    return _cleared(done=True, plan_path=str(path), plan_format=context.fmt)


def build_graph(
    checkpointer: BaseCheckpointSaver,
) -> CompiledStateGraph[InterviewState, InterviewContext, InterviewState, InterviewState]:
    builder = StateGraph(InterviewState, context_schema=InterviewContext)
    builder.add_node("ask", ask)
    builder.add_node("prefill", prefill)
    builder.add_node("map", map_unread)
    builder.add_node("confirm", confirm)
    builder.add_node("pick", pick)
    builder.add_node("finish", finish)
    # Each router's Literal return type names its targets (agent/interview/routes.py).
    builder.add_edge(START, "ask")
    builder.add_conditional_edges("ask", after_ask)
    builder.add_edge("prefill", "ask")  # prefill runs only when a question is still to come
    builder.add_edge("map", "ask")  # the model's reading is shown back on the same question
    builder.add_conditional_edges("confirm", after_confirm)
    builder.add_conditional_edges("pick", after_pick)
    builder.add_edge("finish", END)
    return builder.compile(checkpointer=checkpointer)


def run_config(session_id: str) -> RunnableConfig:
    return {"configurable": {"thread_id": session_id}, "recursion_limit": RECURSION_LIMIT}

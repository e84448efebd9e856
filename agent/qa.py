"""The public entry point of grounded Q&A: `ask(question) -> Answer`.

Offline by default whenever no model answers: the composer builds the answer from the rule base.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from agent.answer.lang import choose
from agent.graph import RECURSION_LIMIT, qa_graph
from agent.model_status import ModelStatus, choose_model
from agent.state import Answer, AnswerCitation, QAContext, Surface
from core.config import Settings, get_settings
from core.errors import UsageError
from knowledge.loader import RuleBase, load_rule_base

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 2000

__all__ = ["Answer", "AnswerCitation", "ask"]


def _refusal_route(state: dict) -> str:
    return "injection" if state.get("injection") else "out_of_scope"


def ask(
    question: str,
    *,
    settings: Settings | None = None,
    chat_model: BaseChatModel | None = None,
    offline: bool = False,
    history: Sequence[tuple[str, str]] | None = None,
    lang: str | None = None,
    rule_base: RuleBase | None = None,
    surface: Surface = "cli",
) -> Answer:
    """Answer one question about Japan's AI regulation, with citations to official instruments.

    `history` holds earlier (question, answer) turns: the engine reads follow-ups from them; the
    model never sees them.
    `rule_base` replaces the packaged rule base (tests pass the fixture one).
    """
    started = time.perf_counter()
    text = (question or "").strip()
    if not text:
        raise UsageError(
            'The question is empty. Ask something, e.g. shirube ask "Does Japan have an AI Act?"'
        )
    if len(text) > MAX_QUESTION_CHARS:
        raise UsageError(
            f"The question is {len(text)} characters long; keep it under {MAX_QUESTION_CHARS}."
        )
    settings = settings or get_settings()
    # 'en' or 'ja' as asked (`--lang`, SHIRUBE_LANG), else the question's own language.
    answer_lang = choose(lang or settings.lang, text)
    model, status = choose_model(settings, chat_model=chat_model, offline=offline)
    context = QAContext(
        settings=settings,
        rule_base=rule_base,
        chat_model=model,
        model_status=status,
        deadline_at=time.monotonic() + settings.answer_deadline,
        surface=surface,
    )
    state = qa_graph().invoke(
        {
            "question": text,
            "history": list(history or []),
            "use_model": model is not None,
            "lang": answer_lang,
        },
        context=context,
        config={"recursion_limit": RECURSION_LIMIT},
    )
    scope = state.get("scope", "out")
    mode = state.get("mode", "offline")
    # A model that failed mid-answer (phrase node) overrides what the probe found.
    answered_by = ModelStatus.model_validate(state.get("model_status") or status)
    return Answer(
        question=text,
        answer=state.get("answer", ""),
        citations=state.get("citations", []),
        mode=mode,
        scope=scope,
        tools_called=state.get("tools_called", []),
        latency_ms=round((time.perf_counter() - started) * 1000),
        notice=state.get("notice") if scope == "in" else None,
        model=answered_by,
        route=(state.get("route") or "search") if scope == "in" else _refusal_route(state),
        fact_ids=state.get("fact_ids", []),
        query=state.get("query"),
        lang=answer_lang,
        rule_base_as_of=(rule_base or load_rule_base()).meta.as_of,
    )

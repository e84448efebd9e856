"""The model's part: an opening in its own words over the facts the engine selected.

The legal statements stay the facts' own texts; the opening is shown only if it carries no
date, number, article, instrument, body or legal-force word the facts do not.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from langgraph.runtime import Runtime

from agent.answer.phrasebook import phrasebook
from agent.answer.prose_check import problems
from agent.answer.reader import default_reader
from agent.prompts import phrase_prompt, repeats_prompt
from agent.state import QAContext, QAState

log = logging.getLogger(__name__)

MAX_OPENING_CHARS = 600  # two short sentences; anything longer is not an opening
_THINK = re.compile(r"<think>.*?(</think>|$)", re.DOTALL | re.IGNORECASE)
_CITATION_MARK = re.compile(r"\s*\[\d+\]")
_TEMPLATE_JUNK = re.compile(r"<\|[^|>]*\|>|</?s>|\[/?INST\]", re.IGNORECASE)


def messages_for(question: str, facts: list[str]) -> list[Any]:
    from langchain_core.messages import HumanMessage, SystemMessage

    listed = "\n".join(f"- {text}" for text in facts)
    return [
        SystemMessage(phrase_prompt()),
        HumanMessage(f"Question: {question}\n\nFacts:\n{listed}\n\nOpening:"),
    ]


def clean_opening(text: str) -> str:
    """The reply without reasoning blocks, chat-template tokens, citation marks or extra lines."""
    text = _TEMPLATE_JUNK.sub("", _THINK.sub("", text))
    text = _CITATION_MARK.sub("", text)
    return " ".join(text.split())


def phrase_node(state: QAState, runtime: Runtime[QAContext]) -> QAState:
    """With a model, replace the deterministic lead by the model's checked opening."""
    model = runtime.context.chat_model
    rb = default_reader().rule_base
    facts = [rb.facts[i].text for i in state.get("fact_ids", []) if i in rb.facts]
    if model is None or not facts:
        return {}
    from agent.model import MODEL_ERRORS, describe_error

    try:
        reply = model.invoke(messages_for(state["question"], facts))
    except MODEL_ERRORS as exc:
        log.info("model call failed: %r", exc)
        why = describe_error(exc, runtime.context.settings)
        return {"notice": f"{state.get('notice')} Model unavailable: {why}."}
    opening = clean_opening(str(getattr(reply, "text", "") or getattr(reply, "content", "")))
    found = problems(
        opening, " ".join(facts), default_reader(), phrasebook().book.legal_force_words.split()
    )
    if repeats_prompt(opening):
        found.append("text of its instructions")
    if not opening or len(opening) > MAX_OPENING_CHARS or found:
        why = "; ".join(found) or "it was empty or too long"
        log.info("model opening refused: %s", why)
        notice = f"{state.get('notice')} The model's wording was not used (it added {why})."
        return {"notice": notice}
    name = runtime.context.model_name or runtime.context.settings.model
    return {
        "answer": f"{opening}\n\n{state['answer']}",
        "mode": f"model:{name}",
        "notice": None,
    }

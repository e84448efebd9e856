"""The model's part: an opening in its own words over the facts the engine selected.

The legal statements stay the facts' own texts; the opening is shown only if it carries no
date, number, article, instrument, body or legal-force word the facts do not.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from langgraph.runtime import Runtime

from agent.answer.lang import templates
from agent.answer.phrasebook import phrasebook
from agent.answer.prose_check import flipped_denials, problems
from agent.answer.reader import default_reader
from agent.prompts import phrase_prompt, repeats_prompt
from agent.state import QAContext, QAState
from knowledge.defaults import derived

log = logging.getLogger(__name__)

MAX_OPENING_CHARS = 600  # two short sentences; anything longer is not an opening
_THINK = re.compile(r"<think>.*?(</think>|$)", re.DOTALL | re.IGNORECASE)
_CITATION_MARK = re.compile(r"\s*\[\d+\]")
_TEMPLATE_JUNK = re.compile(r"<\|[^|>]*\|>|</?s>|\[/?INST\]", re.IGNORECASE)
# One end-of-turn token at the very end is how some servers close a reply; any other template
# token means the model ran past its turn (a non-answer, an invented user turn).
_END_OF_TURN = re.compile(r"(?:<\|(?:im_end|eot_id|end|endoftext)\|>|</s>)\s*$", re.IGNORECASE)
_MARKUP = re.compile(r"^\s*(?:[-*]|\d+\.)\s+|\*\*")
# The sources are the citations' links; a link in the model's words could lead anywhere.
LANGUAGE_NAMES = {"en": "English", "ja": "Japanese"}
_LINK = re.compile(r"https?://|\bwww\.|\]\(", re.IGNORECASE)


def composed_facts(answer: str) -> list[str]:
    """The composed answer's statements, one a line, without marks: what the opening may draw on
    (fact texts, and the date, issuer and legal-force lines read from sources.yaml)."""
    lines = (_MARKUP.sub("", _CITATION_MARK.sub("", line)).strip() for line in answer.splitlines())
    return [line for line in lines if line]


def template_tokens(reply: str) -> bool:
    """Does the reply hold chat-template tokens beyond one closing end-of-turn?"""
    return bool(_TEMPLATE_JUNK.search(_END_OF_TURN.sub("", _THINK.sub("", reply))))


def contradicts(opening: str, composed: str) -> bool:
    """A Yes where the engine answered No (or the reverse)."""
    meaning = phrasebook().book.yes_no_words  # 'はい' means yes (phrasebook.yaml)
    opens = _opening_yes_no()
    said, engine = opens.match(opening), opens.match(composed)
    if not (said and engine):
        return False
    words = [meaning[m.group(1).lower()] for m in (said, engine)]
    return words[0] != words[1]


@derived
def _opening_yes_no() -> re.Pattern[str]:
    words = "|".join(map(re.escape, phrasebook().book.yes_no_words))
    return re.compile(rf"^\W*({words})(?![a-z])", re.IGNORECASE)


def messages_for(question: str, facts: list[str], lang: str = "en") -> list[Any]:
    """The request: in the answer's language, over the facts' texts in that language."""
    from langchain_core.messages import HumanMessage, SystemMessage

    listed = "\n".join(f"- {text}" for text in facts)
    language = f"Language: {LANGUAGE_NAMES.get(lang, 'English')}\n\n"
    return [
        SystemMessage(phrase_prompt()),
        HumanMessage(f"{language}Question: {question}\n\nFacts:\n{listed}\n\nOpening:"),
    ]


def clean_opening(text: str) -> str:
    """The reply without reasoning blocks, chat-template tokens, citation marks or extra lines."""
    text = _TEMPLATE_JUNK.sub("", _THINK.sub("", text))
    text = _CITATION_MARK.sub("", text)
    return " ".join(text.split())


def phrase_node(state: QAState, runtime: Runtime[QAContext]) -> QAState:
    """With a model, replace the deterministic lead by the model's checked opening."""
    model = runtime.context.chat_model
    facts = composed_facts(state.get("answer", ""))
    lang = (state.get("query") or {}).get("lang", "en")
    if model is None or not facts:
        return {}
    from agent.model import MODEL_ERRORS, describe_error, state_of
    from agent.model_status import ModelStatus

    try:
        reply = model.invoke(
            messages_for(state["question"], facts, lang),
            **runtime.context.model_limits(),
        )
    except MODEL_ERRORS as exc:
        log.info("model call failed: %r", exc)
        why = describe_error(exc, runtime.context.settings)
        from knowledge.ui_labels import reword

        reason = reword(why, "model_reason", lang)
        unavailable = templates(lang).model_unavailable.format(reason=reason)
        failed = ModelStatus(state=state_of(exc), reason=why)
        return {"notice": f"{state.get('notice')} {unavailable}", "model_status": failed}
    raw = str(getattr(reply, "text", "") or getattr(reply, "content", ""))
    opening = clean_opening(raw)
    book = phrasebook()
    found = problems(
        opening, " ".join(facts), default_reader(), book.book.legal_force_words.split()
    )
    found += flipped_denials(opening, facts, book.function_stems, book.denial)
    if repeats_prompt(opening):
        found.append("text of its instructions")
    if template_tokens(raw):
        found.append("chat-template tokens")
    if contradicts(opening, state["answer"]):
        found.append("a yes or no the facts do not give")
    if _LINK.search(opening):
        found.append("a link")
    if getattr(reply, "response_metadata", {}).get("done_reason") == "length":
        found.append("an opening cut off at SHIRUBE_OPENING_MAX_TOKENS")
    if not opening or len(opening) > MAX_OPENING_CHARS or found:
        why = "; ".join(found) or "it was empty or too long"
        log.info("model opening refused: %s", why)
        notice = f"{state.get('notice')} {templates(lang).opening_refused.format(why=why)}"
        return {"notice": notice}
    status = runtime.context.model_status
    name = (status.name if status else None) or runtime.context.settings.model
    ignored = None
    if state.get("injection"):  # the user still learns that their instruction was dropped
        from agent.scope_data import scope

        ignored = scope().said("injection_ignored_notice", lang)
    return {
        "answer": f"{opening}\n\n{state['answer']}",
        "mode": f"model:{name}",
        "notice": ignored,
    }

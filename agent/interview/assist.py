"""Model help for the interview: suggested answers from the description, free-text mapping.

The model only proposes. Every value it sends is checked against the question bank's allowed
values (anything else is dropped), and the graph shows each proposal for the user to confirm.
"""

from __future__ import annotations

import json
import re
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage
from pydantic import ValidationError

from agent.prompts import load
from core.config import Settings
from core.profile import UseCaseProfile
from knowledge.questions import AnswerType, Question, load_questions

Value = bool | str | list[str]
# The fields the description can settle: everything asked after it (not the name).
FIRST_ASKED = ("name", "description")
_THINK = re.compile(r"<think>.*?</think>", re.DOTALL)


def choose_model(
    settings: Settings, chat_model: BaseChatModel | None, assist: bool
) -> tuple[BaseChatModel | None, str | None]:
    """(model, notice): the caller's model, else the probed Ollama model when `assist` is on.

    The notice is the one line shown when help was wanted but no model can give it.
    """
    if chat_model is not None:
        return chat_model, None
    if not assist:
        return None, None
    from agent.model_status import ModelState
    from agent.model_status import choose_model as decide
    from knowledge.ui_labels import ui_text

    model, status = decide(settings)
    if status.state is ModelState.offline:  # English; the graph rewords it (model_notice)
        return None, ui_text("model_notice.offline", "en")
    if model is None:
        return None, ui_text("model_notice.no_model", "en", reason=status.reason)
    return model, None


def coerce(question: Question, raw: Any) -> Value | None:
    """`raw` as a value the question allows, or None: the model is never trusted as it is."""
    value: Value
    allowed = [c.value for c in question.choices]
    if question.type == AnswerType.yes_no:
        if not isinstance(raw, bool):
            return None
        value = raw
    elif question.type == AnswerType.one_of:
        if not isinstance(raw, str) or raw not in allowed:
            return None
        value = raw
    elif question.type == AnswerType.several_of:
        if not isinstance(raw, list) or not all(isinstance(v, str) and v in allowed for v in raw):
            return None
        value = sorted(set(raw), key=allowed.index)  # the bank's order, as the parser gives
    else:
        return None  # free text is the user's own words; the model does not write it
    try:
        UseCaseProfile.model_validate({question.id: value})
    except ValidationError:
        return None
    return value


def shown(value: Value) -> str:
    """A value as the user would type it: yes/no, or the choice values separated by commas."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(value) or "none"
    return value


def _allowed(question: Question) -> str:
    if question.type == AnswerType.yes_no:
        return "true or false"
    values = ", ".join(f"{c.value} ({c.label})" for c in question.choices)
    if question.type == AnswerType.several_of:
        return f"a list of any of: {values}; [] for none"
    return f"one of: {values}"


def _reply_json(model: BaseChatModel, prompt: str) -> dict[str, Any]:
    """Ask once and read the JSON object in the reply (ValueError when there is none)."""
    # format="json" makes Ollama constrain its output; other chat models ignore the kwarg.
    reply = model.invoke([HumanMessage(content=prompt)], format="json")
    text = _THINK.sub("", str(reply.content))
    start, end = text.find("{"), text.rfind("}")
    if start < 0 or end < start:
        raise ValueError("the model's reply holds no JSON object")
    data = json.loads(text[start : end + 1])
    if not isinstance(data, dict):
        raise ValueError("the model's reply is not a JSON object")
    return data


def suggest(model: BaseChatModel, description: str) -> dict[str, Value]:
    """Suggested answers (question id → allowed value) for the questions after the description."""
    questions = [q for q in load_questions() if q.id not in FIRST_ASKED]
    listed = "\n".join(f"- {q.id}: {q.text} Allowed: {_allowed(q)}." for q in questions)
    prompt = load("interview_prefill").text
    data = _reply_json(
        model, prompt.replace("{questions}", listed).replace("{description}", description)
    )
    suggestions: dict[str, Value] = {}
    for question in questions:
        if question.id in data:
            value = coerce(question, data[question.id])
            if value is not None:
                suggestions[question.id] = value
    return suggestions


def map_answer(model: BaseChatModel, question: Question, text: str) -> Value | None:
    """The allowed value the model reads in a free-text answer, or None when it cannot."""
    prompt = (
        load("interview_map")
        .text.replace("{qtype}", question.type.value.replace("_", " "))
        .replace("{question}", question.text)
        .replace("{allowed}", _allowed(question))
        .replace("{answer}", text)
    )
    return coerce(question, _reply_json(model, prompt).get("value"))

"""Turn what the user typed into a profile value or a command; no model involved.

Pure functions: the graph, the CLI's `--answers` mode and the TUI all go through `parse_answer`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict

from knowledge.questions import AnswerType, Question

Kind = Literal["value", "skip", "unsure", "back", "why", "quit", "error"]

YES = frozenset({"yes", "y", "true", "yeah", "yep", "はい"})
NO = frozenset({"no", "n", "false", "nope", "いいえ"})
COMMANDS: dict[str, Kind] = {
    "skip": "skip",
    "back": "back",
    "why": "why",
    "help": "why",
    "?": "why",
    "quit": "quit",
    "exit": "quit",
}
NONE_WORDS = frozenset({"none", "nothing", "no one", "nobody", "-"})
# 'not sure' is an answer to every question: the cautious value is assumed and listed to confirm.
UNSURE = frozenset(
    {"not sure", "unsure", "don't know", "dont know", "do not know", "idk", "わからない"}
)
NO_DATE = frozenset({"none", "not decided", "undecided", "tbd", "unknown", "-"})
MAX_TEXT = 2000


class Parsed(BaseModel):
    """The outcome of parsing one typed answer."""

    model_config = ConfigDict(frozen=True)

    kind: Kind
    value: bool | str | list[str] | None = None
    message: str | None = None


def _norm(text: str) -> str:
    # Labels and values compare loosely: case, spaces, hyphens and underscores do not matter.
    return re.sub(r"[\s_\-]+", " ", text.strip().lower()).strip(" .")


def expected(question: Question) -> str:
    """What a valid answer looks like, for error messages."""
    if question.type == AnswerType.yes_no:
        return "yes or no (y/n)"
    if question.type == AnswerType.free_text:
        return "a short text answer"
    if question.type == AnswerType.date:
        return "a date like 2027-03-31, or 'skip'"
    options = ", ".join(f"{i}) {c.value}" for i, c in enumerate(question.choices, 1))
    if question.type == AnswerType.one_of:
        return f"one of: {options} (type the number or the name)"
    return f"one or more of: {options}, separated by commas, or 'none'"


def _error(question: Question, text: str, problem: str) -> Parsed:
    return Parsed(kind="error", message=f"{problem} Expected {expected(question)}.")


def _choice(question: Question, item: str) -> str | None:
    key = _norm(item)
    if key.isdigit():
        index = int(key)
        return question.choices[index - 1].value if 1 <= index <= len(question.choices) else None
    for choice in question.choices:
        if key in (_norm(choice.value), _norm(choice.label), *map(_norm, choice.synonyms)):
            return choice.value
    # Free text ("our HR teams"): a choice whose synonym appears in it, if only one does.
    found = {
        choice.value
        for choice in question.choices
        for word in (choice.value, *choice.synonyms)
        if re.search(rf"\b{re.escape(_norm(word))}\b", key)
    }
    return found.pop() if len(found) == 1 else None


def _unsure(question: Question) -> Parsed:
    rule = question.if_unsure
    if rule is not None:
        return Parsed(kind="unsure", value=rule.assume)
    return Parsed(kind="unsure", value=None if question.type == AnswerType.date else "")


def parse_answer(question: Question, text: str) -> Parsed:
    """Parse `text` as an answer to `question` (commands first, then the typed value)."""
    raw = text.strip()
    if _norm(raw) in UNSURE:
        return _unsure(question)
    command = COMMANDS.get(raw.lower())
    if command is not None:
        if command == "skip" and not question.has_default:
            if question.if_unsure is not None:
                return _unsure(question)  # skipping must not quietly assume the harmless answer
            return Parsed(
                kind="error",
                message=f"This question has no default, so it cannot be skipped. Expected "
                f"{expected(question)}, or 'not sure'.",
            )
        return Parsed(kind=command, value=question.default if command == "skip" else None)
    if not raw:
        hint = " (or 'skip' to use the default)" if question.has_default else ""
        return _error(question, text, f"Please type an answer{hint}.")
    if question.type == AnswerType.date:
        return _date(question, raw)
    if question.type == AnswerType.free_text:
        if len(raw) > MAX_TEXT:
            return _error(question, text, f"That answer is over {MAX_TEXT} characters.")
        return Parsed(kind="value", value=raw)
    if question.type == AnswerType.yes_no:
        key = _norm(raw)
        if key in YES:
            return Parsed(kind="value", value=True)
        if key in NO:
            return Parsed(kind="value", value=False)
        return _error(question, text, f"'{raw}' is not a yes/no answer.")
    if question.type == AnswerType.one_of:
        value = _choice(question, raw)
        if value is None:
            return _error(question, text, f"'{raw}' is not one of the choices.")
        return Parsed(kind="value", value=value)
    return _several(question, raw)


def _date(question: Question, raw: str) -> Parsed:
    if _norm(raw) in NO_DATE:
        return Parsed(kind="value", value=None)
    try:
        return Parsed(kind="value", value=dt.date.fromisoformat(raw).isoformat())
    except ValueError:
        return _error(question, raw, f"'{raw}' is not a date.")


def _several(question: Question, raw: str) -> Parsed:
    if _norm(raw) in NONE_WORDS:
        return Parsed(kind="value", value=[])
    items = [part for part in re.split(r",|、|;|\band\b", raw) if part.strip()]
    values: list[str] = []
    for item in items:
        value = _choice(question, item)
        if value is None:
            return _error(question, raw, f"'{item.strip()}' is not one of the choices.")
        if value not in values:
            values.append(value)
    # Keep the bank's order so the same answers always give the same profile.
    order = [c.value for c in question.choices]
    return Parsed(kind="value", value=sorted(values, key=order.index))

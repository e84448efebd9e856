"""One-off use-case questions ("our hiring AI ranks candidates, what applies?") read into a
partial profile with knowledge/data/use_case_hints.yaml, then answered from the assessment
tools (lookup_triggers, build_checklist) instead of the nearest topic card.
"""

from __future__ import annotations

import re
import typing
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

from agent.chat.intents import chat_intents
from agent.chat.personal import Cites
from agent.state import AnswerCitation
from knowledge.loader import DATA_DIR
from knowledge.schema import Trigger
from tools import conditions
from tools.checklist import build_checklist
from tools.conditions import COMBINATORS
from tools.profile import UseCaseProfile
from tools.triggers import TriggerResult, checked_triggers, lookup_triggers

HINTS_FILE = DATA_DIR / "use_case_hints.yaml"
TOP_ACTIONS = 3
TOOLS_CALLED = ["lookup_triggers", "build_checklist"]
CLOSING = (
    "This reading comes only from the words of your question, so it is partial: run "
    "`shirube interview` (or `shirube assess PROFILE.yaml`) for a complete, cited plan."
)


def _compiles(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"not a valid regular expression: {exc}") from exc
    return pattern


class Hint(BaseModel):
    """Words in a question → partial profile values."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    pattern: str
    reads: str = Field(description="How the answer names what it read, e.g. 'finance sector'.")
    sets: dict[str, Any] = Field(min_length=1)
    unless: str | None = None
    use_case: bool = True
    """False for context words that alone do not make a question about a use case."""

    _check_pattern = field_validator("pattern", "unless")(
        lambda v: v if v is None else _compiles(v)
    )

    @field_validator("sets")
    @classmethod
    def _known_fields(cls, sets: dict[str, Any]) -> dict[str, Any]:
        # The profile model (extra="forbid") names any unknown field or value outright.
        UseCaseProfile.model_validate(sets)
        if {"name", "description"} & sets.keys():
            raise ValueError("hints set profile facts, not the free-text name or description")
        return sets


class HintFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    asks: list[str] = Field(min_length=1)
    hints: list[Hint] = Field(min_length=1)

    _check_asks = field_validator("asks")(lambda v: [_compiles(p) for p in v])


def load_hints(path: Path = HINTS_FILE) -> HintFile:
    """Parse and validate a hint file; raises ValidationError (or yaml.YAMLError)."""
    return HintFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


@cache
def _compiled() -> tuple[
    re.Pattern[str], list[tuple[Hint, re.Pattern[str], re.Pattern[str] | None]]
]:
    data = load_hints()
    asks = re.compile("|".join(f"(?:{p})" for p in data.asks), re.IGNORECASE)
    hints = [
        (
            h,
            re.compile(h.pattern, re.IGNORECASE),
            re.compile(h.unless, re.IGNORECASE) if h.unless else None,
        )
        for h in data.hints
    ]
    return asks, hints


class Reading(BaseModel):
    """What a question says about its use case: the partial profile and the hints behind it."""

    profile: UseCaseProfile
    hints: list[Hint]
    asks: bool

    @property
    def is_use_case(self) -> bool:
        return self.asks and any(h.use_case for h in self.hints)

    @property
    def reads(self) -> list[str]:
        parts = [p.strip() for h in self.hints for p in h.reads.split(",")]
        return list(dict.fromkeys(parts))


def _merge(values: dict[str, Any], sets: dict[str, Any]) -> None:
    fields = UseCaseProfile.model_fields
    for name, value in sets.items():
        annotation = fields[name].annotation
        if isinstance(value, list):
            values[name] = list(dict.fromkeys([*values.get(name, []), *value]))
        elif typing.get_origin(annotation) is typing.Literal and name in values:
            # A single choice keeps the furthest value in the profile's order (sensitive wins).
            order = typing.get_args(annotation)
            values[name] = max(values[name], value, key=order.index)
        else:
            values[name] = value


def read_use_case(question: str) -> Reading:
    asks, hints = _compiled()
    matched = [
        hint
        for hint, pattern, unless in hints
        if pattern.search(question) and not (unless and unless.search(question))
    ]
    values: dict[str, Any] = {}
    for hint in matched:
        _merge(values, hint.sets)
    return Reading(
        profile=UseCaseProfile(**values), hints=matched, asks=bool(asks.search(question))
    )


def _layer_line(trig: TriggerResult, cites: Cites, baseline: set[str]) -> str:
    marks = cites.marks(trig.citations, trig.why)
    line = f"- **{trig.title}** ({trig.legal_force_label}): {trig.why} {marks}"
    # Layers every use case shares need no "in practice"; the specific ones say what to do.
    return line if trig.id in baseline else f"{line} In practice: {trig.in_practice}"


def _fields(condition: object) -> set[str]:
    if isinstance(condition, dict):
        return {k for k in condition if k not in COMBINATORS} | {
            f for v in condition.values() for f in _fields(v)
        }
    if isinstance(condition, list):
        return {f for v in condition for f in _fields(v)}
    return set()


def _one_answer_away(reading: Reading, engaged: set[str]) -> list[tuple[str, Trigger]]:
    """(what to check, trigger) for layers one more yes would engage, on a field already read."""
    read = {name for h in reading.hints for name in h.sets}
    found: list[tuple[str, Trigger]] = []
    for trigger in checked_triggers():
        if trigger.id in engaged or not (_fields(trigger.when) & read):
            continue
        for name, info in UseCaseProfile.model_fields.items():
            if info.annotation is not bool or getattr(reading.profile, name):
                continue
            flipped = reading.profile.model_copy(update={name: True})
            if conditions.evaluate(trigger.when, flipped):
                found.append((str(info.description), trigger))
                break
    return found


def compose_use_case(reading: Reading) -> tuple[str, list[AnswerCitation]]:
    """Markdown answer (layers, top actions, closing) and its numbered citations."""
    cites = Cites()
    lines = [
        f"From your question I read: {', '.join(reading.reads)}. "
        "These layers of Japan's regime apply:",
        "",
    ]
    baseline = set(chat_intents().data.baseline_triggers)
    engaged = lookup_triggers(reading.profile)
    lines += [_layer_line(t, cites, baseline) for t in engaged]
    for check, trig in _one_answer_away(reading, {t.id for t in engaged}):
        marks = cites.marks(list(trig.citations), trig.why)
        what = check[0].lower() + check[1:].rstrip(".")
        lines.append(f"- Also check whether {what}: if so, **{trig.title}** applies too. {marks}")
    lines += ["", "**First actions** (highest priority first)", ""]
    for number, item in enumerate(build_checklist(reading.profile)[:TOP_ACTIONS], 1):
        marks = cites.marks(item.citations, item.text)
        lines.append(f"{number}. **{item.title}** (owner: {item.owner}): {item.text} {marks}")
    lines += ["", CLOSING]
    return "\n".join(lines), cites.items

"""Use-case hints: the words of a question ("our hiring AI ranks candidates, what applies?")
read into a partial profile with knowledge/data/use_case_hints.yaml; the answer engine then
answers it from the assessment tools (agent/answer/use_case.py).
"""

from __future__ import annotations

import re
import typing
from functools import cache
from typing import Any

from pydantic import BaseModel

from core.profile import UseCaseProfile
from knowledge.hints import Hint, load_hints


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
        return self.reads_in("en")

    def reads_in(self, lang: str) -> list[str]:
        """What was read, in `lang` (a hint with no Japanese text is named in English)."""
        texts = [(h.reads_ja or h.reads) if lang == "ja" else h.reads for h in self.hints]
        parts = [p.strip() for text in texts for p in text.replace("、", ",").split(",")]
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
    from knowledge.index.japanese import spaced

    question = spaced(question)  # 'ChatGPTに' has a word boundary, as 'ChatGPT to' does
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

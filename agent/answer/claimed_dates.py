"""A date a question states for an event ('the Diet passed it in 2023, right?', 'AI推進法は
2024年に成立したんですよね'), held against the date the rule base records for it: a wrong one is
corrected first ('No.' before the date), a right one asked about is confirmed ('Yes.')."""

from __future__ import annotations

import datetime as dt
import re

from knowledge.defaults import derived
from knowledge.words import word_list

_YEAR = r"(?:19|20)\d{2}"
# A law's own number names a year that is no date claimed ('Act No. 53 of 2025').
_LAW_NUMBER = re.compile(rf"\bno\.?\s*\d+\s+of\s+{_YEAR}\b|法律第\d+号", re.IGNORECASE)
_YEAR_JA = re.compile(rf"(?<!\d)({_YEAR})年(?:\s*(1[0-2]|[1-9])月)?")
_YEAR_ALONE = re.compile(rf"(?<![\d.])({_YEAR})(?![\d年])")


@derived
def _months() -> tuple[re.Pattern[str], dict[str, int]]:
    """A month written beside a year ('April 2024', '4 June 2025', 'June 4, 2025')."""
    number = {
        spelling: n
        for n, (name, short) in enumerate(word_list().months.items(), 1)
        for spelling in (name, *short)
    }
    names = "|".join(sorted(number, key=len, reverse=True))
    pattern = re.compile(
        rf"\b({names})\.?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?({_YEAR})\b", re.IGNORECASE
    )
    return pattern, number


def stated(text: str) -> dict[int, int | None]:
    """The years `text` states, each with the month stated beside it (None: the year alone)."""
    text = _LAW_NUMBER.sub(" ", text)
    found: dict[int, int | None] = {}
    pattern, number = _months()
    for match in pattern.finditer(text):
        found[int(match.group(2))] = number[match.group(1).lower()]
    for match in _YEAR_JA.finditer(text):
        month = match.group(2)
        found.setdefault(int(match.group(1)), int(month) if month else None)
    for match in _YEAR_ALONE.finditer(text):
        found.setdefault(int(match.group(1)), None)
    return found


def contradicts(text: str, held: dt.date) -> bool | None:
    """Does the date `text` states for an event contradict the one held for it? None when it
    states none; False when one of the stated years (and its month, if stated) is the one held."""
    claimed = stated(text)
    if not claimed:
        return None
    month = claimed.get(held.year, 0)
    return held.year not in claimed or month not in (None, held.month)

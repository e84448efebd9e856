"""Dates, version numbers and article numbers: extracted from text and collected from the rule base.

The verifier accepts a model's date, version or article only if the rule base contains it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from knowledge.loader import RuleBase, load_rule_base

_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTH = "|".join(_MONTHS)
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\s+(\d{{4}})\b", re.IGNORECASE)
MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH})\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.IGNORECASE)
VERSION = re.compile(r"\b(?:v|version\s+)(\d+(?:\.\d+)*)\b", re.IGNORECASE)
# "Art. 30-4" is one article (hyphen); "Arts. 11–17" is a range (en dash or "to").
ARTICLE = re.compile(
    r"\bArt(?:icles?|s)?\.?\s*(\d+(?:-\d+)?)(?:\s*(?:–|—|to)\s*(\d+))?", re.IGNORECASE
)


def dates_in(text: str) -> set[dt.date]:
    found: set[dt.date] = set()
    candidates = [(int(y), int(m), int(d)) for y, m, d in ISO_DATE.findall(text)]
    for day, month, year in DAY_MONTH_YEAR.findall(text):
        candidates.append((int(year), _MONTHS.index(month.lower()) + 1, int(day)))
    for month, day, year in MONTH_DAY_YEAR.findall(text):
        candidates.append((int(year), _MONTHS.index(month.lower()) + 1, int(day)))
    for year, month, day in candidates:
        try:
            found.add(dt.date(year, month, day))
        except ValueError:
            found.add(dt.date.min)  # an impossible date is never in the rule base
    return found


def _norm_version(version: str) -> str:
    return re.sub(r"(\.0)+$", "", version)


def versions_in(text: str) -> set[str]:
    return {_norm_version(v) for v in VERSION.findall(text)}


def articles_in(text: str) -> set[str]:
    found: set[str] = set()
    for first, last in ARTICLE.findall(text):
        found.add(first)
        if last and first.isdigit() and int(last) - int(first) < 100:
            found.update(str(n) for n in range(int(first), int(last) + 1))
    return found


@dataclass(frozen=True)
class KnownFacts:
    dates: frozenset[dt.date]
    versions: frozenset[str]
    articles: frozenset[str]


def collect(rule_base: RuleBase) -> KnownFacts:
    """Every date, version and article the rule base states anywhere (text, dates, citations)."""
    groups = (
        rule_base.sources,
        rule_base.institutions,
        rule_base.roles,
        rule_base.principles,
        rule_base.triggers,
        rule_base.checklist,
        rule_base.topics,
    )
    texts = [entry.model_dump_json() for group in groups for entry in group.values()]
    blob = "\n".join(texts)
    versions = versions_in(blob)
    versions.update(_norm_version(s.version) for s in rule_base.sources.values() if s.version)
    return KnownFacts(
        dates=frozenset(dates_in(blob)),
        versions=frozenset(versions),
        articles=frozenset(articles_in(blob)),
    )


@cache
def known_facts() -> KnownFacts:
    return collect(load_rule_base())

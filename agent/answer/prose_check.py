"""Check a model's prose against the facts it was given: it may phrase, never add law.

A claim is any date, number, article, named instrument or body, or legal-force word; each must
already be in the selected facts. Anything else the model writes is connecting prose.
"""

from __future__ import annotations

import re

from agent.answer.linker import normalise
from agent.answer.reader import Reader
from knowledge.schema import EntityKind

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_ARTICLE = re.compile(r"\b(?:art(?:icle)?s?\.?)\s*(\d+(?:-\d+)?)", re.IGNORECASE)
_CLAIM_KINDS = (EntityKind.instrument, EntityKind.institution)
# A month beside a number makes a date claim the digits alone miss ("June 2025" over facts that
# say only 2025); "may" alone is a verb.
_MONTH_NAMES = (
    r"(january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?"
)
_MONTH = re.compile(
    rf"\b{_MONTH_NAMES}(?=,?\s*\d)|(?<=\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_NAMES}",
    re.IGNORECASE,
)


def _months(text: str) -> set[str]:
    return {(a or b).lower()[:3] for a, b in _MONTH.findall(text)}


def _numbers(text: str) -> set[str]:
    return {n.replace(",", "") for n in _NUMBER.findall(text)}


def problems(prose: str, facts_text: str, reader: Reader, force_words: list[str]) -> list[str]:
    """What in `prose` the facts do not carry (empty when the prose may be shown)."""
    found: list[str] = []
    allowed_numbers = _numbers(facts_text)
    found += [f"the number {n}" for n in sorted(_numbers(prose) - allowed_numbers)]
    found += [f"a date in {m.title()}" for m in sorted(_months(prose) - _months(facts_text))]
    found += [
        f"Article {a}"
        for a in sorted(set(_ARTICLE.findall(prose)) - set(_ARTICLE.findall(facts_text)))
    ]
    entities = reader.rule_base.entities
    named = {e for e in reader.linker.link(prose) if entities[e].kind in _CLAIM_KINDS}
    allowed = set(reader.linker.link(facts_text))
    found += [entities[e].name for e in sorted(named - allowed)]
    plain_prose, plain_facts = normalise(prose), normalise(facts_text)
    found += [
        f"'{word}'"
        for word in force_words
        if re.search(rf"\b{re.escape(word)}", plain_prose)
        and not re.search(rf"\b{re.escape(word)}", plain_facts)
    ]
    return found

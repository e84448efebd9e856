"""Check a model's prose against the facts it was given: it may phrase, never add law.

A claim is any date, number, article, named instrument or body, or legal-force word; each must
already be in the selected facts. Anything else the model writes is connecting prose.
"""

from __future__ import annotations

import re

from agent.answer.linker import normalise
from agent.answer.reader import Reader
from knowledge.defaults import derived
from knowledge.schema import EntityKind
from knowledge.words import month_spellings

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_ARTICLE = re.compile(r"\b(?:art(?:icle)?s?\.?)\s*(\d+(?:-\d+)?)", re.IGNORECASE)
_CLAIM_KINDS = (EntityKind.instrument, EntityKind.institution)


@derived
def _month() -> re.Pattern[str]:
    """A month beside a number makes a date claim the digits alone miss ("June 2025" over facts
    that say only 2025); "may" alone is a verb. Month names: words.yaml."""
    names = r"(" + "|".join(month_spellings()) + r")\b\.?"
    return re.compile(
        rf"\b{names}(?=,?\s*\d)|(?<=\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{names}", re.IGNORECASE
    )


def _months(text: str) -> set[str]:
    return {(a or b).lower()[:3] for a, b in _month().findall(text)}


def _numbers(text: str) -> set[str]:
    return {n.replace(",", "") for n in _NUMBER.findall(text)}


_CLAUSE = re.compile(r"[.;:!?。；：！？]\s*|\n+")
_WORD = re.compile(r"[a-z]+|[^\W\da-z_]+")
_LEADING_YES_NO = re.compile(r"^\W*(?:yes|no)\b\W*", re.IGNORECASE)
# A clause of the model's restates a fact's clause when most of its content words are the
# fact's: then it must deny what the fact denies. Shorter clauses are connecting prose.
RESTATES = 0.75
MIN_CONTENT_WORDS = 3


def _content(clause: str, ignored: frozenset[str], denial: re.Pattern[str]) -> set[str]:
    """Word stems (first five letters) that carry content: no function or denial words."""
    plain = denial.sub(" ", normalise(clause))
    return {w[:5] for w in _WORD.findall(plain) if len(w) > 1 and w[:5] not in ignored}


def _clauses(text: str) -> list[str]:
    return [c.strip() for c in _CLAUSE.split(text) if c and c.strip()]


def flipped_denials(
    prose: str, facts: list[str], ignored: frozenset[str], denial: re.Pattern[str]
) -> list[str]:
    """Clauses of `prose` that restate a fact's clause but drop or add its denial.

    The word checks above see "The Act bans facial recognition" over "The Act does not ban
    facial recognition" as the same words; this sees the missing "not".
    """
    fact_clauses = [
        (_content(c, ignored, denial), bool(denial.search(normalise(c))))
        for fact in facts
        for c in _clauses(fact)
    ]
    found: list[str] = []
    for clause in _clauses(_LEADING_YES_NO.sub("", prose)):
        words = _content(clause, ignored, denial)
        if len(words) < MIN_CONTENT_WORDS:
            continue
        denied = bool(denial.search(normalise(clause)))
        shared = [(len(words & w), d) for w, d in fact_clauses]
        best = max((n for n, _ in shared), default=0)
        # Judged against the fact clauses it restates most closely: a looser one that denies
        # something else ("a law without penalties") does not excuse "Japan has no such Act".
        matches = [d for n, d in shared if n == best and n >= RESTATES * len(words)]
        if matches and all(d != denied for d in matches):
            found.append(f"'{clause}' {'denies' if denied else 'affirms'} what the facts do not")
    return found


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
        if _says(word, plain_prose) and not _says(word, plain_facts)
    ]
    return found


def _says(word: str, text: str) -> bool:
    """The word (an English word start, or a Japanese word anywhere: no spaces to start at)."""
    start = r"\b" if word.isascii() else ""
    return re.search(rf"{start}{re.escape(word)}", text) is not None

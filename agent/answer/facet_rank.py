"""The facet a question asks when no cue says it: ranked by the words the question shares with the
facets' own everyday vocabulary (phrasebook facet_words) and with the facts about what it names.

"Does Japan's AI law have any teeth?" fires no facet cue, yet 'teeth' is a penalty word, and
"Which watchdog handles personal data complaints?" shares 'handles' with the fact on who
supervises the APPI. Facts on a facet about what the question names vote for that facet; a
plain 'what' question keeps its facet unless another facet is better matched.
"""

from __future__ import annotations

import re
from functools import lru_cache

from agent.answer.phrasebook import phrasebook
from agent.answer.reader import Reader
from agent.answer.use_case_lead import AskKind, ask_kind
from knowledge.defaults import derived
from knowledge.schema import EntityKind, Facet, Fact

_WORD = re.compile(r"[a-z]+")
# An ending, what replaces it, and the letters that must stay ('comply' keeps its 'ly').
_ENDINGS = (
    ("ies", "y", 3),
    ("ing", "", 3),
    ("ly", "", 5),
    ("ed", "", 3),
    ("es", "", 3),
    ("s", "", 3),
)
VOCABULARY_WEIGHT = 2  # a facet's own word says more than a word shared with one of its facts
# What has dates (sources.yaml, institutions.yaml): a word of an event names one only of these.
_DATED = frozenset({EntityKind.instrument, EntityKind.institution, EntityKind.jurisdiction})


def stem(word: str) -> str:
    """A crude English lemma: its ending and a final e gone ('sits' → 'sit', 'following' →
    'follow', 'handles' and 'handle' → 'handl', 'companies' → 'company'); whole, not cut short,
    so 'complaint' is not 'comply' nor 'official' 'office'."""
    word = word.lower()
    for ending, keep, stays in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= stays and not word.endswith("ss"):
            word = word[: -len(ending)] + keep
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


@lru_cache(maxsize=8192)  # facts' texts are read for every question
def stems(text: str) -> tuple[str, ...]:
    """The stems of `text`'s words, in order ("Japan's" gives 'japan')."""
    return tuple(stem(w) for w in _WORD.findall(text.lower().replace("'s", " ")))


@derived  # from the phrasebook: cleared with the rule base
def _ignored() -> frozenset[str]:
    book = phrasebook().book
    return frozenset(stems(f"{book.function_words} {book.common_words}"))


def content(text: str) -> frozenset[str]:
    """Stems that carry meaning: four letters or more ('its' carries none), not a function or
    common word."""
    return frozenset(s for s in stems(text) if len(s) >= 4 and s not in _ignored())


def _holds(seq: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return n > 0 and any(seq[i : i + n] == phrase for i in range(len(seq) - n + 1))


@derived
def _vocabulary() -> dict[Facet, tuple[tuple[str, ...], ...]]:
    return {
        entry.facet: tuple(stems(words) for words in entry.words)
        for entry in phrasebook().book.facet_words
    }


def vocabulary_hits(text: str, names: frozenset[str] = frozenset()) -> dict[Facet, int]:
    """How many of each facet's own words and phrases the text holds; one made only of the words
    of a name the question gives ('Digital Agency') is not read."""
    seq = stems(text)
    return {
        facet: sum(_holds(seq, p) and not set(p) <= names for p in phrases)
        for facet, phrases in _vocabulary().items()
    }


def _names(entities: list[str], reader: Reader) -> frozenset[str]:
    rb = reader.rule_base
    found: set[str] = set()
    for e in entities:
        if e in rb.entities:
            for alias in (rb.entities[e].name, *rb.entities[e].aliases):
                found |= content(alias)
    return frozenset(found)


def question_lemmas(text: str, entities: list[str], reader: Reader) -> frozenset[str]:
    """The question's content lemmas less the words of the names it gives."""
    return content(text) - _names(entities, reader)


def fact_overlap(fact: Fact, words: frozenset[str]) -> int:
    return len(content(fact.text) & words)


def facet_scores(text: str, entities: list[str], reader: Reader) -> dict[Facet, int]:
    """Each facet's score: two for each of its own words in the question, plus the most question
    words one fact on that facet about what the question names shares (the names left out: all
    such facts hold them). A facet none of whose words the question uses scores 0 ('APPI consent
    for training' is a 'what' whose facts on any facet share its words, not a duty question);
    'what' has no words of its own and scores its facts' words."""
    names = _names(entities, reader)
    words = content(text) - names
    hits = vocabulary_hits(text, names)
    if ask_kind(text) is AskKind.permission:  # 'is it legal to train on…?' asks leave to do a
        hits.pop(Facet.legal_force, None)  # thing, not how far a rule binds
    kinds = {reader.rule_base.entities[e].kind for e in entities if e in reader.rule_base.entities}
    if not kinds & _DATED:  # 'releasing open-weight models' is a thing done to a model, not
        hits.pop(Facet.when, None)  # a dated event of a law or body
    shared: dict[Facet, int] = {}
    named = set(entities)
    for fact in reader.rule_base.facts.values():
        if named & set(fact.about):
            shared[fact.facet] = max(shared.get(fact.facet, 0), fact_overlap(fact, words))
    scores = {}
    for facet in Facet:
        own, overlap = hits.get(facet, 0), shared.get(facet, 0)
        scores[facet] = VOCABULARY_WEIGHT * own + overlap if own or facet == Facet.what else 0
    return scores


def ranked_facet(text: str, entities: list[str], reader: Reader) -> Facet:
    """The best-matched facet when no cue fired: 'what' unless another facet scores higher (on a
    tie, the facet listed first in the Facet enum)."""
    scores = facet_scores(text, entities, reader)
    best = max(Facet, key=lambda facet: scores[facet])  # max keeps the first of equals
    return best if scores[best] > scores[Facet.what] else Facet.what

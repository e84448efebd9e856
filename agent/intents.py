"""What a question asks for (a date, a number, a body, binding force) and which facts give it.

Patterns live in knowledge/data/scope.yaml (`question_intents`); this module only scores.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Set
from functools import cache, lru_cache

from agent.scope_data import scope

INTENT_BONUS = 3  # a fact of the kind asked for beats one that merely shares words
DISTINCTIVE_DF = 3  # a word in this few cards' titles and phrasings names their subject


# The composer stems the same rule-base facts for every question (thousands of calls per
# answer): caching them took the offline node's p95 from ~15 ms to ~2 ms. Frozen, so shared.
@lru_cache(maxsize=8192)
def stems(text: str) -> frozenset[str]:
    """Content-word stems, the same tokens the lexical index uses ("penalties" → "penalty")."""
    from knowledge.index.lexical import tokenize

    return frozenset(tokenize(text))


@cache
def _card_df() -> Counter[str]:
    from knowledge.loader import load_rule_base

    df: Counter[str] = Counter()
    for card in load_rule_base().topics.values():
        df.update(set().union(*(stems(t) for t in (card.title, *card.questions))))
    return df


def distinctive(words: Set[str]) -> set[str]:
    """The words that name a subject ("aisi", "30-4"), not ones most cards share ("act")."""
    df = _card_df()
    return {w for w in words if df[w] <= DISTINCTIVE_DF}


def intent_words(question: str) -> set[str]:
    """Stems of the words that only say what kind of answer is wanted ("binding", "when")."""
    found: set[str] = set()
    for _, asks, _ in scope().intents:
        for match in asks.finditer(question):
            found |= stems(match.group(0))
    return found


def asked_intents(question: str) -> list[str]:
    return [name for name, asks, _ in scope().intents if asks.search(question)]


def gives(fact: str, intents: Iterable[str]) -> bool:
    """True when the fact supplies what one of the intents asks for."""
    wanted = set(intents)
    return any(name in wanted and pattern.search(fact) for name, _, pattern in scope().intents)


def fact_score(fact: str, asked: Set[str], intents: list[str]) -> int:
    return len(stems(fact) & asked) + (INTENT_BONUS if intents and gives(fact, intents) else 0)


def expand_terms(question: str) -> str:
    """The question plus the rule-base words for the Japanese terms and abbreviations it uses."""
    extra = [english for pattern, english in scope().glossary if pattern.search(question)]
    return f"{question} {' '.join(extra)}" if extra else question

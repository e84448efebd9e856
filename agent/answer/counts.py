"""A question asking how many ('how many attack methods…?', '何人分から報告義務？'): the fact
whose first sentence carries the count leads, not one that only describes the thing counted."""

from __future__ import annotations

import re

from agent.answer.phrasebook import phrasebook
from knowledge.index.japanese import JAPANESE
from knowledge.schema import Fact

_SENTENCE_END = re.compile(r"(?<=[.!?。])\s+|(?<=。)")


def _first_sentence(text: str) -> str:
    return _SENTENCE_END.split(text.strip(), maxsplit=1)[0]


def counts(fact: Fact, japanese: bool) -> bool:
    """Does the fact's first sentence, in the answer's language, carry a count?"""
    text = (fact.text_ja or fact.text) if japanese else fact.text
    return bool(phrasebook().count.search(_first_sentence(text)))


def counted_first(facts: list[Fact], asked: str) -> list[Fact]:
    """`facts` with the first whose lead sentence carries a count moved to the front, when
    `asked` asks how many and the lead carries none; otherwise as they are."""
    if not facts or not phrasebook().how_many.search(asked):
        return facts
    japanese = bool(JAPANESE.search(asked))
    if counts(facts[0], japanese):
        return facts
    counted = next((f for f in facts if counts(f, japanese)), None)
    return facts if counted is None else [counted, *(f for f in facts if f is not counted)]

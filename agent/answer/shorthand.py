"""What a question's words stand for before the speller reads them: chat shorthand ('wat r the
penalties' → 'wat are …', knowledge/data/words.yaml) and a misspelt question word opening it
('wen did …' → 'when did …', though 'wen' is an English word)."""

from __future__ import annotations

import re
from functools import cache

from rapidfuzz.distance import OSA

from agent.answer.word_lists import WordPattern, reading_words

# The verbs that follow a question word opening a question ("wen did …", "wat is …"):
# reading_words.yaml auxiliary_words.
_AUXILIARY = WordPattern(lambda w: w.auxiliary_words, r"\s*({words})\b", re.IGNORECASE)


def expanded(text: str) -> str:
    """Chat shorthand as the words it stands for ('wat r the penalties' → 'wat are …'), where it
    stands as a word of its own (not 'u' in 'u.s.')."""
    from knowledge.words import shorthand

    short = shorthand()
    if not short:
        return text
    pattern = _shorthand_pattern(tuple(sorted(short)))
    return pattern.sub(lambda m: _cased(short[m.group(0).lower()], m.group(0)), text)


@cache
def _shorthand_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    # a word standing alone: after a space or the start, before a space, the end or a stop
    return re.compile(rf"(?<!\S)(?:{alternatives})(?=[\s,?!;:]|\.(?!\w)|$)", re.IGNORECASE)


def _cased(meant: str, typed: str) -> str:
    return meant.capitalize() if typed[:1].isupper() else meant


def question_word(text: str) -> str:
    """The question word a question's first word misspells, where a verb follows it."""
    first = re.match(r"\W*([A-Za-z]+)", text)
    if first is None or not _AUXILIARY.match(text, first.end()):
        return text
    typed = first.group(1)
    lower = typed.lower()
    question_words = reading_words().opening_question_words
    if lower in question_words:
        return text
    near = [w for w in question_words if OSA.distance(lower, w) == 1]
    if len(near) != 1:  # none, or a tie ('whe': who or when) that the words cannot settle
        return text
    meant = near[0].capitalize() if typed[0].isupper() else near[0]
    return text[: first.start(1)] + meant + text[first.end(1) :]

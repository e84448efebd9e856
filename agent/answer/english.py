"""English words: pyspellchecker's list, in American or British spelling, plus the terms of the
trade people type in lower case (knowledge/data/words.yaml), so the speller leaves a word in its
own right as typed ('banks' stays 'banks', 'saas' stays 'saas')."""

from __future__ import annotations

import re
from functools import cache

_JSON_KEY = re.compile(r'"([^"]+)":')  # the word list's keys, its counts unread
_LETTERS = "abcdefghijklmnopqrstuvwxyz"

# British spellings as the American ones pyspellchecker lists ('summarise' → 'summarize').
_BRITISH = (
    (re.compile(r"is(e|es|ed|ing|ation|ations|er|ers)$"), r"iz\1"),
    (re.compile(r"ys(e|es|ed|ing)$"), r"yz\1"),
    (re.compile(r"our(s|ed|ing|ite|ites|able|ably|ful)?$"), r"or\1"),
    (re.compile(r"tre(s)?$"), r"ter\1"),
    (re.compile(r"mme(s)?$"), r"m\1"),
    (re.compile(r"ll(ed|ing|er|ers)$"), r"l\1"),
)


@cache
def english_words() -> frozenset[str]:
    """pyspellchecker's English words. Its packaged list read directly (a quarter of a second);
    building a SpellChecker parses the word counts too, four times as long."""
    import gzip
    from importlib import resources

    try:
        packed = resources.files("spellchecker").joinpath("resources/en.json.gz").read_bytes()
    except OSError:  # a release that moved its list: ask the library itself
        from spellchecker import SpellChecker

        return frozenset(SpellChecker().word_frequency.dictionary)
    # Decoded whole, then searched: decoding 160,000 keys one by one took three times as long.
    return frozenset(_JSON_KEY.findall(gzip.decompress(packed).decode("utf-8")))


def is_english(word: str) -> bool:
    """A word in its own right, in any case: pyspellchecker's English list, in its American or
    British spelling, or an acronym or term of the trade people type in lower case (words.yaml:
    'saas', 'llm')."""
    from knowledge.words import own_words

    lower = word.lower()
    if lower in own_words() or lower in english_words():
        return True
    return any(
        american != lower and american in english_words()
        for pattern, us in _BRITISH
        for american in [pattern.sub(us, lower)]
    )


def english_one_off(lower: str) -> str | None:
    """The one English word a letter away from `lower` (dropped, added, changed or two swapped),
    if there is only one (a word of the rule base's vocabulary is not asked about here)."""
    splits = [(lower[:i], lower[i:]) for i in range(len(lower) + 1)]
    edits = {a + b[1:] for a, b in splits if b}
    edits |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    edits |= {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    edits |= {a + c + b for a, b in splits for c in _LETTERS}
    found = {w for w in edits - {lower} if w in english_words()}
    return found.pop() if len(found) == 1 else None

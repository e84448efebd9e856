"""Typos in whole words: 'requre', 'consnet', 'trainning' → the rule base's own words.

A word the rule base never uses is corrected to the closest word it does use (rapidfuzz, optimal
string alignment: a swap of two letters is one edit), unless it is an English word in its own
right ("banks" stays "banks", not "bans"); the English word list (pyspellchecker) is read only
when a word is that close to one of the rule base's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

MIN_WORD = 4  # shorter words have too many neighbours one edit away
_WORD = re.compile(r"[a-z]+")
_TOKEN = re.compile(r"[A-Za-z]+")
_JSON_KEY = re.compile(rb'"([^"]+)":')  # the word list's keys, its counts unread


def max_edits(word: str) -> int:
    """One edit in a short word, two from seven letters on."""
    return 1 if len(word) < 7 else 2


@cache
def _english() -> frozenset[str]:
    """pyspellchecker's English words. Its packaged list read directly (a quarter of a second);
    building a SpellChecker parses the word counts too, four times as long."""
    import gzip
    from importlib import resources

    try:
        packed = resources.files("spellchecker").joinpath("resources/en.json.gz").read_bytes()
    except OSError:  # a release that moved its list: ask the library itself
        from spellchecker import SpellChecker

        return frozenset(SpellChecker().word_frequency.dictionary)
    return frozenset(w.decode("utf-8") for w in _JSON_KEY.findall(gzip.decompress(packed)))


class Speller:
    """Corrects misspelt words towards a vocabulary (most used first on a tie)."""

    def __init__(self, texts: Iterable[str]) -> None:
        counts = Counter(w for text in texts for w in _WORD.findall(text.lower()))
        self.known = frozenset(counts)
        self._choices = [w for w, _ in counts.most_common() if len(w) >= MIN_WORD - 1]

    def word(self, word: str) -> str:
        """`word` itself, or the vocabulary's word it misspells."""
        lower = word.lower()
        if len(lower) < MIN_WORD or lower in self.known:
            return word
        best = process.extractOne(
            lower, self._choices, scorer=OSA.distance, score_cutoff=max_edits(lower)
        )
        if best is None or lower in _english():
            return word
        return best[0].upper() if word.isupper() else best[0]

    def correct(self, text: str) -> str:
        """`text` with each misspelt Latin word replaced; everything else as it was."""
        return _TOKEN.sub(lambda m: self.word(m.group(0)), text)

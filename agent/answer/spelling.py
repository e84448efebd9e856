"""Typos in whole words: 'requre', 'consnet', 'trainning' → the rule base's own words.

A word the rule base never uses is read as one it does use, unless it is an English word in its
own right ("banks" stays "banks", not "bans"); the English word list (pyspellchecker) is read
only when a word has such a reading. A name with capitals inside ('SaaS', 'OpenAI') is never
corrected, and an acronym in capitals ('SAAS') only parted. In order:

- two words run together, each the rule base's own ('incharge' → 'in charge', 'aiact');
- the closest word (rapidfuzz, optimal string alignment: a swap of two letters is one edit);
- a word that sounds the same (jellyfish's Metaphone: 'copywrite' → 'copyright').

A question's first word a letter away from a question word, before a verb such as 'did' or
'is', is that question word ('wen did …', 'wat is …'), though 'wen' is an English word.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

import jellyfish
from rapidfuzz import process
from rapidfuzz.distance import OSA

MIN_WORD = 4  # shorter words have too many neighbours one edit away
MIN_SPLIT = (2, 3)  # the shortest left and right words of a run-together pair ('in', 'act')
MIN_SOUND = 5  # shorter words share their sound with too many others
_WORD = re.compile(r"[a-z]+")
_TOKEN = re.compile(r"[A-Za-z]+")
_JSON_KEY = re.compile(rb'"([^"]+)":')  # the word list's keys, its counts unread
# English grammar, not the rule base's vocabulary: the words that open a question and the verbs
# that follow them ("wen did …", "wat is …").
QUESTION_WORDS = ("what", "when", "who", "where", "which", "why", "how")
_AUXILIARY = re.compile(
    r"\s*(is|are|was|were|do|does|did|can|could|should|must|will|would|has|have|had|may)\b",
    re.IGNORECASE,
)


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


def is_english(word: str) -> bool:
    """An English word in its own right (pyspellchecker's list), in any case."""
    return word.lower() in _english()


class Speller:
    """Corrects misspelt words towards a vocabulary (most used first on a tie)."""

    def __init__(self, texts: Iterable[str]) -> None:
        counts = Counter(w for text in texts for w in _WORD.findall(text.lower()))
        self.known = frozenset(counts)
        self._choices = [w for w, _ in counts.most_common() if len(w) >= MIN_WORD - 1]
        self._sounds: dict[str, list[str]] = {}
        for w in self._choices:
            if len(w) >= MIN_SOUND:
                self._sounds.setdefault(jellyfish.metaphone(w), []).append(w)

    def _split(self, lower: str) -> str | None:
        """Two of the vocabulary's words run together, the most even split first."""
        left_min, right_min = MIN_SPLIT
        pairs = [
            (lower[:i], lower[i:])
            for i in range(left_min, len(lower) - right_min + 1)
            if lower[:i] in self.known and lower[i:] in self.known
        ]
        if not pairs:
            return None
        left, right = max(pairs, key=lambda pair: min(len(pair[0]), len(pair[1])))
        return f"{left} {right}"

    def _near(self, lower: str) -> str | None:
        best = process.extractOne(
            lower, self._choices, scorer=OSA.distance, score_cutoff=max_edits(lower)
        )
        return None if best is None else best[0]

    def _sounds_like(self, lower: str) -> str | None:
        """A vocabulary word that sounds the same, from the same first letter and at most half
        the letters away ('copywrite' → 'copyright', not a word that only shares consonants)."""
        if len(lower) < MIN_SOUND:
            return None
        alike = [w for w in self._sounds.get(jellyfish.metaphone(lower), []) if w[0] == lower[0]]
        if not alike:
            return None
        meant = min(alike, key=lambda w: OSA.distance(lower, w))  # most used first on a tie
        return meant if OSA.distance(lower, meant) <= len(lower) // 2 else None

    def word(self, word: str) -> str:
        """`word` itself, or the vocabulary's word (or two) it misspells."""
        lower = word.lower()
        if len(lower) < MIN_WORD or lower in self.known or _is_name(word):
            return word
        split = self._split(lower)
        if split is None and word.isupper():  # an acronym ('SAAS'), not a shouted typo
            return word
        meant = split or self._near(lower) or self._sounds_like(lower)
        if meant is None or lower in _english():
            return word
        return meant.upper() if word.isupper() else meant

    def correct(self, text: str) -> str:
        """`text` with each misspelt Latin word replaced; everything else as it was."""
        text = _question_word(text)
        return _TOKEN.sub(lambda m: self.word(m.group(0)), text)


def _is_name(word: str) -> bool:
    """Capitals inside a word ('SaaS', 'OpenAI', 'ChatGPT') mark a name typed with care, not a
    typo of a common word."""
    return any(c.isupper() for c in word[1:]) and not word.isupper()


def _question_word(text: str) -> str:
    """The question word a question's first word misspells, where a verb follows it."""
    first = re.match(r"\W*([A-Za-z]+)", text)
    if first is None or not _AUXILIARY.match(text, first.end()):
        return text
    typed = first.group(1)
    lower = typed.lower()
    if lower in QUESTION_WORDS:
        return text
    near = [w for w in QUESTION_WORDS if OSA.distance(lower, w) == 1]
    if len(near) != 1:  # none, or a tie ('whe': who or when) that the words cannot settle
        return text
    meant = near[0].capitalize() if typed[0].isupper() else near[0]
    return text[: first.start(1)] + meant + text[first.end(1) :]

"""Japanese names typed in romaji: 'kojin joho hogo ho' names 個人情報保護法.

Each Japanese alias is read in kana (SudachiPy, knowledge/index/japanese.py) and written in
romaji (jaconv); the question's Latin words are compared with it, run together, on a key that
forgets how romaji is spelt: long vowels ('jouhou', 'joho'), Hepburn or Kunrei ('shi',
'si'; 'ji', 'zi'), spaces. Read once, on the first question with a Latin word that is no English
word.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Mapping
from functools import cached_property

import jaconv

from agent.answer.english import is_english
from knowledge.index.japanese import JAPANESE

MIN_KEY = 6  # shorter keys ('hoho') are too easily other words run together
MAX_WORDS = 6  # 'jinko chino kihon keikaku' is four
_LATIN = re.compile(r"[a-z]+")
# Hepburn and Kunrei spellings of one sound, to one key (longest first).
_SPELLINGS = (
    ("tsu", "tu"),
    ("shi", "si"),
    ("chi", "ti"),
    ("sh", "sy"),
    ("ch", "ty"),
    ("ji", "zi"),
    ("j", "zy"),
    ("fu", "hu"),
)
_LONG = re.compile(r"ou|([aiueo])\1+")


def romaji_key(text: str) -> str:
    """How a romaji spelling is compared: letters only, one spelling of each sound, short
    vowels ('Kojin Jōhō' and 'kojinjouhou' both give 'kozinzyoho')."""
    plain = unicodedata.normalize("NFKD", text.lower())
    key = "".join(c for c in plain if "a" <= c <= "z")
    for spelt, one in _SPELLINGS:
        key = key.replace(spelt, one)
    return _LONG.sub(lambda m: m.group(1) or "o", key)


class RomajiNames:
    """Finds the Japanese aliases a question spells in romaji."""

    def __init__(self, by_alias: Mapping[str, str]) -> None:
        self._by_alias = by_alias

    @cached_property
    def _keys(self) -> dict[str, str]:
        from knowledge.index.japanese import reading

        keys: dict[str, str] = {}
        for alias, entity in self._by_alias.items():
            if JAPANESE.search(alias):
                kana = jaconv.kata2hira(reading(alias)[0])
                key = romaji_key(jaconv.kana2alphabet(kana))
                if len(key) >= MIN_KEY:
                    keys.setdefault(key, entity)
        return keys

    def find(self, norm: str, covered: list[bool]) -> list[tuple[int, str]]:
        """(start, entity) of each run of free Latin words that spells a Japanese alias."""
        words = [m for m in _LATIN.finditer(norm) if not any(covered[m.start() : m.end()])]
        if not any(not is_english(w.group(0)) for w in words):
            return []  # plain English: no romaji to read, and no dictionary to load
        found: list[tuple[int, str]] = []
        used: set[int] = set()
        for size in range(min(MAX_WORDS, len(words)), 0, -1):
            for i in range(len(words) - size + 1):
                span = set(range(i, i + size))
                window = words[i : i + size]
                if used & span or all(is_english(w.group(0)) for w in window):
                    continue
                # Only words side by side: 'kojin … joho' far apart is no name.
                if any(norm[a.end() : b.start()].strip() for a, b in itertools.pairwise(window)):
                    continue
                entity = self._keys.get(romaji_key("".join(w.group(0) for w in window)))
                if entity is not None:
                    found.append((window[0].start(), entity))
                    used |= span
        return found


def may_be_romaji(text: str) -> bool:
    """Could `text` hold a Japanese word typed in romaji: a Latin word long enough to spell one
    that is no English word? (Cheap: the readings are compiled only when it could.)"""
    if JAPANESE.search(text):
        return False
    return any(
        len(romaji_key(w)) >= MIN_KEY and not is_english(w.lower())
        for w in re.findall(r"[A-Za-z]+", text)
    )


class RomajiWords:
    """Japanese words typed in romaji that name no entity ('bassoku' for 罰則, 'seiritsu' for
    成立): read as the rule base's kanji word that sounds the same, so 'AI suishin ho ni bassoku
    wa arimasu ka' asks the penalties as '…罰則は…' does. The words of a name ('suishin' in
    'ai suishin ho') are left to `RomajiNames`."""

    def __init__(self, readings: Mapping[str, str], in_names: frozenset[str]) -> None:
        """`readings`: each kanji word's reading in katakana → the word; `in_names`: the kanji
        words the Japanese names hold."""
        keys: dict[str, str] = {}
        for sound, word in readings.items():
            key = romaji_key(jaconv.kana2alphabet(jaconv.kata2hira(sound)))
            if len(key) >= MIN_KEY and word not in in_names:
                keys.setdefault(key, word)
        self._keys = keys

    def correct(self, text: str) -> str:
        """`text` with each free Latin word that is no English word and spells a kanji word in
        romaji replaced by that word."""
        if JAPANESE.search(text):
            return text

        def word(match: re.Match[str]) -> str:
            typed = match.group(0)
            if is_english(typed.lower()):
                return typed
            return self._keys.get(romaji_key(typed), typed)

        return re.sub(r"[A-Za-z]+", word, text)

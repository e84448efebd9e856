"""Japanese conversion slips (変換ミス): a kanji word the rule base never uses, typed where a
word that sounds the same was meant ('交付' for 公布, '摘要' for 適用, '人口知能' for 人工知能),
is read as the rule base's own word; the Japanese half of the English `Speller`.

SudachiPy gives each word its reading; a word of two or more kanji that the rule base's
Japanese texts never use is replaced by the word they use most that reads the same. A word the
rule base uses is never changed, so a correct question is read as typed.

A noun typed in hiragana that reads as one of the rule base's kanji words is that word
('とうろく' for 登録), also when the dictionary cuts it into pieces ('ばっそく' read as ばっ・そ・く
is 罰則). A katakana word the texts never use, one kana off one they do, is that
word ('ガイドラン' for ガイドライン, 'レッドチーミグ' for レッドチーミング,
'インスティチュート' for インスティテュート). A katakana word typed in hiragana (the IME left in
hiragana: 'がいどらいん') is that word, and an abbreviation the texts use spelt out in the
letters' kana names ('えーあい', 'ぴーぴーしー') is its letters (AI, PPC).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

import jaconv
from rapidfuzz import process
from rapidfuzz.distance import OSA

_KANJI = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff]{2,}$")
_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{2,}")
_KATAKANA = re.compile(r"[ァ-ヶー]+")
# A noun typed in hiragana ('とうろく' for 登録): four kana or more, so short words ('きょう')
# are not read as some kanji word that sounds the same.
_KANA_NOUN = re.compile(r"^[ぁ-ゟ]{4,}$")
_IN_HIRAGANA = re.compile(r"^[ぁ-ゟ]+$")
# An abbreviation of Latin capitals ('AI', 'APPI', 'AISI'): what a kana spelling can spell.
_ACRONYM = re.compile(r"(?<![A-Za-z])[A-Z]{2,5}(?![A-Za-z])")
MIN_KATAKANA_SLIP = 5  # shorter katakana words are too often one kana from another word
MAX_KANA_PIECES = 6  # the most pieces one hiragana word is cut into ('ば・っ・そ・く')
_ENDINGS = frozenset({"助詞", "助動詞", "補助記号"})  # particles and endings: no word of their own
# The particles a noun is followed or preceded by ('罰則は', '登録が', '推進法の').
_PARTICLES = frozenset(
    [
        "は",
        "が",
        "を",
        "に",
        "の",
        "と",
        "も",
        "で",
        "や",
        "へ",
        "か",
        "って",
        "から",
        "まで",
        "より",
    ]
)


def _words(text: str) -> list[tuple[str, str]]:
    """(surface, reading) of each word of `text`, in SudachiPy's shortest units."""
    return [(surface, sound) for surface, _, sound in _tagged(text)]


def _tagged(text: str) -> list[tuple[str, str, str]]:
    """(surface, part of speech, reading) of each word of `text`."""
    from knowledge.index.japanese import _mode, _tokenizer, katakana

    return [
        (m.surface(), m.part_of_speech()[0], katakana(m.reading_form()))
        for m in _tokenizer().tokenize(text, _mode())
    ]


def _bounded(tagged: Sequence[tuple[str, str, str]], at: int) -> bool:
    """Does a word typed in hiragana end (or start) beside piece `at`: none there, a case
    particle, or a piece not in hiragana? (The dictionary tags pieces of kana words as particles
    too: 'ちょさく・けん・ほう' is one word, its 'けん' no particle.)"""
    if at < 0 or at >= len(tagged):
        return True
    surface = tagged[at][0]
    return surface in _PARTICLES or not _IN_HIRAGANA.match(surface)


class KatakanaSlips:
    """Corrects katakana words one kana off the texts' own (most used first on a tie)."""

    def __init__(self, texts: Iterable[str]) -> None:
        kana = Counter(run for text in texts for run in _KATAKANA.findall(text))
        self.known = frozenset(kana)
        self._choices = [w for w, _ in kana.most_common() if len(w) >= MIN_KATAKANA_SLIP - 1]
        # The texts' longer katakana words as typed in hiragana, longest first.
        self._in_hiragana = {
            jaconv.kata2hira(w): w
            for w in sorted(kana, key=len, reverse=True)
            if len(w) >= MIN_KATAKANA_SLIP
        }
        self._hiragana = (
            re.compile("|".join(map(re.escape, self._in_hiragana))) if self._in_hiragana else None
        )

    def word(self, typed: str) -> str:
        """`typed` itself, or the texts' katakana word one kana off it."""
        if len(typed) < MIN_KATAKANA_SLIP or typed in self.known:
            return typed
        near = process.extract(typed, self._choices, scorer=OSA.distance, score_cutoff=1)
        return min(near, key=lambda found: found[2])[0] if near else typed

    def correct(self, text: str) -> str:
        if self._hiragana is not None:
            text = self._hiragana.sub(lambda m: self._in_hiragana[m.group(0)], text)
        return _KATAKANA.sub(lambda m: self.word(m.group(0)), text)


class SpeltLetters:
    """Abbreviations the texts use, spelt out in the letters' kana names, read as the letters."""

    def __init__(self, texts: Iterable[str], letters: Mapping[str, Sequence[str]]) -> None:
        spelt: dict[str, str] = {}
        for text in texts:
            for acronym in _ACRONYM.findall(unicodedata.normalize("NFKC", text)):
                names = [letters.get(ch.lower(), ()) for ch in acronym]
                for combo in itertools.product(*names) if all(names) else ():
                    word = "".join(combo)
                    spelt.setdefault(word, acronym)
                    spelt.setdefault(jaconv.kata2hira(word), acronym)
        self._spelt = spelt
        longest = sorted(spelt, key=len, reverse=True)
        self._pattern = re.compile("|".join(map(re.escape, longest))) if spelt else None

    def correct(self, text: str) -> str:
        if self._pattern is None:
            return text
        return self._pattern.sub(lambda m: self._spelt[m.group(0)], text)


class Homophones:
    """Corrects kanji words towards the rule base's words that sound the same."""

    def __init__(
        self, texts: Iterable[str], *, letters: Mapping[str, Sequence[str]] | None = None
    ) -> None:
        texts = list(texts)
        self.katakana = KatakanaSlips(texts)
        self.letters = SpeltLetters(texts, letters or {})
        # Only runs of kanji hold the words kept, and the texts repeat them: each distinct run is
        # read once (a tenth of reading every text whole), its words counted as often as it occurs.
        runs = Counter(run for text in texts for run in _RUN.findall(text))
        counts: Counter[str] = Counter()
        readings: dict[str, str] = {}
        for run, times in runs.items():
            for surface, sound in _words(run):
                if _KANJI.match(surface):
                    counts[surface] += times
                    readings.setdefault(surface, sound)
        self.known = frozenset(counts)
        by_sound: dict[str, list[str]] = defaultdict(list)
        for surface, _ in counts.most_common():  # most used first
            by_sound[readings[surface]].append(surface)
        self._by_sound = dict(by_sound)

    def readings(self) -> dict[str, str]:
        """Each reading (katakana) of the rule base's kanji words → the word most used."""
        return {sound: words[0] for sound, words in self._by_sound.items()}

    def word(self, surface: str, sound: str) -> str:
        """`surface` itself, or the rule base's word it was typed for."""
        if not _KANJI.match(surface) or surface in self.known:
            return surface
        same = [w for w in self._by_sound.get(sound, []) if len(w) == len(surface)]
        return same[0] if same else surface

    def kana_noun(self, surface: str, sound: str) -> str:
        """A noun typed in hiragana ('とうろく'): the rule base's kanji word read the same
        (登録), the most used on a tie; else as typed."""
        if not _KANA_NOUN.match(surface):
            return surface
        same = self._by_sound.get(sound, [])
        return same[0] if same else surface

    def kana_run(self, tagged: Sequence[tuple[str, str, str]], start: int) -> tuple[str, int]:
        """A word typed in hiragana that the dictionary cuts into pieces ('ばっそく' read as
        ばっ・そ・く): the longest run of hiragana pieces from `start`, not only particles and
        endings, that reads as one of the rule base's kanji words (罰則), with where it ends;
        ('', start) when none does."""
        for end in range(min(len(tagged), start + MAX_KANA_PIECES), start + 1, -1):
            pieces = tagged[start:end]
            typed = "".join(surface for surface, _, _ in pieces)
            if not _KANA_NOUN.match(typed) or all(pos in _ENDINGS for _, pos, _ in pieces):
                continue
            if not (_bounded(tagged, start - 1) and _bounded(tagged, end)):
                continue  # part of a longer kana word ('ちょさく' in 'ちょさくけんほう')
            same = self._by_sound.get(jaconv.hira2kata(typed), [])
            if same:
                return same[0], end
        return "", start

    def correct(self, text: str) -> str:
        """`text` with each slip replaced; everything else as it was."""
        text = self.katakana.correct(self.letters.correct(text))
        if not re.search(r"[\u3041-\u309f\u3400-\u9fff]", text):
            return text
        said = []
        tagged = _tagged(text)
        at = 0
        while at < len(tagged):
            word, end = self.kana_run(tagged, at)
            if word:
                said.append(word)
                at = end
                continue
            surface, pos, sound = tagged[at]
            word = self.word(surface, sound)
            said.append(self.kana_noun(word, sound) if pos == "名詞" else word)
            at += 1
        return "".join(said)

"""Entity linking: the instruments, bodies, sectors and technologies a question names.

Exact aliases first (longest wins); then typos against the same vocabulary with rapidfuzz.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from functools import cached_property

from rapidfuzz import fuzz, process

from agent.answer.english import is_english
from agent.answer.exact_names import ExactNames
from agent.answer.homophones import KatakanaSlips
from agent.answer.romaji import RomajiNames
from agent.answer.word_lists import reading_words
from knowledge.index.japanese import JAPANESE
from knowledge.schema import Entity, EntityKind

# How close a misspelt phrase must be to an alias (rapidfuzz ratio, 0–100). A single word must
# be closer and longer: short words have too many near neighbours.
PHRASE_CUTOFF = 85
WORD_CUTOFF = 88
MIN_FUZZY_CHARS = 5
MIN_TYPO_WORD = 4
INFLECTED = 5  # a word and its inflection share their first letters ('regulated', 'regulation')
# A Japanese name heard in the question (kana spelling, or a same-sounding typo like 推進方 for
# 推進法) must sound this long in kana: shorter readings have too many homophones.
MIN_READING = 5
# What joins a Japanese name to the thing it owns: AI推進法の, AI推進法に基づく, AI推進法第13条の.
_OF = re.compile(r"(の|に基づく|上の)?(第\d+条(の\d+)?(の|に基づく)?)?")
_WORD = re.compile(r"[a-z0-9][a-z0-9'.\-]*")


def _bare(phrase: str, determiners: frozenset[str]) -> str:
    """The phrase without the determiners after its first word: how a match finds its alias."""
    first, *rest = phrase.split(" ")
    return " ".join([first, *(w for w in rest if w not in determiners)])


# A space between Latin letters and Japanese ('AI 推進法', typed or added for the cues) joins.
_SEAM_SPACE = re.compile(r"(?<=[a-z0-9]) (?=[^\x00-\x7f])|(?<=[^\x00-\x7f]) (?=[a-z0-9])")


# 'Japan has AI rules' names what 'Japan's AI rules' names: the verb read as the possessive, so
# a name written with it ('japan's ai rules') is found in 'does Japan have AI rules?'.
_POSSESSED = re.compile(r"\b(japan)\s+(?:has|have)\s+(?:any\s+)?(?=[a-z])")


# An article number written without its 第 ('AI推進法16条', '16条って') is the article's name.
_BARE_ARTICLE = re.compile(r"(?<![第\d.])(\d+条)")


def normalise(text: str) -> str:
    """NFKC, lower case, straight quotes, 第 before a bare article number: how aliases and
    questions are compared."""
    text = _SEAM_SPACE.sub("", unicodedata.normalize("NFKC", text).lower())
    text = _BARE_ARTICLE.sub(r"第\1", text)
    return text.replace("\u2019", "'").replace("\u2018", "'")


def _is_ascii(text: str) -> bool:
    return text.isascii()


def _respelt(alias: str, spellings: Mapping[str, str]) -> list[str]:
    """A Japanese alias in the other spelling of each word it holds: a Latin word set against
    Japanese ('ai推進法') in its Japanese spelling (人工知能推進法), and back."""
    if not JAPANESE.search(alias):
        return []
    found = []
    for latin, native in spellings.items():
        latin = latin.lower()
        respelt = re.sub(rf"(?<![a-z0-9]){re.escape(latin)}(?![a-z0-9])", native, alias)
        if respelt == alias:
            respelt = alias.replace(native, latin)
        if respelt != alias:
            found.append(respelt)
    return found


def _typos_plausible(words: list[str], alias: list[str]) -> bool:
    """A word that differs from the alias's is long enough to hold a typo ("ai" is not "aisi")
    and is no other English word ("force companies" is not "foreign companies"), though it may be
    the same word inflected ("ai regulated" is "ai regulation")."""
    return all(
        w == a
        or (len(w) >= MIN_TYPO_WORD and (not is_english(w) or w[:INFLECTED] == a[:INFLECTED]))
        for w, a in zip(words, alias, strict=False)
    )


class Linker:
    """Maps phrases in a question to entity ids, in the order the question names them."""

    def __init__(
        self,
        entities: Iterable[Entity],
        function_words: Iterable[str] = (),
        abbreviations: Mapping[str, str] | None = None,
        spellings: Mapping[str, str] | None = None,
        foreign: re.Pattern[str] | None = None,
        short_forms: Mapping[str, Sequence[str]] | None = None,
        owners: Mapping[str, str] | None = None,
        statutes: Iterable[str] = (),
        determiners: Iterable[str] | None = None,
    ) -> None:
        # A determiner inside a name changes nothing it names: reading_words.yaml's, unless given.
        self._determiners = frozenset(
            reading_words().determiners if determiners is None else determiners
        )
        # An article ('第16条', 'Article 16') is its statute's: named beside another statute and
        # not its own ('Article 16 of the APPI'), it is not the article of the statute it is not.
        self._owners = dict(owners or {})
        self._statutes = frozenset(statutes)
        # A name owned by another jurisdiction ("Colorado's AI Act", "米国のAI法") is that
        # jurisdiction's law, never Japan's: `foreign` matches the other jurisdictions' names.
        self._owned_elsewhere = (
            re.compile(
                rf"(?:{foreign.pattern})(?:'s|s'|の)?\s*(?:state\s+|national\s+)?$", foreign.flags
            )
            if foreign is not None
            else None
        )
        # A misspelt name never starts or ends on a function word ("there a law" ≠ "the ai law").
        self.edge_words = frozenset(function_words)
        # A Latin abbreviation against Japanese ('事業者gl') reads as the word it stands for.
        self._abbreviations = {a.lower(): full for a, full in (abbreviations or {}).items()}
        short = "|".join(re.escape(a) for a in self._abbreviations)
        self._abbreviated = (
            re.compile(
                rf"(?<=[^\x00-\x7f])({short})(?![a-z0-9])|(?<![a-z0-9])({short})(?=[^\x00-\x7f])"
            )
            if short
            else None
        )
        self.by_alias: dict[str, str] = {}
        entities = list(entities)
        self.kinds = {entity.id: entity.kind for entity in entities}
        for entity in entities:
            for alias in (entity.name, entity.name_ja, *entity.aliases):
                if alias:
                    self.by_alias.setdefault(normalise(alias).strip(), entity.id)
        # A Japanese alias is matched in either spelling of a word ('aiの法律', 人工知能の法律).
        for alias, entity_id in list(self.by_alias.items()):
            for respelt in _respelt(alias, spellings or {}):
                self.by_alias.setdefault(respelt, entity_id)
        # A long form inside an English name is also written short ("the Digital Agency's gen AI
        # guideline"): each alias holding it is matched with each short form too.
        for alias, entity_id in list(self.by_alias.items()):
            for long, shorts in (short_forms or {}).items():
                pattern = rf"(?<![a-z0-9]){re.escape(long.lower())}(?![a-z0-9])"
                for short in shorts if re.search(pattern, alias) else ():
                    self.by_alias.setdefault(re.sub(pattern, short.lower(), alias), entity_id)
        latin = sorted((a for a in self.by_alias if _is_ascii(a)), key=len, reverse=True)
        other = sorted((a for a in self.by_alias if not _is_ascii(a)), key=len, reverse=True)
        self._by_bare: dict[str, str] = {}
        for alias in latin:
            self._by_bare.setdefault(_bare(alias, self._determiners), self.by_alias[alias])
        self._exact = ExactNames(latin, other, determiners=self._determiners)
        self._romaji = RomajiNames(self.by_alias)  # 'kojin joho hogo ho' → 個人情報保護法
        self._katakana = KatakanaSlips(self.by_alias)  # 'ガイドラン' → ガイドライン
        self._by_words: dict[int, list[str]] = {}
        for alias in latin:
            self._by_words.setdefault(len(alias.split()), []).append(alias)

    def link(self, text: str) -> list[str]:
        """Entity ids named in `text`, first mention first, each once."""
        norm = _POSSESSED.sub(r"\1's ", normalise(text))
        if self._abbreviated is not None and JAPANESE.search(norm):
            norm = self._abbreviated.sub(lambda m: self._abbreviations[m.group(0)], norm)
        if JAPANESE.search(norm):  # a kana off a name's katakana word ('レッドチーミグ')
            norm = self._katakana.correct(norm)
        spans = [(s, e, self._named(norm[s:e])) for s, e in self._exact.find(norm)]
        if JAPANESE.search(norm):
            spans = self._heads(norm, _longest(spans, self._heard(norm)))
        covered = [False] * len(norm)
        for start, end, _ in spans:
            covered[start:end] = [True] * (end - start)
        found = [(start, entity) for start, _, entity in spans if not self._owned(norm, start)]
        found += self._romaji.find(norm, covered)
        found += self._fuzzy(norm, covered)
        ordered = list(dict.fromkeys(entity for _, entity in sorted(found)))
        statutes = self._statutes & set(ordered)
        return [
            e
            for e in ordered
            if e not in self._owners or not statutes or self._owners[e] in statutes
        ]

    def exact_names(self, text: str) -> tuple[str, list[tuple[int, int, str]]]:
        """`text` normalised, and (start, end, entity) of each name spelt out in it (Latin)."""
        norm = normalise(text)
        if JAPANESE.search(norm):
            return norm, []
        return norm, [(s, e, self._named(norm[s:e])) for s, e in self._exact.find(norm)]

    def _named(self, matched: str) -> str:
        """The entity an exact match names, a determiner inside it or not."""
        return self.by_alias.get(matched) or self._by_bare[_bare(matched, self._determiners)]

    def _owned(self, norm: str, start: int) -> bool:
        """The name starting at `start` follows another jurisdiction's name, which owns it."""
        return self._owned_elsewhere is not None and bool(
            self._owned_elsewhere.search(norm[:start])
        )

    def _heads(self, norm: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Japanese names its head last: in "AI推進法第13条の指針" or "個人情報保護法の注意喚起"
        the instrument asked of is the second; the first only says whose it is."""
        spans = sorted(spans)
        dropped = {
            a
            for a, b in itertools.pairwise(spans)
            if {self.kinds.get(a[2]), self.kinds.get(b[2])} == {EntityKind.instrument}
            and _OF.fullmatch(norm[a[1] : b[0]])
        }
        return [s for s in spans if s not in dropped]

    @cached_property
    def _sounds(self) -> list[tuple[str, str]]:
        """(reading in katakana, entity id) of every Japanese alias, longest first; read once,
        on the first Japanese question."""
        from knowledge.index.japanese import reading

        sounds: dict[str, str] = {}
        for alias, entity in self.by_alias.items():
            if JAPANESE.search(alias):
                sound = reading(alias)[0]
                if len(sound) >= MIN_READING:
                    sounds.setdefault(sound, entity)
        return sorted(sounds.items(), key=lambda pair: len(pair[0]), reverse=True)

    def _heard(self, norm: str) -> list[tuple[int, int, str]]:
        """(start, end, entity) of aliases that sound like a part of the question."""
        from knowledge.index.japanese import reading

        sound, starts = reading(norm)
        ends = [*starts[1:], len(norm)]  # where each reading character's word ends, roughly
        taken = [False] * len(sound)
        found: list[tuple[int, int, str]] = []
        for alias_sound, entity in self._sounds:
            at = sound.find(alias_sound)
            while at != -1:
                stop = at + len(alias_sound)
                if not any(taken[at:stop]):
                    taken[at:stop] = [True] * len(alias_sound)
                    end = max(ends[stop - 1], starts[stop - 1] + 1)
                    found.append((starts[at], end, entity))
                    break
                at = sound.find(alias_sound, at + 1)
        return found

    def _fuzzy(self, norm: str, covered: list[bool]) -> list[tuple[int, str]]:
        words = list(_WORD.finditer(norm))
        free = [not any(covered[m.start() : m.end()]) for m in words]
        found: list[tuple[int, str]] = []
        used: set[int] = set()
        for size in sorted(self._by_words, reverse=True):
            aliases = self._by_words[size]
            for i in range(len(words) - size + 1):
                window = words[i : i + size]
                span = set(range(i, i + size))
                if used & span or not all(free[j] for j in span):
                    continue  # only runs of words no exact alias took, side by side
                texts = [w.group(0).strip(".'") for w in window]
                if texts[0] in self.edge_words or texts[-1] in self.edge_words:
                    continue
                phrase = " ".join(texts)
                if len(phrase.replace(" ", "")) < MIN_FUZZY_CHARS:
                    continue
                cutoff = WORD_CUTOFF if size == 1 else PHRASE_CUTOFF
                best = process.extractOne(phrase, aliases, scorer=fuzz.ratio, score_cutoff=cutoff)
                if best is not None and _typos_plausible(texts, best[0].split()):
                    found.append((window[0].start(), self.by_alias[best[0]]))
                    used.update(range(i, i + size))
        return found


def _longest(
    exact: list[tuple[int, int, str]], heard: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Exact and heard names, where they overlap the longer wins (個人情報保護方 is the Act, not
    個人情報); on a tie the exact spelling does."""

    def overlaps(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
        return a[0] < b[1] and b[0] < a[1]

    kept = [
        h for h in heard if not any(overlaps(h, x) and x[1] - x[0] >= h[1] - h[0] for x in exact)
    ]
    return [x for x in exact if not any(overlaps(x, h) for h in kept)] + kept

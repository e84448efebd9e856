"""Entity linking: the instruments, bodies, sectors and technologies a question names.

Exact aliases first (longest wins); then typos against the same vocabulary with rapidfuzz.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from rapidfuzz import fuzz, process

from knowledge.schema import Entity

# How close a misspelt phrase must be to an alias (rapidfuzz ratio, 0–100). A single word must
# be closer and longer: short words have too many near neighbours.
PHRASE_CUTOFF = 85
WORD_CUTOFF = 88
MIN_FUZZY_CHARS = 5
MIN_TYPO_WORD = 4
_WORD = re.compile(r"[a-z0-9][a-z0-9'.\-]*")


def normalise(text: str) -> str:
    """NFKC, lower case, straight quotes: how aliases and questions are compared."""
    text = unicodedata.normalize("NFKC", text).lower()
    return text.replace("\u2019", "'").replace("\u2018", "'")


def _is_ascii(text: str) -> bool:
    return text.isascii()


def _typos_plausible(words: list[str], alias: list[str]) -> bool:
    """A word that differs from the alias's is long enough to hold a typo ("ai" is not "aisi")."""
    return all(w == a or len(w) >= MIN_TYPO_WORD for w, a in zip(words, alias, strict=False))


class Linker:
    """Maps phrases in a question to entity ids, in the order the question names them."""

    def __init__(self, entities: Iterable[Entity], function_words: Iterable[str] = ()) -> None:
        # A misspelt name never starts or ends on a function word ("there a law" ≠ "the ai law").
        self.edge_words = frozenset(function_words)
        self.by_alias: dict[str, str] = {}
        for entity in entities:
            for alias in (entity.name, entity.name_ja, *entity.aliases):
                if alias:
                    self.by_alias.setdefault(normalise(alias).strip(), entity.id)
        latin = sorted((a for a in self.by_alias if _is_ascii(a)), key=len, reverse=True)
        other = sorted((a for a in self.by_alias if not _is_ascii(a)), key=len, reverse=True)
        pieces = [rf"(?<![a-z0-9]){re.escape(a)}(?![a-z0-9])" for a in latin]
        pieces += [re.escape(a) for a in other]
        self._exact = re.compile("|".join(pieces)) if pieces else None
        self._by_words: dict[int, list[str]] = {}
        for alias in latin:
            self._by_words.setdefault(len(alias.split()), []).append(alias)

    def link(self, text: str) -> list[str]:
        """Entity ids named in `text`, first mention first, each once."""
        norm = normalise(text)
        found: list[tuple[int, str]] = []
        covered = [False] * len(norm)
        if self._exact is not None:
            for match in self._exact.finditer(norm):
                found.append((match.start(), self.by_alias[match.group(0)]))
                covered[match.start() : match.end()] = [True] * (match.end() - match.start())
        found += self._fuzzy(norm, covered)
        ordered = [entity for _, entity in sorted(found)]
        return list(dict.fromkeys(ordered))

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

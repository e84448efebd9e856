"""The lexical half of hybrid search: BM25 (bm25s) over the same documents.

Tokens are lower-cased words with English stop words removed and a light suffix stemmer, so
"guidelines" finds "guideline" and "fined" finds "fines" without pulling in a stemming library;
Japanese text is cut into dictionary words (knowledge/index/japanese.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import bm25s
import numpy as np
from bm25s.stopwords import STOPWORDS_EN

from knowledge.defaults import derived
from knowledge.index.japanese import JAPANESE
from knowledge.words import search_stopwords

_WORD = re.compile(r"\w+", re.UNICODE)


@derived
def _stop() -> frozenset[str]:
    """bm25s's English stop words and words.yaml's `search_stopwords` (question words, 'ai')."""
    return frozenset(STOPWORDS_EN) | search_stopwords()


_SUFFIXES = (
    ("ational", "ate"),
    ("ization", "ize"),
    ("ations", "ate"),
    ("ation", "ate"),
    ("ies", "y"),
    ("ing", ""),
    ("ers", "er"),
    ("sses", "ss"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("xes", "x"),
    ("ed", ""),
    ("s", ""),
)


def stem(word: str) -> str:
    """A deliberately small stemmer: strip one common suffix, keep a stem of 3+ letters."""
    if len(word) <= 3 or not word.isascii() or word.endswith("ss"):
        return word
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + replacement
            break
    # A final silent "e" goes too, so "fine", "fines" and "fined" meet at "fin".
    return word[:-1] if word.endswith("e") and len(word) >= 4 else word


def tokenize(text: str) -> list[str]:
    """Stemmed English words; Japanese text is cut into words by SudachiPy (a run of kana and
    kanji would otherwise be one token)."""
    stop = _stop()
    if not JAPANESE.search(text):
        return [stem(w) for w in _WORD.findall(text.lower()) if w not in stop]
    from knowledge.index.japanese import words

    found: list[str] = []
    for line in text.splitlines():  # only lines with Japanese in them go through the dictionary
        found += list(words(line)) if JAPANESE.search(line) else _WORD.findall(line.lower())
    return [stem(w) for w in found if w not in stop]


class LexicalIndex:
    """BM25 scores for every document, by position in the list it was built from."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.size = len(texts)
        self._bm25 = bm25s.BM25()
        self._bm25.index([tokenize(t) or ["_empty_"] for t in texts], show_progress=False)

    def scores(self, query: str) -> np.ndarray:
        tokens = [t for t in tokenize(query) if t in self._bm25.vocab_dict]
        if not tokens:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(tokens), dtype=np.float32)

    def ranked(self, query: str, limit: int) -> list[int]:
        """Positions of the best-scoring documents (score > 0), best first."""
        scores = self.scores(query)
        order = np.argsort(-scores, kind="stable")[:limit]
        return [int(i) for i in order if scores[i] > 0]

"""Hybrid search: Chroma vectors and BM25 fused by reciprocal rank.

`search()` is what the agent, the tools and the TUI call; it builds the index on first use.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from core.config import Settings
from knowledge.index.documents import IndexDocument, Kind
from knowledge.index.embeddings import embed
from knowledge.index.japanese import JAPANESE
from knowledge.index.store import LoadedIndex, load_index
from knowledge.index.warm import await_prewarm, prewarm

if TYPE_CHECKING:
    import numpy as np

RRF_K = 60  # the usual constant: damps the head of each list so neither half dominates
CANDIDATES = 30  # per half, before fusion
QUERY_CACHE = 512  # query vectors kept per process (the TUI, chat and evals repeat questions)


@lru_cache(maxsize=QUERY_CACHE)
def query_vector(query: str) -> np.ndarray:
    """The query's embedding (1 x 384), cached: the model call is most of a warm search."""
    await_prewarm()
    vector = embed([query])
    vector.setflags(write=False)  # shared between callers through the cache
    return vector


class Passage(BaseModel):
    """A retrieved passage with the metadata needed to cite it."""

    model_config = ConfigDict(frozen=True)

    id: str
    kind: Kind
    ref_id: str
    title: str
    text: str
    source_id: str | None
    section: str | None
    legal_force: str | None
    date: str | None
    url: str | None
    score: float

    @classmethod
    def from_document(cls, doc: IndexDocument, score: float) -> Passage:
        return cls(
            id=doc.id,
            kind=doc.kind,
            ref_id=doc.ref_id,
            title=doc.title,
            text=doc.text,
            source_id=doc.source_id or None,
            section=doc.section or None,
            legal_force=doc.legal_force or None,
            date=doc.date or None,
            url=doc.url or None,
            score=round(score, 6),
        )


def semantic_ranking(index: LoadedIndex, query: str, limit: int = CANDIDATES) -> list[int]:
    """Document positions by vector similarity; a card counts once, at its best phrasing."""
    n_results = min(limit * 3, index.meta.entry_count)
    # Ids only: the entry id names its document (entry_positions), and fetching metadata made
    # the Chroma call ~7x slower (13 ms vs 1.9 ms for 90 results).
    result = index.collection.query(
        query_embeddings=query_vector(query), n_results=n_results, include=[]
    )
    seen: list[int] = []
    for entry_id in (result.get("ids") or [[]])[0]:
        position = index.entry_positions.get(entry_id)
        if position is not None and position not in seen:
            seen.append(position)
    return seen[:limit]


def fuse(*rankings: list[int]) -> dict[int, float]:
    """Reciprocal-rank fusion of several best-first rankings."""
    scores: dict[int, float] = {}
    for ranking in rankings:
        for rank, position in enumerate(ranking):
            scores[position] = scores.get(position, 0.0) + 1.0 / (RRF_K + rank + 1)
    return scores


def rankings(index: LoadedIndex, query: str) -> list[list[int]]:
    """The rankings fused for `query`: both halves, or the lexical one alone for Japanese.

    The embedding (all-MiniLM-L6-v2) is English-only: on Japanese paraphrases it put an
    answering fact in the top three 5 % of the time against the lexical half's 90 %, and fusing
    it in cut the hybrid to 75 % (benchmarks/JA_SEMANTIC.md). So a query with kana or kanji is
    ranked by the lexical half, which indexes the Japanese fact texts with SudachiPy words.
    """
    lexical = index.lexical.ranked(query, CANDIDATES)
    if JAPANESE.search(query):
        return [lexical]
    return [semantic_ranking(index, query), lexical]


def search(query: str, k: int = 5, *, settings: Settings | None = None) -> list[Passage]:
    """The `k` best passages for `query`, best first, each with its fused score."""
    query = query.strip()
    if not query or k <= 0:
        return []
    # The model session builds in the background while Chroma imports and opens (cold start).
    prewarm()
    index, _ = load_index(settings, progress=True)
    fused = fuse(*rankings(index, query))
    best = sorted(fused.items(), key=lambda item: (-item[1], item[0]))[:k]
    return [Passage.from_document(index.documents[pos], score) for pos, score in best]

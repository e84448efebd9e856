"""Hybrid search: Chroma vectors and BM25 fused by reciprocal rank.

`search()` is what the agent, the tools and the TUI call; it builds the index on first use.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from agent.config import Settings
from knowledge.index.documents import IndexDocument, Kind
from knowledge.index.embeddings import embed
from knowledge.index.store import LoadedIndex, load_index

RRF_K = 60  # the usual constant: damps the head of each list so neither half dominates
CANDIDATES = 30  # per half, before fusion


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
    result = index.collection.query(
        query_embeddings=embed([query]), n_results=n_results, include=["metadatas"]
    )
    seen: list[int] = []
    for metadata in (result.get("metadatas") or [[]])[0]:
        position = index.positions.get(str((metadata or {}).get("doc_id", "")))
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


def search(query: str, k: int = 5, *, settings: Settings | None = None) -> list[Passage]:
    """The `k` best passages for `query`, best first, each with its fused score."""
    query = query.strip()
    if not query or k <= 0:
        return []
    index, _ = load_index(settings, progress=True)
    fused = fuse(semantic_ranking(index, query), index.lexical.ranked(query, CANDIDATES))
    best = sorted(fused.items(), key=lambda item: (-item[1], item[0]))[:k]
    return [Passage.from_document(index.documents[pos], score) for pos, score in best]

"""Warm-search shortcuts (issue 8) return exactly what the plain path returns."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from core.config import Settings
from knowledge.index.embeddings import embed
from knowledge.index.search import query_vector, search, semantic_ranking
from knowledge.index.store import LoadedIndex, load_index
from tests.conftest import run_python

QUERIES = (
    "Does Japan have an AI Act?",
    "Are the AI Guidelines for Business binding?",
    "What does Article 13 of the AI Promotion Act say?",
    "Can I train a model on copyrighted works under Art. 30-4?",
    "What should a public body check before buying a generative AI service?",
)


@pytest.fixture(scope="module")
def index(session_home: Path) -> LoadedIndex:
    loaded, _ = load_index(Settings(home=session_home), progress=False)
    return loaded


def _ranking_from_metadata(index: LoadedIndex, query: str, limit: int = 30) -> list[int]:
    """The ranking as it was computed before: each hit's metadata names its document."""
    result = index.collection.query(
        query_embeddings=embed([query]),
        n_results=min(limit * 3, index.meta.entry_count),
        include=["metadatas"],
    )
    seen: list[int] = []
    for metadata in result["metadatas"][0]:
        position = index.positions[str(metadata["doc_id"])]
        if position not in seen:
            seen.append(position)
    return seen[:limit]


@pytest.mark.parametrize("query", QUERIES)
def test_id_only_query_ranks_exactly_like_the_metadata_query(
    index: LoadedIndex, query: str
) -> None:
    assert semantic_ranking(index, query) == _ranking_from_metadata(index, query)


def test_every_vector_maps_to_its_document(index: LoadedIndex) -> None:
    assert len(index.entry_positions) == index.meta.entry_count
    for entry_id, position in index.entry_positions.items():
        assert entry_id.split("#q", 1)[0] == index.documents[position].id


def test_query_vector_is_cached_read_only_and_equal_to_a_fresh_embedding() -> None:
    first = query_vector("Who supervises the AI Promotion Act?")
    assert query_vector("Who supervises the AI Promotion Act?") is first
    np.testing.assert_array_equal(first, embed(["Who supervises the AI Promotion Act?"]))
    with pytest.raises(ValueError):
        first[0, 0] = 1.0  # shared through the cache: nobody may change it


def test_search_is_repeatable_in_one_process(session_home: Path) -> None:
    settings = Settings(home=session_home)
    first = search(QUERIES[0], 5, settings=settings)
    assert first  # an empty result would make the comparison below vacuous
    assert first == search(QUERIES[0], 5, settings=settings)


def test_cold_search_builds_exactly_one_model_session(session_home: Path) -> None:
    # The warm-up thread and the first query must share one session, not build two.
    code = (
        "from knowledge.index.search import search\n"
        "from knowledge.index.embeddings import _session\n"
        "hits = search('Does Japan have an AI Act?', 3)\n"
        "print(len(hits), _session.cache_info().misses)\n"
    )
    done = run_python(code, home=session_home)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["3", "1"]

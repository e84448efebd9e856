"""A Japanese query is ranked by the lexical half alone: the embedding is English-only
(benchmarks/JA_SEMANTIC.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.config import Settings
from knowledge.index import search as search_module
from knowledge.index.search import CANDIDATES, fuse, search
from knowledge.index.store import LoadedIndex, load_index


@pytest.fixture(scope="module")
def index(session_home: Path) -> LoadedIndex:
    loaded, _ = load_index(Settings(home=session_home), progress=False)
    return loaded


def test_japanese_query_skips_the_english_only_embedding(
    index: LoadedIndex, session_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_semantic(*_args: object, **_kwargs: object) -> list[int]:
        raise AssertionError("a Japanese query reached the English-only embedding")

    monkeypatch.setattr(search_module, "semantic_ranking", no_semantic)
    query = "日本のAI法には罰則がありますか"
    got = search(query, 5, settings=Settings(home=session_home))
    lexical = index.lexical.ranked(query, CANDIDATES)
    expected = sorted(fuse(lexical).items(), key=lambda item: (-item[1], item[0]))[:5]
    assert [p.id for p in got] == [index.documents[pos].id for pos, _ in expected]


def test_english_query_still_fuses_both_halves(
    index: LoadedIndex, session_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    real = search_module.semantic_ranking

    def counted(idx: LoadedIndex, query: str, limit: int = CANDIDATES) -> list[int]:
        calls.append(query)
        return real(idx, query, limit)

    monkeypatch.setattr(search_module, "semantic_ranking", counted)
    assert search("Does Japan's AI law have penalties?", 5, settings=Settings(home=session_home))
    assert calls == ["Does Japan's AI law have penalties?"]

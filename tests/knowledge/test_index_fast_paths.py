"""Index speed paths: the embedding cache, the no-op check without Chroma, the lazy repair."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from core.config import Settings
from knowledge import loader
from knowledge.index import store, vector_cache
from knowledge.index.search import semantic_ranking
from knowledge.loader import RuleBase
from tests.conftest import run_python
from tests.knowledge.test_index import small


@pytest.fixture(scope="module")
def rule_base() -> RuleBase:
    return loader.load_rule_base()


@pytest.mark.usefixtures("own_vector_memory")
def test_rebuild_embeds_only_changed_texts(fresh_home: Path, rule_base: RuleBase) -> None:
    settings = Settings(home=fresh_home)
    rb = small(rule_base, "cache")
    store.ensure_index(settings, progress=False, rule_base=rb)
    cache_file = vector_cache.cache_path(settings.index_dir)
    assert cache_file.is_file()
    card = next(iter(rb.topics.values()))
    edited = card.model_copy(update={"answer": card.answer + " Edited for the cache test."})
    changed = dataclasses.replace(
        rb, topics={**rb.topics, card.id: edited}, corpus_hash=f"{rb.corpus_hash}-edit"
    )
    vector_cache.clear_memory()  # as a new process: only the file beside the index remains
    status = store.ensure_index(settings, progress=False, rule_base=changed)
    assert status.rebuilt is True
    assert status.reason == "the rule base changed"
    assert status.embedded == 1  # the edited card's body; its question phrasings are unchanged


@pytest.mark.usefixtures("own_vector_memory")
def test_cached_vectors_equal_fresh_ones(fresh_home: Path) -> None:
    texts = ["Is the AI Promotion Act binding?", "Who enforces privacy law?"]
    vector_cache.clear_memory()
    first, misses = vector_cache.embed_texts(texts)
    assert misses == 2
    path = fresh_home / "cache.npz"
    fresh_home.mkdir(parents=True, exist_ok=True)
    vector_cache.save_file(path, texts)
    vector_cache.clear_memory()
    assert vector_cache.load_file(path) == 2
    again, misses = vector_cache.embed_texts(texts)
    assert misses == 0
    assert np.array_equal(first, again)


def test_broken_cache_file_is_ignored(fresh_home: Path) -> None:
    fresh_home.mkdir(parents=True)
    path = fresh_home / "cache.npz"
    path.write_bytes(b"not a numpy file")
    assert vector_cache.load_file(path) == 0


def test_noop_index_check_opens_neither_chroma_nor_the_model(session_home: Path) -> None:
    store.ensure_index(Settings(home=session_home), progress=False)
    code = (
        "import sys; from knowledge.index.store import ensure_index; s = ensure_index(); "
        "print(s.rebuilt, *(m in sys.modules for m in ('chromadb', 'onnxruntime', 'yaml')))"
    )
    done = run_python(code, home=session_home, timeout=60)
    assert done.returncode == 0, done.stderr
    # yaml is imported by the loader module but the rule base is not parsed: only hashed.
    assert done.stdout.split() == ["False", "False", "False", "True"]


def test_failed_query_rebuilds_once_and_retries(fresh_home: Path, rule_base: RuleBase) -> None:
    settings = Settings(home=fresh_home)
    rb = small(rule_base, "guard")
    built = store.ensure_index(settings, progress=False, rule_base=rb)
    index, _ = store.load_index(settings, progress=False, rule_base=rb)
    expected = semantic_ranking(index, "fines")
    # Break the live store under the open handle: its collection is gone.
    store._client(settings, built.meta.store).delete_collection("shirube")
    assert semantic_ranking(index, "fines") == expected
    assert store.read_meta(settings).store != built.meta.store

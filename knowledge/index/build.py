"""Writing a fresh store: the rule base's entries embedded (through the vector cache) and added
in batches under a progress bar labelled in the command's language; a failed try leaves no store.

knowledge/index/store.py decides when to build and opens what was built.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import Any

from core.config import Settings
from knowledge.index.documents import build_documents
from knowledge.index.embeddings import MODEL_ID
from knowledge.index.faults import discard_store, warn
from knowledge.index.meta import IndexMeta, chromadb_version, client, collection_name, entries
from knowledge.loader import RuleBase

ADD_BATCH = 64


def embed_texts(texts: list[str]) -> tuple[Any, int]:
    """Vectors through the embedding cache, and how many were new (tests break the build here)."""
    from knowledge.index import vector_cache

    return vector_cache.embed_texts(texts)


def build_store(
    settings: Settings,
    rule_base: RuleBase,
    progress: bool,
    store: str | None = None,
    beat: Callable[[], None] | None = None,
) -> tuple[IndexMeta, int]:
    """Write a fresh store (or fill the shared collection `store`); returns its meta and how
    many texts had to be embedded. `beat` is called at every batch (the server lock)."""

    from knowledge.index import vector_cache
    from knowledge.index.warm import await_prewarm

    await_prewarm()  # one model session, not a second beside a warm-up still building
    started = time.perf_counter()
    documents = build_documents(rule_base)
    rows = entries(documents)
    cache_file = vector_cache.cache_path(settings.index_dir)
    vector_cache.load_file(cache_file, warn=lambda said: warn(said, settings.lang))
    store = store or f"chroma-{uuid.uuid4().hex[:12]}"
    try:
        embedded = _fill(settings, store, rows, progress, beat)
    except BaseException:
        if not settings.chroma_host:  # a shared collection stays: the next builder upserts
            discard_store(settings, store)  # a failed try leaves no orphan store behind
        raise
    try:
        vector_cache.save_file(cache_file, [e[1] for e in rows])
    except OSError as exc:  # only a speed-up: the index itself is whole
        from knowledge.ui_labels import os_kind, phrase

        said = phrase("index_reason.cache_not_saved", path=str(cache_file), problem=os_kind(exc))
        warn(said, settings.lang)
    meta = IndexMeta(
        corpus_hash=rule_base.corpus_hash,
        chromadb_version=chromadb_version(),
        embedding_model=MODEL_ID,
        document_count=len(documents),
        entry_count=len(rows),
        store=store,
        built_at=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        build_seconds=round(time.perf_counter() - started, 3),
    )
    return meta, embedded


def _fill(
    settings: Settings,
    store: str,
    entries: list[Any],
    progress: bool,
    beat: Callable[[], None] | None = None,
) -> int:
    """Create the store and add every entry; returns how many texts had to be embedded.

    Upserts with deterministic ids: a shared collection a dead builder left half filled is
    completed, never doubled."""
    from rich.console import Console
    from rich.markup import escape
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from knowledge.index.embeddings import ShirubeMiniLM

    embedded = 0
    chroma = client(settings, store)
    collection = chroma.get_or_create_collection(
        collection_name(settings, store),
        embedding_function=ShirubeMiniLM(),
        configuration={"hnsw": {"space": "cosine"}},
    )
    console = Console(stderr=True)
    with Progress(
        TextColumn(escape(indexing_line(settings.lang))),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
        disable=not progress,
    ) as bar:
        task = bar.add_task("index", total=len(entries))
        for start in range(0, len(entries), ADD_BATCH):
            batch = entries[start : start + ADD_BATCH]
            vectors, misses = embed_texts([e[1] for e in batch])
            embedded += misses
            collection.upsert(
                ids=[e[0] for e in batch],
                documents=[e[1] for e in batch],
                metadatas=[e[2] for e in batch],
                embeddings=vectors,
            )
            bar.advance(task, len(batch))
            if beat is not None:
                beat()
    return embedded


def indexing_line(lang: str) -> str:
    """'Indexing the rule base', beside the progress bar, in `lang` (the command's language)."""
    from knowledge.ui_labels import ui_text

    return ui_text("index_reason.indexing", lang)


def building_line(reason: str, lang: str) -> str:
    """'Building the search index: the rule base changed.' in `lang` (SHIRUBE_LANG)."""
    from knowledge.ui_labels import reword, ui_text

    return ui_text("index_reason.building", lang, reason=reword(reason, "index_reason", lang))

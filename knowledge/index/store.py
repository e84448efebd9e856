"""The Chroma store: build once, reuse, rebuild when the rule base changes or the files break.

Layout under settings.index_dir: `index_meta.json` names the live store (`chroma-<nonce>/`). A
rebuild writes a fresh store and then swaps the meta file atomically, so a crash mid-build leaves
the old index usable.

On a Chroma server (settings.chroma_host) every client shares one collection per rule-base
version (knowledge.index.shared), built under the server's lock (knowledge.index.server_lock).
Writing a store is knowledge/index/build.py; this module decides when, and opens what was built.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from core.config import Settings, get_settings
from knowledge.index.build import build_store, building_line
from knowledge.index.documents import IndexDocument, build_documents
from knowledge.index.faults import build_faults, discard_store
from knowledge.index.health import GuardedCollection, quick_check
from knowledge.index.lock import build_lock
from knowledge.index.meta import (
    META_FILE,
    ChromaUnreachable,
    IndexMeta,
    index_files,
    meta_path,
    prune_local,
    read_meta,
)
from knowledge.index.meta import client as _client
from knowledge.index.meta import collection_name as _collection_name
from knowledge.index.meta import drop_old as _drop_old
from knowledge.index.meta import entry_ids as _entry_ids
from knowledge.index.meta import stale_reason as _stale_reason
from knowledge.index.meta import write_meta as _write_meta
from knowledge.index.shared import load_shared, prune_server, shared_meta, shared_name
from knowledge.loader import DATA_DIR, RuleBase, corpus_hash, load_rule_base

if TYPE_CHECKING:
    from knowledge.index.lexical import LexicalIndex

# Re-exported: doctor, benchmarks and tests reach these through `store`.
__all__ = [
    "META_FILE",
    "IndexMeta",
    "IndexStatus",
    "LoadedIndex",
    "ensure_index",
    "index_files",
    "load_index",
    "meta_path",
    "prune",
    "read_meta",
    "reset_process_cache",
]


class IndexStatus(BaseModel):
    meta: IndexMeta
    rebuilt: bool
    reason: str | None = None
    seconds: float
    embedded: int | None = None
    """Texts run through the model by a rebuild (the rest came from the embedding cache)."""


@dataclass
class LoadedIndex:
    """Everything a query needs, kept per process so warm queries are fast."""

    meta: IndexMeta
    meta_mtime: float
    collection: Any
    documents: list[IndexDocument]
    positions: dict[str, int]
    lexical: LexicalIndex
    entry_positions: dict[str, int]
    """Chroma entry id (a body or a phrasing) -> document position: queries skip metadata."""


_LOADED: dict[str, LoadedIndex] = {}


def _key(settings: Settings) -> str:
    if settings.chroma_host:
        return f"http://{settings.chroma_host}:{settings.chroma_port}|{settings.index_dir}"
    return str(settings.index_dir)


def reset_process_cache() -> None:
    """Forget open indexes (tests use it to simulate a new process)."""
    _LOADED.clear()
    from chromadb.api.shared_system_client import SharedSystemClient

    SharedSystemClient.clear_system_cache()


def _open(settings: Settings, meta: IndexMeta, rule_base: RuleBase) -> LoadedIndex:
    """Open and check the live store; raises if it is missing, short or corrupted."""
    from knowledge.index.embeddings import ShirubeMiniLM
    from knowledge.index.lexical import LexicalIndex

    if not settings.chroma_host:
        # Before opening: PersistentClient would create a missing directory. No probe query:
        # it cost an embedding at every start; a broken vector segment is caught on first use.
        quick_check(settings.index_dir / meta.store, meta.entry_count)
    client = _client(settings, meta.store)
    collection = client.get_collection(
        _collection_name(settings, meta.store), embedding_function=ShirubeMiniLM()
    )
    if settings.chroma_host:
        count = collection.count()
        if count != meta.entry_count:
            raise ValueError(f"holds {count} entries, expected {meta.entry_count}")
    documents = build_documents(rule_base)
    try:
        mtime = meta_path(settings).stat().st_mtime
    except OSError:  # server mode, a client that has not recorded it yet (doctor)
        mtime = 0.0
    positions = {d.id: i for i, d in enumerate(documents)}

    def rebuild() -> Any:
        loaded, _ = load_index(settings, progress=False, rebuild=True, rule_base=rule_base)
        return loaded.collection._collection

    return LoadedIndex(
        meta=meta,
        meta_mtime=mtime,
        collection=GuardedCollection(collection, rebuild),
        documents=documents,
        positions=positions,
        lexical=LexicalIndex([d.lexical_text for d in documents]),
        entry_positions={entry_id: positions[doc_id] for entry_id, doc_id in _entry_ids(documents)},
    )


def _try_open(settings: Settings, rule_base: RuleBase) -> tuple[LoadedIndex | None, str | None]:
    if settings.chroma_host:
        meta = shared_meta(_client(settings, ""), shared_name(rule_base.corpus_hash))
        if meta is None:
            return None, "no shared index for this rule base on the server yet"
        return _open(settings, meta, rule_base), None
    meta = read_meta(settings)
    reason = _stale_reason(meta, rule_base.corpus_hash)
    if reason is not None or meta is None:
        return None, reason
    try:
        return _open(settings, meta, rule_base), None
    except ChromaUnreachable:
        raise  # a rebuild would fail the same way: the user fixes the setting
    except Exception as exc:  # any failure to open means rebuild, never a traceback
        first_line = (str(exc).splitlines() or [""])[0][:120]
        return None, f"the index failed to open ({type(exc).__name__}: {first_line})"


def load_index(
    settings: Settings | None = None,
    *,
    progress: bool = True,
    rebuild: bool = False,
    rule_base: RuleBase | None = None,
) -> tuple[LoadedIndex, IndexStatus]:
    """The live index for `settings`, built or rebuilt first when needed."""
    from rich.console import Console

    settings = settings or get_settings()
    rule_base = rule_base or load_rule_base()
    started = time.perf_counter()
    key = _key(settings)
    cached = _LOADED.get(key)
    if cached is not None and not rebuild and cached.meta.corpus_hash == rule_base.corpus_hash:
        try:
            fresh = meta_path(settings).stat().st_mtime == cached.meta_mtime
        except OSError:
            fresh = False
        if fresh:
            return cached, IndexStatus(
                meta=cached.meta, rebuilt=False, seconds=time.perf_counter() - started
            )
    loaded, reason = (None, "rebuild requested") if rebuild else _try_open(settings, rule_base)
    embedded: int | None = None
    if loaded is None and settings.chroma_host:
        shared, reason, embedded = load_shared(
            settings, rule_base, progress, rebuild, reason, build=build_store, open_=_open
        )
        loaded = shared
    elif loaded is None:
        with build_lock(settings.index_dir):
            # Another process may have built it while we waited for the lock.
            if not rebuild:
                loaded, _ = _try_open(settings, rule_base)
            if loaded is None:
                if progress:
                    Console(stderr=True).print(  # the reason may quote a path: no markup
                        building_line(reason or "", settings.lang), highlight=False, markup=False
                    )
                old = read_meta(settings)
                with build_faults(settings):  # full disk, read-only, deleted: one message
                    meta, embedded = build_store(settings, rule_base, progress)
                    try:
                        _write_meta(settings, meta)
                    except BaseException:
                        discard_store(settings, meta.store)
                        raise
                    _drop_old(settings, meta.store, old)
                    loaded = _open(settings, meta, rule_base)
            else:
                reason = None
    _LOADED[key] = loaded
    status = IndexStatus(
        meta=loaded.meta,
        rebuilt=reason is not None,
        reason=reason,
        seconds=time.perf_counter() - started,
        embedded=embedded,
    )
    return loaded, status


def prune(settings: Settings | None = None, rule_base: RuleBase | None = None) -> list[str]:
    """Remove the stores of other rule-base versions (collections on a Chroma server, stray
    local stores otherwise); returns their names."""
    settings = settings or get_settings()
    if settings.chroma_host:
        rule_base = rule_base or load_rule_base()
        return prune_server(settings, rule_base.corpus_hash)
    return prune_local(settings)


def ensure_index(
    settings: Settings | None = None,
    progress: bool = True,
    *,
    rebuild: bool = False,
    rule_base: RuleBase | None = None,
) -> IndexStatus:
    """Build the index on first use, on a changed rule base or a broken store; else reuse it."""
    settings = settings or get_settings()
    if not rebuild and _key(settings) not in _LOADED:
        current = _current_status(settings, rule_base)
        if current is not None:
            return current
    return load_index(settings, progress=progress, rebuild=rebuild, rule_base=rule_base)[1]


def _current_status(settings: Settings, rule_base: RuleBase | None) -> IndexStatus | None:
    """The no-op check without Chroma or the rule-base parse: hashes, versions, catalogue.

    Returns None when anything is off (or in server mode), and the caller takes the full path.
    """
    if settings.chroma_host:
        return None
    started = time.perf_counter()
    meta = read_meta(settings)
    # The packaged rule base is hashed from its file bytes: no YAML parse, no validation. Those
    # bytes were valid when the live index was built from them.
    wanted = rule_base.corpus_hash if rule_base is not None else corpus_hash(DATA_DIR)
    if meta is None or _stale_reason(meta, wanted) is not None:
        return None
    try:
        quick_check(settings.index_dir / meta.store, meta.entry_count)
    except Exception:  # any doubt: the full path opens, reports and rebuilds
        return None
    return IndexStatus(meta=meta, rebuilt=False, seconds=time.perf_counter() - started)

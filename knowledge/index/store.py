"""The Chroma store: build once, reuse, rebuild when the rule base changes or the files break.

Layout under settings.index_dir: `index_meta.json` names the live store (`chroma-<nonce>/`, or a
collection on a Chroma server). A rebuild writes a fresh store and then swaps the meta file
atomically, so a crash mid-build leaves the old index usable.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from agent.config import Settings, get_settings
from knowledge.index.documents import IndexDocument, build_documents
from knowledge.index.embeddings import MODEL_ID, ShirubeMiniLM, embed
from knowledge.index.lexical import LexicalIndex
from knowledge.index.lock import build_lock
from knowledge.loader import RuleBase, load_rule_base

META_FILE = "index_meta.json"
ADD_BATCH = 64


class IndexMeta(BaseModel):
    """What index_meta.json records about the live index."""

    model_config = ConfigDict(extra="forbid")

    corpus_hash: str
    chromadb_version: str
    embedding_model: str
    document_count: int
    entry_count: int
    """Documents plus the card question phrasings, each its own vector."""
    store: str
    """Directory name under index_dir (embedded mode) or collection name (server mode)."""
    built_at: str
    build_seconds: float


class IndexStatus(BaseModel):
    meta: IndexMeta
    rebuilt: bool
    reason: str | None = None
    seconds: float


@dataclass
class LoadedIndex:
    """Everything a query needs, kept per process so warm queries are fast."""

    meta: IndexMeta
    meta_mtime: float
    collection: Any
    documents: list[IndexDocument]
    positions: dict[str, int]
    lexical: LexicalIndex


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


def _chroma_settings() -> Any:
    from chromadb.config import Settings as ChromaSettings

    return ChromaSettings(anonymized_telemetry=False, allow_reset=False)


def _client(settings: Settings, store: str) -> Any:
    import chromadb

    if settings.chroma_host:
        return chromadb.HttpClient(
            host=settings.chroma_host, port=settings.chroma_port, settings=_chroma_settings()
        )
    return chromadb.PersistentClient(
        path=str(settings.index_dir / store), settings=_chroma_settings()
    )


def _collection_name(settings: Settings, store: str) -> str:
    return store if settings.chroma_host else "shirube"


def meta_path(settings: Settings) -> Path:
    """Where the live index is recorded; one file per mode, so switching modes never mixes them."""
    if settings.chroma_host:
        return settings.index_dir / f"index_meta.{settings.chroma_host}_{settings.chroma_port}.json"
    return settings.index_dir / META_FILE


def read_meta(settings: Settings) -> IndexMeta | None:
    path = meta_path(settings)
    try:
        return IndexMeta.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValidationError, ValueError):
        return None


def _write_meta(settings: Settings, meta: IndexMeta) -> None:
    path = meta_path(settings)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(meta.model_dump_json(indent=2), encoding="utf-8")
    os.replace(tmp, path)  # atomic: readers see the old index or the new one, never half


def _stale_reason(meta: IndexMeta | None, rule_base: RuleBase) -> str | None:
    import chromadb

    if meta is None:
        return "no index yet"
    if meta.corpus_hash != rule_base.corpus_hash:
        return "the rule base changed"
    if meta.chromadb_version != chromadb.__version__:
        return f"chromadb changed ({meta.chromadb_version} -> {chromadb.__version__})"
    if meta.embedding_model != MODEL_ID:
        return "the embedding model changed"
    return None


def _open(settings: Settings, meta: IndexMeta, rule_base: RuleBase) -> LoadedIndex:
    """Open and check the live store; raises if it is missing, short or corrupted."""
    # Checked before opening: PersistentClient would create the missing directory.
    if not settings.chroma_host and not (settings.index_dir / meta.store).is_dir():
        raise FileNotFoundError(f"{settings.index_dir / meta.store} is missing")
    client = _client(settings, meta.store)
    collection = client.get_collection(
        _collection_name(settings, meta.store), embedding_function=ShirubeMiniLM()
    )
    count = collection.count()
    if count != meta.entry_count:
        raise ValueError(f"holds {count} entries, expected {meta.entry_count}")
    documents = build_documents(rule_base)
    # A one-vector probe reads the vector segment too, not just the SQLite catalogue.
    collection.query(query_embeddings=embed([documents[0].embed_text]), n_results=1)
    mtime = meta_path(settings).stat().st_mtime
    return LoadedIndex(
        meta=meta,
        meta_mtime=mtime,
        collection=collection,
        documents=documents,
        positions={d.id: i for i, d in enumerate(documents)},
        lexical=LexicalIndex([d.lexical_text for d in documents]),
    )


def _entries(documents: list[IndexDocument]) -> list[tuple[str, str, dict[str, str]]]:
    """(entry id, text to embed, metadata): a document's body plus each question phrasing."""
    out = []
    for doc in documents:
        meta = doc.metadata()
        out.append((doc.id, doc.embed_text, meta))
        out.extend((f"{doc.id}#q{n}", q, meta) for n, q in enumerate(doc.phrasings, 1))
    return out


def _build(settings: Settings, rule_base: RuleBase, progress: bool) -> IndexMeta:
    import chromadb
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    started = time.perf_counter()
    documents = build_documents(rule_base)
    entries = _entries(documents)
    store = f"chroma-{uuid.uuid4().hex[:12]}"
    client = _client(settings, store)
    collection = client.create_collection(
        _collection_name(settings, store),
        embedding_function=ShirubeMiniLM(),
        configuration={"hnsw": {"space": "cosine"}},
    )
    console = Console(stderr=True)
    with Progress(
        TextColumn("Indexing the rule base"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
        disable=not progress,
    ) as bar:
        task = bar.add_task("index", total=len(entries))
        for start in range(0, len(entries), ADD_BATCH):
            batch = entries[start : start + ADD_BATCH]
            collection.add(
                ids=[e[0] for e in batch],
                documents=[e[1] for e in batch],
                metadatas=[e[2] for e in batch],
                embeddings=embed([e[1] for e in batch]),
            )
            bar.advance(task, len(batch))
    return IndexMeta(
        corpus_hash=rule_base.corpus_hash,
        chromadb_version=chromadb.__version__,
        embedding_model=MODEL_ID,
        document_count=len(documents),
        entry_count=len(entries),
        store=store,
        built_at=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        build_seconds=round(time.perf_counter() - started, 3),
    )


def _drop_old(settings: Settings, keep: str, old: IndexMeta | None) -> None:
    """Remove stores other than the live one (best effort: a reader may still hold one)."""
    if settings.chroma_host:
        if old is not None and old.store != keep:
            # Already gone or unreachable: nothing to clean.
            with contextlib.suppress(Exception):
                _client(settings, keep).delete_collection(old.store)
        return
    for path in settings.index_dir.glob("chroma-*"):
        if path.name != keep and path.is_dir():
            shutil.rmtree(path, ignore_errors=True)


def _try_open(settings: Settings, rule_base: RuleBase) -> tuple[LoadedIndex | None, str | None]:
    meta = read_meta(settings)
    reason = _stale_reason(meta, rule_base)
    if reason is not None or meta is None:
        return None, reason
    try:
        return _open(settings, meta, rule_base), None
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
    if loaded is None:
        with build_lock(settings.index_dir):
            # Another process may have built it while we waited for the lock.
            if not rebuild:
                loaded, _ = _try_open(settings, rule_base)
            if loaded is None:
                if progress:
                    Console(stderr=True).print(
                        f"Building the search index: {reason}.", highlight=False
                    )
                old = read_meta(settings)
                meta = _build(settings, rule_base, progress)
                _write_meta(settings, meta)
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
    )
    return loaded, status


def ensure_index(
    settings: Settings | None = None,
    progress: bool = True,
    *,
    rebuild: bool = False,
    rule_base: RuleBase | None = None,
) -> IndexStatus:
    """Build the index on first use, on a changed rule base or a broken store; else reuse it."""
    return load_index(settings, progress=progress, rebuild=rebuild, rule_base=rule_base)[1]


def index_files(settings: Settings) -> list[Path]:
    """Files of the live embedded store (tests corrupt them)."""
    meta = read_meta(settings)
    if meta is None:
        return []
    return sorted(p for p in (settings.index_dir / meta.store).rglob("*") if p.is_file())

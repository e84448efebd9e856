"""The index's record of itself and the Chroma client helpers, split out of `store`.

`index_meta.json` names the live store and what it was built from; reading it, judging it stale
and opening a Chroma client need none of the build machinery, so the no-op check stays light.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from core.config import Settings
from knowledge.index.documents import IndexDocument
from knowledge.index.embeddings import MODEL_ID
from knowledge.ui_labels import LabelledError

META_FILE = "index_meta.json"


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


def write_meta(settings: Settings, meta: IndexMeta) -> None:
    path = meta_path(settings)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        tmp.write_text(meta.model_dump_json(indent=2), encoding="utf-8")
        os.replace(tmp, path)  # atomic: readers see the old index or the new one, never half
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()  # a full disk leaves no half-written file behind
        raise


def chromadb_version() -> str:
    # The installed distribution's version: the same string as chromadb.__version__, without
    # paying a second of import on the no-op path.
    from importlib.metadata import version

    return version("chromadb")


def stale_reason(meta: IndexMeta | None, rule_base_hash: str) -> str | None:
    if meta is None:
        return "no index yet"
    if meta.corpus_hash != rule_base_hash:
        return "the rule base changed"
    installed = chromadb_version()
    if meta.chromadb_version != installed:
        return f"chromadb changed ({meta.chromadb_version} -> {installed})"
    if meta.embedding_model != MODEL_ID:
        return "the embedding model changed"
    return None


def chroma_settings() -> Any:
    from chromadb.config import Settings as ChromaSettings

    return ChromaSettings(anonymized_telemetry=False, allow_reset=False)


class ChromaUnreachable(LabelledError):
    """The configured Chroma server did not answer: a setting to fix, not an index to rebuild."""


def client(settings: Settings, store: str) -> Any:
    import chromadb

    if settings.chroma_host:
        import httpx

        where = f"{settings.chroma_host}:{settings.chroma_port}"
        try:
            return chromadb.HttpClient(
                host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings()
            )
        except (ValueError, OSError, httpx.HTTPError) as exc:  # chromadb wraps ConnectError
            raise ChromaUnreachable(
                "errors.chroma_unreachable",
                where=where,
                host=settings.chroma_host,
                port=settings.chroma_port,
            ) from exc
    return chromadb.PersistentClient(
        path=str(settings.index_dir / store), settings=chroma_settings()
    )


def collection_name(settings: Settings, store: str) -> str:
    return store if settings.chroma_host else "shirube"


def entry_ids(documents: list[IndexDocument]) -> list[tuple[str, str]]:
    """(entry id, document id) for every vector, named exactly as `entries` names them."""
    out = []
    for doc in documents:
        out.append((doc.id, doc.id))
        out.extend((f"{doc.id}#q{n}", doc.id) for n in range(1, len(doc.phrasings) + 1))
    return out


def entries(documents: list[IndexDocument]) -> list[tuple[str, str, dict[str, str]]]:
    """(entry id, text to embed, metadata): a document's body plus each question phrasing."""
    out = []
    for doc in documents:
        meta = doc.metadata()
        out.append((doc.id, doc.embed_text, meta))
        out.extend((f"{doc.id}#q{n}", q, meta) for n, q in enumerate(doc.phrasings, 1))
    return out


def drop_old(settings: Settings, keep: str, old: IndexMeta | None) -> None:
    """Remove local stores other than the live one (best effort: a reader may still hold one).

    On a Chroma server nothing is removed: another client may still be reading an older rule
    base's collection. `shirube index --prune` removes those when the team says so."""
    if settings.chroma_host:
        return
    for path in settings.index_dir.glob("chroma-*"):
        if path.name != keep and path.is_dir():
            shutil.rmtree(path, ignore_errors=True)


def prune_local(settings: Settings) -> list[str]:
    """Delete local stores other than the live one; their names."""
    meta = read_meta(settings)
    live = meta.store if meta is not None else None
    removed = sorted(
        p.name for p in settings.index_dir.glob("chroma-*") if p.is_dir() and p.name != live
    )
    for name in removed:
        shutil.rmtree(settings.index_dir / name, ignore_errors=True)
    return removed


def index_files(settings: Settings) -> list[Path]:
    """Files of the live embedded store (tests corrupt them)."""
    meta = read_meta(settings)
    if meta is None:
        return []
    return sorted(p for p in (settings.index_dir / meta.store).rglob("*") if p.is_file())

"""The shared index on a Chroma server: one collection per rule-base version and embedding model,
the same name on every client, built once by whoever takes the server's lock (a lock collection
beside it) and marked whole in its own metadata; the other clients wait and reuse it. Nothing is
deleted on a rebuild: `prune_server` removes other versions' collections."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from pydantic import ValidationError

from core.config import Settings
from knowledge.index.embeddings import MODEL_ID
from knowledge.index.faults import build_faults
from knowledge.index.meta import IndexMeta, client, write_meta
from knowledge.index.server_lock import server_build_lock

if TYPE_CHECKING:
    from knowledge.loader import RuleBase

L = TypeVar("L")


class Build(Protocol):
    """The store's build: fill collection `store` from the rule base, beating at every batch."""

    def __call__(
        self,
        settings: Settings,
        rule_base: RuleBase,
        progress: bool,
        store: str | None = None,
        beat: Callable[[], None] | None = None,
    ) -> tuple[IndexMeta, int]: ...


_MODEL_SLUG = re.sub(r"[^a-z0-9]+", "-", MODEL_ID.lower()).strip("-")
SHARED_PREFIX, LOCK_PREFIX = "shirube-index-", "shirube-lock-"
_LEGACY = re.compile(r"chroma-[0-9a-f]{12}")  # a server collection named before shared names


def shared_name(corpus_hash: str) -> str:
    return f"{SHARED_PREFIX}{corpus_hash}-{_MODEL_SLUG}"


def lock_name(corpus_hash: str) -> str:
    return f"{LOCK_PREFIX}{corpus_hash}-{_MODEL_SLUG}"


def ready_metadata(meta: IndexMeta) -> dict[str, Any]:
    """The collection's own record that it is whole: set once its last entry is in."""
    return {**meta.model_dump(), "state": "ready"}


def shared_meta(chroma: Any, name: str) -> IndexMeta | None:
    """The record of a whole shared collection; None when it is missing or still being built."""
    from chromadb.errors import NotFoundError

    try:
        found = dict(chroma.get_collection(name).metadata or {})
    except NotFoundError:
        return None
    if found.pop("state", None) != "ready":
        return None
    try:
        return IndexMeta.model_validate(found)
    except ValidationError:
        return None


def prune_server(settings: Settings, corpus_hash: str) -> list[str]:
    """Delete Shirube's collections of other rule-base versions (and their locks); their names."""
    chroma = client(settings, "")
    keep = {shared_name(corpus_hash), lock_name(corpus_hash)}
    removed = []
    for collection in chroma.list_collections():
        name = collection.name
        ours = name.startswith((SHARED_PREFIX, LOCK_PREFIX)) or _LEGACY.fullmatch(name)
        if ours and name not in keep:
            chroma.delete_collection(name)
            removed.append(name)
    return sorted(removed)


def load_shared(
    settings: Settings,
    rule_base: RuleBase,
    progress: bool,
    rebuild: bool,
    reason: str | None,
    build: Build,
    open_: Callable[[Settings, IndexMeta, RuleBase], L],
) -> tuple[L, str | None, int | None]:
    """Build the shared collection under the server's lock, or reuse it when another client
    built it while this one waited; records it locally and opens it (`build` and `open_` are
    the store's own, as for a local index)."""
    from rich.console import Console

    console = Console(stderr=True)
    chroma = client(settings, "")
    name = shared_name(rule_base.corpus_hash)
    where = f"{settings.chroma_host}:{settings.chroma_port}"

    def ready() -> bool:
        return not rebuild and shared_meta(chroma, name) is not None

    def waiting() -> None:
        if progress:
            console.print(
                f"Another Shirube client is building the shared index {name} on {where}; "
                "waiting for it.",
                highlight=False,
                markup=False,
            )

    embedded: int | None = None
    with server_build_lock(chroma, lock_name(rule_base.corpus_hash), ready, waiting) as held:
        meta = None if rebuild else shared_meta(chroma, name)
        if meta is not None:
            reason = None  # built by another client while this one waited
        else:
            assert held is not None  # a None lock means the collection is ready
            if progress:
                console.print(
                    f"Building the shared search index {name} on {where}: {reason}.",
                    highlight=False,
                    markup=False,
                )
            with build_faults(settings):
                meta, embedded = build(settings, rule_base, progress, name, held.beat)
                meta = meta.model_copy(update={"store": name})
                chroma.get_collection(name).modify(metadata=ready_metadata(meta))
    settings.index_dir.mkdir(parents=True, exist_ok=True)
    write_meta(settings, meta)  # this client's record, so warm queries skip the server check
    return open_(settings, meta, rule_base), reason, embedded

"""What a failed index build leaves and says: no half-written store, one message with the fix.

A full disk, a read-only directory or the index being deleted mid-build surface from Chroma,
SQLite or the OS in many forms; each becomes one StorageError naming the index directory. The
index is derived data, so the fix is always to make room or access and build again.
"""

from __future__ import annotations

import contextlib
import errno
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from core.config import Settings
from core.storage import HOME_HINT, StorageError


def warn(message: str) -> None:
    # Plain print: a path must stay whole on one line (no markup, no wrapping).
    print(f"Warning: {message}", file=sys.stderr, flush=True)


def discard_store(settings: Settings, store: str) -> None:
    """Remove a store a failed build was writing (best effort: it may be half there)."""
    from knowledge.index.meta import client

    if settings.chroma_host:
        with contextlib.suppress(Exception):  # unreachable or never created: nothing to clean
            client(settings, store).delete_collection(store)
        return
    shutil.rmtree(settings.index_dir / store, ignore_errors=True)


def _chroma_errors() -> tuple[type[BaseException], ...]:
    try:
        from chromadb.errors import ChromaError
    except ImportError:  # pragma: no cover - chromadb is a dependency
        return ()
    return (ChromaError,)


@contextmanager
def build_faults(settings: Settings) -> Iterator[None]:
    """Turn a storage failure while building into one StorageError naming the fix."""
    failures: tuple[type[BaseException], ...] = (OSError, sqlite3.Error, *_chroma_errors())
    try:
        yield
    except failures as exc:
        raise StorageError(_message(settings, exc)) from None


def _message(settings: Settings, exc: BaseException) -> str:
    where = settings.index_dir
    again = "then run `shirube index` to build it"
    if not where.is_dir():
        return (
            f"The search index in {where} was removed while it was being built. "
            "Run `shirube index` to build it again."
        )
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return (
            f"Could not build the search index in {where}: no space left ({exc.strerror}). "
            f"Free some space ({HOME_HINT}), {again}."
        )
    if isinstance(exc, OSError) and exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return (
            f"Could not build the search index in {where}: {exc.strerror} "
            f"({exc.filename or where}). Make it writable ({HOME_HINT}), {again}."
        )
    detail = (str(exc).splitlines() or [type(exc).__name__])[0][:160]
    return (
        f"Could not build the search index in {where} ({type(exc).__name__}: {detail}). "
        f"The disk may be full, read-only or the index was changed during the build: check "
        f"free space and access ({HOME_HINT}), {again}."
    )

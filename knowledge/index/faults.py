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
from core.storage import StorageError


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
        raise _fault(settings, exc) from None


def _fault(settings: Settings, exc: BaseException) -> StorageError:
    from knowledge.ui_labels import LabelledStorageError, os_kind

    where = str(settings.index_dir)
    if not settings.index_dir.is_dir():
        return LabelledStorageError("errors.index_removed", where=where)
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return LabelledStorageError("errors.index_no_space", where=where, problem=os_kind(exc))
    if isinstance(exc, OSError) and exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        path = str(exc.filename or where)
        problem = os_kind(exc)
        return LabelledStorageError(
            "errors.index_read_only", where=where, problem=problem, path=path
        )
    detail = (str(exc).splitlines() or [type(exc).__name__])[0][:160]
    error = f"{type(exc).__name__}: {detail}"  # the technical detail, as the library said it
    return LabelledStorageError("errors.index_build_failed", where=where, error=error)

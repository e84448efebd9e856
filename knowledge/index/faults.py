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
from typing import TYPE_CHECKING

from core.config import Settings
from core.storage import StorageError

if TYPE_CHECKING:
    from knowledge.ui_labels import Phrase


def warn(said: Phrase, lang: str) -> None:
    """A warning line on stderr in `lang` (the command's language)."""
    from knowledge.ui_labels import ui_text

    # Plain print: a path must stay whole on one line (no markup, no wrapping).
    print(ui_text("index_reason.warning", lang), said.text(lang), file=sys.stderr, flush=True)


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
    from knowledge.ui_labels import (
        LabelledStorageError,
        library_said,
        os_kind,
        os_problem,
        sqlite_problem,
    )

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
    # The technical detail in the reader's words where a label knows it, else as the library
    # said it (marked as the library's).
    if isinstance(exc, sqlite3.Error):
        error = sqlite_problem(exc)
    elif isinstance(exc, OSError):
        error = os_problem(exc)
    else:
        error = library_said(exc)
    return LabelledStorageError("errors.index_build_failed", where=where, error=error)

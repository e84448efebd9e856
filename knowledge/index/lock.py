"""One index writer at a time across the processes of one machine: a file lock beside the index
(the clients of a Chroma server take knowledge.index.server_lock instead)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from knowledge.ui_labels import LabelledError

BUILD_WAIT_S = 120.0  # a full build takes seconds; waiting longer means a stuck writer


class IndexBusyError(LabelledError, RuntimeError):
    """Another process is building the index and did not finish in time: a labelled usage error,
    so the CLI and the TUI say it in their reader's language (str(): English)."""


@contextmanager
def build_lock(index_dir: Path, timeout: float = BUILD_WAIT_S) -> Iterator[None]:
    index_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(index_dir / ".build.lock"))
    try:
        lock.acquire(timeout=timeout)
    except Timeout as exc:
        raise IndexBusyError(
            "errors.index_busy", path=str(index_dir), seconds=f"{timeout:.0f}"
        ) from exc
    try:
        yield
    finally:
        lock.release()

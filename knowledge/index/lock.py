"""One index writer at a time across the processes of one machine: a file lock beside the index
(the clients of a Chroma server take knowledge.index.server_lock instead)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

BUILD_WAIT_S = 120.0  # a full build takes seconds; waiting longer means a stuck writer


class IndexBusyError(RuntimeError):
    """Another process is building the index and did not finish in time."""


@contextmanager
def build_lock(index_dir: Path, timeout: float = BUILD_WAIT_S) -> Iterator[None]:
    index_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(index_dir / ".build.lock"))
    try:
        lock.acquire(timeout=timeout)
    except Timeout as exc:
        raise IndexBusyError(
            f"Another Shirube process is building the search index in {index_dir} and did not "
            f"finish within {timeout:.0f} s. Wait for it, or run `shirube index --rebuild`."
        ) from exc
    try:
        yield
    finally:
        lock.release()

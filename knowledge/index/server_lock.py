"""One index builder at a time across the clients of one Chroma server, whatever machine each
runs on: a lock collection on the server, with an owner and a heartbeat so a dead builder's lock
is taken over."""

from __future__ import annotations

import contextlib
import os
import socket
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from knowledge.index.lock import IndexBusyError

BEAT_STALE_S = 120.0  # a builder beats at every batch; this long without a beat means it is gone
SERVER_WAIT_S = 1800.0  # a live builder is waited for this long at most
POLL_S = 0.5


class ServerLock:
    """A collection on the server named for one rule-base version: creating it is atomic (a
    second create fails), so whoever creates it builds. Its metadata names the owner and the
    time of its last beat, so a lock left by a dead builder is taken over."""

    def __init__(self, client: Any, name: str) -> None:
        self.client, self.name = client, name
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"

    def _stamp(self) -> dict[str, Any]:
        return {"owner": self.owner, "beat": time.time()}

    def try_acquire(self) -> bool:
        from chromadb.errors import ChromaError

        try:
            self.client.create_collection(self.name, metadata=self._stamp())
        except ChromaError:  # it exists: someone else holds it
            return False
        return True

    def beat(self) -> None:
        """Say this builder is alive (called at every batch)."""
        self.client.get_collection(self.name).modify(metadata=self._stamp())

    def holder(self) -> dict[str, Any] | None:
        from chromadb.errors import NotFoundError

        try:
            return dict(self.client.get_collection(self.name).metadata or {})
        except NotFoundError:
            return None

    def _delete(self) -> None:
        from chromadb.errors import NotFoundError

        with contextlib.suppress(NotFoundError):
            self.client.delete_collection(self.name)

    def break_if_stale(self, stale_s: float = BEAT_STALE_S) -> bool:
        seen = self.holder()
        if seen is None or time.time() - float(seen.get("beat", 0)) <= stale_s:
            return False
        again = self.holder()  # still the same dead owner (not one who just took it over)
        if again is not None and again.get("owner") == seen.get("owner"):
            self._delete()
        return True

    def release(self) -> None:
        seen = self.holder()
        if seen is not None and seen.get("owner") == self.owner:
            self._delete()


@contextmanager
def server_build_lock(
    client: Any,
    name: str,
    ready: Callable[[], bool],
    on_wait: Callable[[], None] | None = None,
    timeout: float = SERVER_WAIT_S,
) -> Iterator[ServerLock | None]:
    """Hold the server's build lock `name`; yields None instead when `ready()` turns true while
    waiting (another client built it)."""
    lock = ServerLock(client, name)
    deadline = time.monotonic() + timeout
    told = False
    while not lock.try_acquire():
        if ready():
            yield None
            return
        lock.break_if_stale()
        if on_wait is not None and not told:
            on_wait()
            told = True
        if time.monotonic() > deadline:
            raise IndexBusyError("errors.index_lock_busy", name=name, seconds=f"{timeout:.0f}")
        time.sleep(POLL_S)
    try:
        yield lock
    finally:
        lock.release()

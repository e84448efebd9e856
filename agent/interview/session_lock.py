"""One writer per saved session: a file lock held while an interview or chat thread is open.

Two processes answering the same session would record one's answer against the other's
question; the second to open it is refused instead. The OS drops the lock when a process
dies (even under kill -9), so a crash never leaves a session locked.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from filelock import FileLock, Timeout

from core.config import Settings
from core.errors import UsageError

LOCK_DIR = "locks"


class SessionLock:
    """The lock of one session id; `acquire` refuses at once when another holder has it."""

    def __init__(self, settings: Settings, session_id: str) -> None:
        self.session_id = session_id
        # Hashed: a session id comes from the user (`--resume ID`) and must not name a path.
        name = hashlib.sha256(session_id.encode()).hexdigest()[:24]
        self._path = settings.data_dir / LOCK_DIR / f"{name}.lock"
        # Not thread-local: the TUI opens a session in a worker and closes it on the UI thread.
        self._lock = FileLock(str(self._path), thread_local=False)

    def acquire(self) -> None:
        self._path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            raise UsageError(
                f"Session {self.session_id} is open in another Shirube process or window; "
                "close it there or wait for it to finish, then try again."
            ) from None

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release(force=True)


def acquire_or_close(settings: Settings, session_id: str, close: Callable[[], None]) -> SessionLock:
    """The session's lock, held; on refusal `close` runs first (the owner gives up its handles)."""
    lock = SessionLock(settings, session_id)
    try:
        lock.acquire()
    except BaseException:
        close()
        raise
    return lock


@contextmanager
def held(settings: Settings, session_id: str) -> Iterator[None]:
    """Hold the session's lock for a one-off change (e.g. deleting it)."""
    lock = SessionLock(settings, session_id)
    lock.acquire()
    try:
        yield
    finally:
        lock.release()

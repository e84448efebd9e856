"""One writer per saved session: a file lock held while an interview or chat thread is open.

Two processes answering the same session would record one's answer against the other's
question; the second to open it is refused instead. The OS drops the lock when a process
dies (even under kill -9), so a crash never leaves a session locked.

On a team's PostgreSQL the lock is the database's (an advisory lock on a connection of its
own), so two people on two machines are refused just like two windows on one; the server
drops it when the holder's connection goes, killed or not.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from filelock import FileLock, Timeout

from core.config import Settings
from core.errors import UsageError

if TYPE_CHECKING:
    import psycopg

LOCK_DIR = "locks"
_NAMESPACE = 0x5348_4C4B  # "SHLK": the first key of every session's advisory lock


def _refused(session_id: str) -> UsageError:
    return UsageError(
        f"Session {session_id} is open in another Shirube process or window; "
        "close it there or wait for it to finish, then try again."
    )


class SessionLock:
    """The lock of one session id; `acquire` refuses at once when another holder has it."""

    def __init__(self, settings: Settings, session_id: str) -> None:
        self.session_id = session_id
        # Hashed: a session id comes from the user (`--resume ID`) and must not name a path.
        digest = hashlib.sha256(session_id.encode()).digest()
        self._key = int.from_bytes(digest[:4], "big", signed=True)
        self._url = settings.database_url
        self._timeout = settings.connect_timeout
        self._held: psycopg.Connection | None = None
        self._path = settings.data_dir / LOCK_DIR / f"{digest.hex()[:24]}.lock"
        # Not thread-local: the TUI opens a session in a worker and closes it on the UI thread.
        self._lock = FileLock(str(self._path), thread_local=False)

    def acquire(self) -> None:
        if self._url:
            self._acquire_shared(self._url)
            return
        self._path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            raise _refused(self.session_id) from None

    def _acquire_shared(self, url: str) -> None:
        import psycopg

        from agent.interview.plan_postgres import fault

        try:
            conn = psycopg.connect(
                url, autocommit=True, connect_timeout=max(1, round(self._timeout))
            )
        except psycopg.Error as exc:
            raise fault(url, exc) from None
        try:
            row = conn.execute(
                "SELECT pg_try_advisory_lock(%s, %s)", (_NAMESPACE, self._key)
            ).fetchone()
        except psycopg.Error as exc:
            conn.close()
            raise fault(url, exc) from None
        if not (row and row[0]):
            conn.close()
            raise _refused(self.session_id)
        self._held = conn  # the lock lives as long as this connection

    def release(self) -> None:
        if self._held is not None:
            self._held.close()
            self._held = None
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

"""Saved plans in a shared PostgreSQL (`SHIRUBE_DATABASE_URL`), for a team working on one plan.

The same tables, versions and history as the SQLite store; psycopg 3, one connection per
command, each write in one transaction whose UPDATE checks the version the writer read.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from agent.interview.plan_sql import SqlPlanStore
from core.config import redacted_url
from core.storage import StorageError, no_postgres_driver

if TYPE_CHECKING:
    import psycopg

_MIGRATION_LOCK = 0x5348_4952  # "SHIR": one advisory lock id, so concurrent starts migrate once


def fault(url: str, exc: Exception) -> StorageError:
    """One message for a PostgreSQL failure: what failed, where, and what to do."""
    import psycopg

    from knowledge.ui_labels import LabelledStorageError, library_quoted

    where = redacted_url(url)
    said = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    reason = library_quoted(said)  # the server's or driver's own words, worded where known
    if isinstance(exc, psycopg.errors.InsufficientPrivilege):
        return LabelledStorageError("errors.pg_privilege", where=where, reason=reason)
    if isinstance(exc, psycopg.OperationalError):
        return LabelledStorageError("errors.pg_unreachable", where=where, reason=reason)
    return LabelledStorageError("errors.pg_failed", where=where, reason=reason)


class PostgresPlanStore(SqlPlanStore):
    """Plans in PostgreSQL; open one with `connect(url)`."""

    mark = "%s"

    def __init__(self, conn: psycopg.Connection, url: str) -> None:
        super().__init__(conn)
        self._url = url
        self._where = redacted_url(url)
        with self._write():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            self._migrate()

    @contextmanager
    def _read(self) -> Iterator[None]:
        import psycopg

        try:
            yield
        except psycopg.Error as exc:
            raise fault(self._url, exc) from None

    @contextmanager
    def _write(self) -> Iterator[None]:
        # Under READ COMMITTED the versioned UPDATE (SqlPlanStore.put) is the lost-update check.
        with self._read(), self._conn.transaction():
            yield


@contextmanager
def connect(url: str, timeout: float = 5.0) -> Iterator[PostgresPlanStore]:
    """A store on `url` for one command; the connection closes when the block ends."""
    try:
        import psycopg
    except ImportError:
        raise no_postgres_driver() from None
    try:
        conn = psycopg.connect(url, autocommit=True, connect_timeout=max(1, round(timeout)))
    except psycopg.Error as exc:
        raise fault(url, exc) from None
    try:
        yield PostgresPlanStore(conn, url)
    finally:
        conn.close()

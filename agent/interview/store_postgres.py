"""Sessions in a team's PostgreSQL: the registry table and LangGraph's Postgres checkpointer.

agent.interview.store chooses this module when SHIRUBE_DATABASE_URL is set; it is imported
only then, so `sessions list` on SQLite never loads psycopg.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import psycopg
from psycopg.rows import tuple_row

from agent.interview.plan_postgres import fault
from core.storage import StorageError

if TYPE_CHECKING:
    from langgraph.checkpoint.postgres import PostgresSaver

_SETUP_LOCK = 0x5348_5353  # "SHSS": one advisory lock id, so concurrent first runs set up once


class SharedConnection(psycopg.Connection[tuple[Any, ...]]):
    """A connection to the team's database that remembers its URL, to name it (masked) in errors."""

    url: str


def connect(url: str, timeout: float, registry: str) -> SharedConnection:
    """Open `url` (autocommit, as LangGraph's saver expects) with the registry table in place."""
    try:
        conn = SharedConnection.connect(
            url, autocommit=True, prepare_threshold=0, connect_timeout=max(1, round(timeout))
        )
    except psycopg.Error as exc:
        raise fault(url, exc) from None
    conn.url = url
    try:
        with guard(conn), conn.transaction():
            # Created once; a user who may only read and write the tables is not asked to CREATE.
            if execute(conn, "SELECT to_regclass('shirube_sessions')")[0][0] is None:
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (_SETUP_LOCK,))
                conn.execute(registry)
    except BaseException:
        conn.close()
        raise
    return conn


@contextmanager
def guard(conn: SharedConnection) -> Iterator[None]:
    """A PostgreSQL failure in the block becomes one StorageError naming the URL and the fix."""
    try:
        yield
    except StorageError:
        raise
    except psycopg.Error as exc:
        raise fault(conn.url, exc) from None


def execute(conn: SharedConnection, sql: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    """Run one registry statement written with SQLite's `?` marks; its rows (if any)."""
    with conn.cursor(row_factory=tuple_row) as cur:
        cur.execute(sql.replace("?", "%s"), tuple(args))
        return cur.fetchall() if cur.description else []


def checkpointer(conn: SharedConnection) -> PostgresSaver:
    """LangGraph's Postgres checkpointer on `conn`, its tables created or upgraded once."""
    from langgraph.checkpoint.postgres import PostgresSaver

    saver = PostgresSaver(conn)  # type: ignore[arg-type]  # its own cursors use dict rows
    if _migrated(conn, len(saver.MIGRATIONS) - 1):
        return saver
    with guard(conn):
        # A session lock, not a transaction: its migrations build indexes CONCURRENTLY.
        conn.execute("SELECT pg_advisory_lock(%s)", (_SETUP_LOCK,))
        try:
            saver.setup()
        finally:
            conn.execute("SELECT pg_advisory_unlock(%s)", (_SETUP_LOCK,))
    return saver


def _migrated(conn: SharedConnection, latest: int) -> bool:
    """The checkpoint tables are already at the saver's latest migration (nothing to set up)."""
    with guard(conn):
        if execute(conn, "SELECT to_regclass('checkpoint_migrations')")[0][0] is None:
            return False
        row = execute(conn, "SELECT max(v) FROM checkpoint_migrations")
    return bool(row) and row[0][0] is not None and int(row[0][0]) >= latest

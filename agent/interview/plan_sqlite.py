"""Saved plans in the SQLite sessions file (the embedded default), beside the checkpoints."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from agent.interview import store as sessions
from agent.interview.plan_sql import SqlPlanStore


class SqlitePlanStore(SqlPlanStore):
    """Plans in the sessions database (`conn` from agent.interview.store.connect)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        super().__init__(conn)
        self._where = str(getattr(conn, "path", "the sessions database"))
        with self._write():
            self._migrate()

    @property
    def connection(self) -> sqlite3.Connection:
        """The sessions database, for tables kept beside the plans (agent.interview.stamps)."""
        return self._conn

    @contextmanager
    def _read(self) -> Iterator[None]:
        with sessions.guard(self._conn):
            yield

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One write transaction, taken before reading (BEGIN IMMEDIATE): no lost update."""
        with sessions.guard(self._conn):
            if self._conn.in_transaction:
                self._conn.commit()
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self._conn.rollback()
                raise
            self._conn.commit()

"""Saved plans in the SQLite sessions file (the embedded default), beside the checkpoints."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from agent.interview import store as sessions
from agent.interview.plan_schema import COMPONENT, LATEST, SCHEMA_TABLE, pending
from agent.interview.plan_store import (
    Change,
    PlanConflict,
    SavedPlan,
    decode,
    encode_progress,
    too_new,
)

_SELECT = "SELECT profile, progress, version FROM shirube_plans WHERE id = ?"


class SqlitePlanStore:
    """Plans in the sessions database (`conn` from agent.interview.store.connect)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._where = str(getattr(conn, "path", "the sessions database"))
        with self._write():
            found = self._version()
            if found > LATEST:
                raise too_new(self._where, found)
            for version, statements in pending(found):
                for statement in statements:
                    conn.execute(statement)
                conn.execute(
                    "INSERT INTO shirube_schema (component, version) VALUES (?, ?) "
                    "ON CONFLICT(component) DO UPDATE SET version = excluded.version",
                    (COMPONENT, version),
                )

    @property
    def connection(self) -> sqlite3.Connection:
        """The sessions database, for tables kept beside the plans (agent.interview.stamps)."""
        return self._conn

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

    def _version(self) -> int:
        self._conn.execute(SCHEMA_TABLE)
        row = self._conn.execute(
            "SELECT version FROM shirube_schema WHERE component = ?", (COMPONENT,)
        ).fetchone()
        return int(row[0]) if row else 0

    def schema_version(self) -> int:
        with sessions.guard(self._conn):
            return self._version()

    def get(self, plan_id: str) -> SavedPlan | None:
        with sessions.guard(self._conn):
            row = self._conn.execute(_SELECT, (plan_id,)).fetchone()
        return None if row is None else decode(plan_id, row[0], row[1], row[2], self._where)

    def put(self, plan: SavedPlan, change: Change) -> SavedPlan:
        stamp = change.at.isoformat()
        args = (plan.profile.model_dump_json(), encode_progress(plan.progress), stamp)
        with self._write():
            if plan.version == 0:
                cursor = self._conn.execute(
                    "INSERT INTO shirube_plans (profile, progress, created, updated, version, id) "
                    "VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT(id) DO NOTHING",
                    (*args, stamp, plan.id),
                )
            else:
                cursor = self._conn.execute(
                    "UPDATE shirube_plans SET profile = ?, progress = ?, updated = ?, "
                    "version = version + 1 WHERE id = ? AND version = ?",
                    (*args, plan.id, plan.version),
                )
            if cursor.rowcount != 1:
                raise PlanConflict(plan.id, self._latest(plan.id))
            version = plan.version + 1
            self._conn.execute(
                "INSERT INTO shirube_plan_history (plan_id, version, at, who, action, what) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (plan.id, version, stamp, change.who, change.action, change.what),
            )
        return plan.model_copy(update={"version": version})

    def _latest(self, plan_id: str) -> Change | None:
        changes = self._changes(plan_id, 0)
        return changes[-1] if changes else None

    def _changes(self, plan_id: str, since: int) -> list[Change]:
        rows = self._conn.execute(
            "SELECT version, at, who, action, what FROM shirube_plan_history "
            "WHERE plan_id = ? AND version > ? ORDER BY version",
            (plan_id, since),
        ).fetchall()
        return [
            Change(plan_id=plan_id, version=r[0], at=r[1], who=r[2], action=r[3], what=r[4])
            for r in rows
        ]

    def history(self, plan_id: str, since: int = 0) -> list[Change]:
        with sessions.guard(self._conn):
            return self._changes(plan_id, since)

    def ids(self) -> list[str]:
        with sessions.guard(self._conn):
            return [r[0] for r in self._conn.execute("SELECT id FROM shirube_plans ORDER BY id")]

    def adopt(self, plan: SavedPlan, changes: list[Change], note: Change) -> bool:
        with self._write():
            version = plan.version + 1
            cursor = self._conn.execute(
                "INSERT INTO shirube_plans (id, profile, progress, created, updated, version) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                (plan.id, plan.profile.model_dump_json(), encode_progress(plan.progress),
                 note.at.isoformat(), note.at.isoformat(), version),
            )  # fmt: skip
            if cursor.rowcount != 1:
                return False
            for landed in [*changes, note.model_copy(update={"version": version})]:
                self._conn.execute(
                    "INSERT INTO shirube_plan_history (plan_id, version, at, who, action, what) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (plan.id, landed.version, landed.at.isoformat(), landed.who, landed.action,
                     landed.what),
                )  # fmt: skip
            return True

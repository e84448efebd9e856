"""The plan store's SQL, written once for both backends (agent/interview/plan_sqlite.py and
plan_postgres.py): they differ only in how a statement is guarded, how a write transaction is
taken, and the parameter mark."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any

from agent.interview.plan_schema import COMPONENT, LATEST, SCHEMA_TABLE, pending
from agent.interview.plan_store import (
    Change,
    PlanConflict,
    SavedPlan,
    decode,
    encode_progress,
    too_new,
)

_HISTORY_INSERT = (
    "INSERT INTO shirube_plan_history (plan_id, version, at, who, action, what) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)


class SqlPlanStore:
    """Saved plans, their versions and history over a DB-API connection.

    A subclass sets `mark` (its parameter style) and gives `_read()` (errors become one
    StorageError) and `_write()` (one write transaction, taken before reading: no lost update).
    """

    mark = "?"
    _where = "the plan store"

    def __init__(self, conn: Any) -> None:
        self._conn = conn

    # -- what a backend provides ------------------------------------------------------------
    def _read(self) -> AbstractContextManager[None]:
        raise NotImplementedError

    def _write(self) -> AbstractContextManager[None]:
        raise NotImplementedError

    # -- shared -------------------------------------------------------------------------------
    def _run(self, sql: str, args: Sequence[Any] = ()) -> Any:
        return self._conn.execute(sql.replace("?", self.mark), tuple(args))

    def _migrate(self) -> None:
        """Bring the tables to the latest schema (inside the caller's write transaction)."""
        found = self._version()
        if found > LATEST:
            raise too_new(self._where, found)
        for version, statements in pending(found):
            for statement in statements:
                self._conn.execute(statement)  # fixed DDL, no input
            self._run(
                "INSERT INTO shirube_schema (component, version) VALUES (?, ?) "
                "ON CONFLICT (component) DO UPDATE SET version = excluded.version",
                (COMPONENT, version),
            )

    def _version(self) -> int:
        self._conn.execute(SCHEMA_TABLE)
        row = self._run(
            "SELECT version FROM shirube_schema WHERE component = ?", (COMPONENT,)
        ).fetchone()
        return int(row[0]) if row else 0

    def schema_version(self) -> int:
        with self._read():
            return self._version()

    def get(self, plan_id: str) -> SavedPlan | None:
        with self._read():
            row = self._run(
                "SELECT profile, progress, version FROM shirube_plans WHERE id = ?", (plan_id,)
            ).fetchone()
        return None if row is None else decode(plan_id, row[0], row[1], row[2], self._where)

    def put(self, plan: SavedPlan, change: Change) -> SavedPlan:
        """Write `plan` if nobody changed it since the version it was read at, with `change`."""
        stamp = change.at.isoformat()
        args = (plan.profile.model_dump_json(), encode_progress(plan.progress), stamp)
        with self._write():
            if plan.version == 0:
                cursor = self._run(
                    "INSERT INTO shirube_plans (profile, progress, created, updated, version, id) "
                    "VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT (id) DO NOTHING",
                    (*args, stamp, plan.id),
                )
            else:
                # The check and the write are one statement: a concurrent writer that waited
                # on the row sees the new version and matches nothing.
                cursor = self._run(
                    "UPDATE shirube_plans SET profile = ?, progress = ?, updated = ?, "
                    "version = version + 1 WHERE id = ? AND version = ?",
                    (*args, plan.id, plan.version),
                )
            if cursor.rowcount != 1:
                changes = self._changes(plan.id, 0)
                raise PlanConflict(plan.id, changes[-1] if changes else None)
            version = plan.version + 1
            self._run(
                _HISTORY_INSERT,
                (plan.id, version, stamp, change.who, change.action, change.what),
            )
        return plan.model_copy(update={"version": version})

    def _changes(self, plan_id: str, since: int) -> list[Change]:
        rows = self._run(
            "SELECT version, at, who, action, what FROM shirube_plan_history "
            "WHERE plan_id = ? AND version > ? ORDER BY version",
            (plan_id, since),
        ).fetchall()
        return [
            Change(plan_id=plan_id, version=r[0], at=r[1], who=r[2], action=r[3], what=r[4])
            for r in rows
        ]

    def history(self, plan_id: str, since: int = 0) -> list[Change]:
        with self._read():
            return self._changes(plan_id, since)

    def ids(self) -> list[str]:
        with self._read():
            return [r[0] for r in self._run("SELECT id FROM shirube_plans ORDER BY id").fetchall()]

    def adopt(self, plan: SavedPlan, changes: list[Change], note: Change) -> bool:
        """Copy a plan with its history (a migration); False when it is here already."""
        with self._write():
            version = plan.version + 1
            at = note.at.isoformat()
            cursor = self._run(
                "INSERT INTO shirube_plans (id, profile, progress, created, updated, version) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                (plan.id, plan.profile.model_dump_json(), encode_progress(plan.progress), at, at,
                 version),
            )  # fmt: skip
            if cursor.rowcount != 1:
                return False
            for landed in [*changes, note.model_copy(update={"version": version})]:
                self._run(
                    _HISTORY_INSERT,
                    (plan.id, landed.version, landed.at.isoformat(), landed.who, landed.action,
                     landed.what),
                )  # fmt: skip
            return True

"""Saved plans in a shared PostgreSQL (`SHIRUBE_DATABASE_URL`), for a team working on one plan.

The same tables, versions and history as the SQLite store; psycopg 3, one connection per
command, each write in one transaction whose UPDATE checks the version the writer read.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from agent.interview.plan_schema import COMPONENT, LATEST, SCHEMA_TABLE, pending
from agent.interview.plan_store import (
    Change,
    PlanConflict,
    SavedPlan,
    decode,
    encode_progress,
    too_new,
)
from core.config import redacted_url
from core.storage import StorageError

if TYPE_CHECKING:
    import psycopg

_MIGRATION_LOCK = 0x5348_4952  # "SHIR": one advisory lock id, so concurrent starts migrate once
_CHECK = "`shirube doctor` checks the connection"


def fault(url: str, exc: Exception) -> StorageError:
    """One message for a PostgreSQL failure: what failed, where, and what to do."""
    import psycopg

    where = redacted_url(url)
    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if isinstance(exc, psycopg.errors.InsufficientPrivilege):
        return StorageError(
            f"The database user in SHIRUBE_DATABASE_URL ({where}) may not do this ({reason}). "
            "Ask the database owner to GRANT it CREATE, SELECT, INSERT and UPDATE on the "
            f"database, or use the owner's account. {_CHECK}."
        )
    if isinstance(exc, psycopg.OperationalError):
        return StorageError(
            f"Cannot reach the shared database {where} ({reason}). Check that PostgreSQL runs "
            "there and that SHIRUBE_DATABASE_URL (user, password, host, port, database) is "
            f"right, or unset it to work on this machine's SQLite; {_CHECK}. Nothing was saved."
        )
    return StorageError(f"The shared database {where} failed ({reason}); {_CHECK}.")


class PostgresPlanStore:
    """Plans in PostgreSQL; open one with `connect(url)`."""

    def __init__(self, conn: psycopg.Connection, url: str) -> None:
        self._conn = conn
        self._url = url
        with self._guard(), conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            found = self._version()
            if found > LATEST:
                raise too_new(redacted_url(url), found)
            for version, statements in pending(found):
                for statement in statements:
                    conn.execute(statement)  # fixed DDL, no input
                conn.execute(
                    "INSERT INTO shirube_schema (component, version) VALUES (%s, %s) "
                    "ON CONFLICT (component) DO UPDATE SET version = excluded.version",
                    (COMPONENT, version),
                )

    @contextmanager
    def _guard(self) -> Iterator[None]:
        import psycopg

        try:
            yield
        except psycopg.Error as exc:
            raise fault(self._url, exc) from None

    def _version(self) -> int:
        self._conn.execute(SCHEMA_TABLE)
        row = self._conn.execute(
            "SELECT version FROM shirube_schema WHERE component = %s", (COMPONENT,)
        ).fetchone()
        return int(row[0]) if row else 0

    def schema_version(self) -> int:
        with self._guard():
            return self._version()

    def get(self, plan_id: str) -> SavedPlan | None:
        with self._guard():
            row = self._conn.execute(
                "SELECT profile, progress, version FROM shirube_plans WHERE id = %s", (plan_id,)
            ).fetchone()
        where = redacted_url(self._url)
        return None if row is None else decode(plan_id, row[0], row[1], row[2], where)

    def put(self, plan: SavedPlan, change: Change) -> SavedPlan:
        stamp = change.at.isoformat()
        args = (plan.profile.model_dump_json(), encode_progress(plan.progress), stamp)
        with self._guard(), self._conn.transaction():
            if plan.version == 0:
                cursor = self._conn.execute(
                    "INSERT INTO shirube_plans (profile, progress, created, updated, version, id) "
                    "VALUES (%s, %s, %s, %s, 1, %s) ON CONFLICT (id) DO NOTHING",
                    (*args, stamp, plan.id),
                )
            else:
                # Under READ COMMITTED a concurrent writer waits on the row, then sees the new
                # version and matches nothing: the check and the write are one statement.
                cursor = self._conn.execute(
                    "UPDATE shirube_plans SET profile = %s, progress = %s, updated = %s, "
                    "version = version + 1 WHERE id = %s AND version = %s",
                    (*args, plan.id, plan.version),
                )
            conflict = cursor.rowcount != 1
            if not conflict:
                self._conn.execute(
                    "INSERT INTO shirube_plan_history (plan_id, version, at, who, action, what) "
                    "VALUES (%s, %s, %s, %s, %s, %s)",
                    (plan.id, plan.version + 1, stamp, change.who, change.action, change.what),
                )
        if conflict:
            changes = self.history(plan.id)
            raise PlanConflict(plan.id, changes[-1] if changes else None)
        return plan.model_copy(update={"version": plan.version + 1})

    def history(self, plan_id: str, since: int = 0) -> list[Change]:
        with self._guard():
            rows = self._conn.execute(
                "SELECT version, at, who, action, what FROM shirube_plan_history "
                "WHERE plan_id = %s AND version > %s ORDER BY version",
                (plan_id, since),
            ).fetchall()
        return [
            Change(plan_id=plan_id, version=r[0], at=r[1], who=r[2], action=r[3], what=r[4])
            for r in rows
        ]

    def ids(self) -> list[str]:
        with self._guard():
            rows = self._conn.execute("SELECT id FROM shirube_plans ORDER BY id").fetchall()
        return [r[0] for r in rows]

    def adopt(self, plan: SavedPlan, changes: list[Change], note: Change) -> bool:
        with self._guard(), self._conn.transaction():
            version = plan.version + 1
            cursor = self._conn.execute(
                "INSERT INTO shirube_plans (id, profile, progress, created, updated, version) "
                "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (id) DO NOTHING",
                (plan.id, plan.profile.model_dump_json(), encode_progress(plan.progress),
                 note.at.isoformat(), note.at.isoformat(), version),
            )  # fmt: skip
            if cursor.rowcount != 1:
                return False
            for landed in [*changes, note.model_copy(update={"version": version})]:
                self._conn.execute(
                    "INSERT INTO shirube_plan_history (plan_id, version, at, who, action, what) "
                    "VALUES (%s, %s, %s, %s, %s, %s)",
                    (plan.id, landed.version, landed.at.isoformat(), landed.who, landed.action,
                     landed.what),
                )  # fmt: skip
            return True


@contextmanager
def connect(url: str, timeout: float = 5.0) -> Iterator[PostgresPlanStore]:
    """A store on `url` for one command; the connection closes when the block ends."""
    try:
        import psycopg
    except ImportError:
        raise StorageError(
            "SHIRUBE_DATABASE_URL points at PostgreSQL, but its driver is not installed. "
            "Install it with `pip install 'shirube[team]'` (psycopg), or unset the variable."
        ) from None
    try:
        conn = psycopg.connect(url, autocommit=True, connect_timeout=max(1, round(timeout)))
    except psycopg.Error as exc:
        raise fault(url, exc) from None
    try:
        yield PostgresPlanStore(conn, url)
    finally:
        conn.close()

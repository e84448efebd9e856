"""Where saved plans live: a small interface and its SQLite implementation.

The SQLite table sits in the sessions database beside the interview checkpoints (one file in
the data dir, the same fault messages). A later store (PostgreSQL) implements `PlanStore`.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Protocol

from pydantic import BaseModel, ConfigDict, Field

from agent.interview import store as sessions
from core.errors import UsageError
from core.profile import UseCaseProfile
from tools.progress import ActionProgress

_TABLE = """
CREATE TABLE IF NOT EXISTS shirube_plans (
    id TEXT PRIMARY KEY,
    profile TEXT NOT NULL,
    progress TEXT NOT NULL,
    created TEXT NOT NULL,
    updated TEXT NOT NULL
)
"""


class SavedPlan(BaseModel):
    """One saved plan: the answers it was built from and the progress on its actions."""

    model_config = ConfigDict(frozen=True)

    id: str
    profile: UseCaseProfile
    progress: dict[str, ActionProgress] = Field(default_factory=dict)


class PlanStore(Protocol):
    def get(self, plan_id: str) -> SavedPlan | None: ...

    def put(self, plan: SavedPlan) -> None: ...


class SqlitePlanStore:
    """Plans in the sessions database (`conn` from agent.interview.store.connect)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        with sessions.guard(conn):
            conn.execute(_TABLE)
            conn.commit()

    @property
    def connection(self) -> sqlite3.Connection:
        """The sessions database, for tables kept beside the plans (agent.interview.stamps)."""
        return self._conn

    def get(self, plan_id: str) -> SavedPlan | None:
        with sessions.guard(self._conn):
            row = self._conn.execute(
                "SELECT profile, progress FROM shirube_plans WHERE id = ?", (plan_id,)
            ).fetchone()
        if row is None:
            return None
        try:
            return SavedPlan(
                id=plan_id,
                profile=UseCaseProfile.model_validate_json(row[0]),
                progress={
                    k: ActionProgress.model_validate(v) for k, v in json.loads(row[1]).items()
                },
            )
        except ValueError:
            path = getattr(self._conn, "path", "the sessions database")
            raise UsageError(
                f"Plan {plan_id} in {path} cannot be read: its saved state is damaged. "
                "Other plans are not affected; save it again with "
                f"`shirube interview --resume {plan_id}`."
            ) from None

    def put(self, plan: SavedPlan) -> None:
        now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
        progress = json.dumps({k: v.model_dump(mode="json") for k, v in plan.progress.items()})
        with sessions.guard(self._conn):
            self._conn.execute(
                "INSERT INTO shirube_plans (id, profile, progress, created, updated) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                "profile = excluded.profile, progress = excluded.progress, "
                "updated = excluded.updated",
                (plan.id, plan.profile.model_dump_json(), progress, now, now),
            )
            self._conn.commit()

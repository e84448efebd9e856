"""The saved-plan tables and their migrations, in SQL both backends (SQLite, PostgreSQL) run.

`shirube_schema` records the version each component's tables are at; a store migrates its
component under a lock the database holds (BEGIN IMMEDIATE, an advisory lock), so two processes
starting at once migrate once.
"""

from __future__ import annotations

COMPONENT = "plans"

SCHEMA_TABLE = (
    "CREATE TABLE IF NOT EXISTS shirube_schema "
    "(component TEXT PRIMARY KEY, version INTEGER NOT NULL)"
)

# Version n is reached by running MIGRATIONS[n - 1]; never edit one that has shipped.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        # The table issue 19 created (IF NOT EXISTS: SQLite files made before versions exist).
        "CREATE TABLE IF NOT EXISTS shirube_plans (id TEXT PRIMARY KEY, profile TEXT NOT NULL, "
        "progress TEXT NOT NULL, created TEXT NOT NULL, updated TEXT NOT NULL)",
    ),
    (
        # Plans saved before history was kept count as version 1 (0 means "not stored").
        "ALTER TABLE shirube_plans ADD COLUMN version INTEGER NOT NULL DEFAULT 1",
        "CREATE TABLE shirube_plan_history (plan_id TEXT NOT NULL, version INTEGER NOT NULL, "
        "at TEXT NOT NULL, who TEXT NOT NULL, action TEXT NOT NULL, what TEXT NOT NULL, "
        "PRIMARY KEY (plan_id, version))",
    ),
)

LATEST = len(MIGRATIONS)


def pending(current: int) -> list[tuple[int, tuple[str, ...]]]:
    """The migrations still to run from `current`, as (version reached, statements)."""
    return [(n, MIGRATIONS[n - 1]) for n in range(current + 1, LATEST + 1)]

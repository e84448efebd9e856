"""The rule-base stamp of each finished interview's plan, kept beside the sessions registry.

One row per session: the tools.plan_diff.PlanStamp as JSON. `sessions diff` and `sessions list`
read it to say what changed for a plan since it was made; the registry table is left alone.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from agent.interview.store import guard

if TYPE_CHECKING:
    # Only types at import: `sessions list` asks `stamped` first and assesses only when needed.
    from tools.assess import Assessment
    from tools.plan_diff import PlanDiff, PlanStamp

_TABLE = """
CREATE TABLE IF NOT EXISTS shirube_plan_stamps (
    id TEXT PRIMARY KEY,
    stamp TEXT NOT NULL
)
"""


def _table(conn: sqlite3.Connection) -> None:
    with guard(conn):
        conn.execute(_TABLE)
        conn.commit()


def remember(conn: sqlite3.Connection, session_id: str, assessment: Assessment) -> None:
    """Record the rule base `assessment` was made against (replacing an older stamp)."""
    from tools.plan_diff import stamp

    _table(conn)
    with guard(conn):
        conn.execute(
            "INSERT OR REPLACE INTO shirube_plan_stamps (id, stamp) VALUES (?, ?)",
            (session_id, stamp(assessment).model_dump_json()),
        )
        conn.commit()


def stamps(conn: sqlite3.Connection) -> dict[str, PlanStamp]:
    """Every readable stamp by session id (a damaged one is skipped: it has no diff to show)."""
    from pydantic import ValidationError

    from tools.plan_diff import PlanStamp

    _table(conn)
    with guard(conn):
        rows = conn.execute("SELECT id, stamp FROM shirube_plan_stamps").fetchall()
    out: dict[str, PlanStamp] = {}
    for session_id, text in rows:
        try:
            out[session_id] = PlanStamp.model_validate_json(text)
        except ValidationError:
            continue
    return out


def forget(conn: sqlite3.Connection, session_id: str) -> None:
    _table(conn)
    with guard(conn):
        conn.execute("DELETE FROM shirube_plan_stamps WHERE id = ?", (session_id,))
        conn.commit()


def stamped(conn: sqlite3.Connection) -> set[str]:
    """Ids of the sessions whose plan has a stamp (cheap: no assessment)."""
    _table(conn)
    with guard(conn):
        return {row[0] for row in conn.execute("SELECT id FROM shirube_plan_stamps")}


def changed_counts(conn: sqlite3.Connection, session_ids: set[str]) -> dict[str, int]:
    """Session id → how many layers and actions of its plan today's rule base changes."""
    if not session_ids & stamped(conn):
        return {}  # nothing to compare: no assessment, no rule-base load
    from tools.plan_diff import diff_plan

    saved = stamps(conn)
    return {sid: len(diff_plan(saved[sid]).changes) for sid in session_ids if sid in saved}


def plan_diff(conn: sqlite3.Connection, session_id: str) -> PlanDiff | None:
    """What today's rule base changes for this session's plan (None: no stamp recorded)."""
    from tools.plan_diff import diff_plan

    saved = stamps(conn).get(session_id)
    return diff_plan(saved) if saved else None

"""`shirube sessions diff ID`, the "rule base" column of `sessions list` and the rule-base line
of an exported profile."""

from __future__ import annotations

import sqlite3
import sys
from typing import TYPE_CHECKING

import typer

from core.errors import UsageError
from tools.terminal_text import clean

if TYPE_CHECKING:
    from agent.interview.store import SessionInfo
    from tools.plan_diff import ItemChange

MARK = {"added": "+", "removed": "-", "changed": "~"}
VERB = {"added": "added", "removed": "removed", "changed": "changed"}


def rule_base_cells(
    conn: sqlite3.Connection, rows: list[SessionInfo], lang: str = "en"
) -> dict[str, str]:
    """Session id → 'changed: N' or 'current' (in `lang`) for interviews whose plan has a stamp."""
    from agent.interview import stamps
    from core.storage import StorageError

    try:
        counts = stamps.changed_counts(conn, {r.id for r in rows if r.kind == "interview"})
    except (StorageError, sqlite3.OperationalError):
        # The list still shows every session (a read-only database: `sessions diff` names it).
        return {}
    except Exception as exc:
        # Imported only here: a list with no stamped plan never loads the rule base (start-up).
        from knowledge.loader import RuleBaseError

        if isinstance(exc, RuleBaseError):  # a broken rule base: `kb check` names the problem
            return {}
        raise
    from knowledge.ui_labels import ui_text

    current = ui_text("cli.rule_base_current", lang)
    return {
        sid: ui_text("cli.rule_base_changed", lang, count=n) if n else current
        for sid, n in counts.items()
    }


def _line(item: ItemChange) -> list[str]:
    lines = [f"  {MARK[item.change]} {item.kind} {VERB[item.change]}: {item.title} ({item.id})"]
    for change in item.reasons:
        lines.append(f"      why: {change.date} {change.id}: {' '.join(change.summary.split())}")
    if not item.reasons:
        lines.append("      why: no changelog entry names it; see `shirube changes`")
    return lines


def show_diff(session_id: str) -> None:
    from agent.interview import stamps, store
    from knowledge.loader import RuleBaseError

    with store.opened() as shared:
        info = store.get_session(shared, session_id)
    # Plan stamps stay on the machine that finished the interview, whichever store holds it.
    with store.opened_local() as conn:
        if info.kind != "interview":
            raise UsageError(
                f"Session '{session_id}' is a {info.kind} session; only a finished interview has "
                "a plan to compare. Run `shirube sessions list` to see the interviews."
            )
        try:
            diff = stamps.plan_diff(conn, session_id)
        except RuleBaseError as exc:  # not the user's input: name it and exit 1
            print(clean(f"Rule base error: {exc}"), file=sys.stderr)
            raise typer.Exit(1) from None
    if diff is None:
        raise UsageError(
            f"Session '{session_id}' has no plan recorded with its rule-base version (it is not "
            f"finished, or was finished before Shirube recorded versions). Finish or redo it "
            f"with `shirube interview --resume {session_id}`, then run this again."
        )
    saved = diff.saved
    print(
        clean(
            f"Plan of session {session_id}, made on {saved.assessed_on} with rule base "
            f"{saved.version} (as of {saved.as_of})."
        )
    )
    print(f"Today's rule base: {diff.version} (as of {diff.as_of}).")
    if not diff.changes:
        print("Nothing in this plan changed: same layers, same actions.")
        return
    count = len(diff.changes)
    print(f"Rule base changed since this plan: {count} change{'s' if count != 1 else ''}.")
    for item in diff.changes:
        for line in _line(item):
            print(clean(line))
    print(f"Redo the plan with: shirube interview --resume {session_id}")


def profile_header(session_id: str) -> str:
    """YAML comment lines naming the rule base the session's plan was made with (or today's)."""
    from agent.interview import stamps, store
    from knowledge.loader import load_rule_base

    with store.opened_local() as conn:
        saved = stamps.stamps(conn).get(session_id)
    if saved is None:
        now = load_rule_base()
        return f"# Exported with Shirube rule base {now.version} (as of {now.meta.as_of}).\n"
    return (
        f"# Plan made on {saved.assessed_on} with Shirube rule base {saved.version} "
        f"(as of {saved.as_of}).\n"
        f"# `shirube sessions diff {session_id}` shows what has changed since.\n"
    )

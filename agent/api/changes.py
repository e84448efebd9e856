"""changes: what changed in the rule base since a date (knowledge/changes.py's change log)."""

from __future__ import annotations

import datetime as dt
import importlib
from typing import Any

from pydantic import BaseModel, Field

from agent.api.models import SourceCitation
from core.errors import UsageError
from knowledge.schema import Citation

NOT_AVAILABLE = (
    "changes is not available in this version of Shirube (the rule base has no change log yet). "
    "Use list_sources for each instrument's key dates instead."
)


class ChangeInfo(BaseModel):
    """One dated change to the rule base, with the instruments it concerns resolved."""

    id: str
    date: dt.date
    summary: str
    instruments: list[SourceCitation]
    touched: dict[str, list[str]] = Field(
        description="Rule-base entries it added, removed or rewrote, by kind (triggers, facts…)."
    )


class ChangesResult(BaseModel):
    """The change log's entries on or after `since` (all entries when it is None)."""

    since: dt.date | None
    as_of: dt.date
    changes: list[ChangeInfo] = Field(description="Newest first.")


def _change_log() -> Any:
    """knowledge.changes, or None in a version without it."""
    try:
        return importlib.import_module("knowledge.changes")
    except ModuleNotFoundError as exc:
        if exc.name != "knowledge.changes":
            raise
        return None


def changes(since: dt.date | None = None) -> ChangesResult:
    """What changed since `since` (all when None), newest first, each with its instruments.

    Raises `core.errors.UsageError` in a version without a change log.
    """
    from knowledge.loader import load_rule_base

    log = _change_log()
    if log is None:
        raise UsageError(NOT_AVAILABLE)
    rule_base = load_rule_base()
    found = [
        ChangeInfo(
            id=change.id,
            date=change.date,
            summary=change.summary,
            instruments=SourceCitation.resolve(
                [Citation(source=i) for i in change.instruments], rule_base
            ),
            touched=change.touched.model_dump(),
        )
        for change in log.changes_since(since)
    ]
    return ChangesResult(since=since, as_of=rule_base.meta.as_of, changes=found)

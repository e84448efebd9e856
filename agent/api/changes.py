"""changes: what changed in the rule base since a date (knowledge/changes.py's change log)."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from agent.api.models import SourceCitation
from knowledge.changes import changes_since
from knowledge.loader import load_rule_base
from knowledge.schema import Citation


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


def changes(since: dt.date | None = None) -> ChangesResult:
    """What changed in the rule base since `since` (all when None), newest first, each with the
    instruments it concerns resolved (title, URL, legal force)."""
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
        for change in changes_since(since)
    ]
    return ChangesResult(since=since, as_of=rule_base.meta.as_of, changes=found)

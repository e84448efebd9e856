"""The rule base's changelog (knowledge/data/changes.yaml): what changed, when, and what it touched.

`changes_since(date)` is the one way in for `shirube changes`, `sessions diff` and the MCP server.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

from pydantic import Field

from knowledge import loader
from knowledge.loader import load_entries
from knowledge.schema import Id, Strict

CHANGES_FILE = "changes.yaml"

TouchedKind = Literal["triggers", "actions", "facts", "roles"]


class Touched(Strict):
    """The rule-base entries a change added, removed or rewrote, by kind."""

    triggers: list[Id] = Field(default_factory=list)
    actions: list[Id] = Field(default_factory=list, description="checklist.yaml ids.")
    facts: list[Id] = Field(default_factory=list)
    roles: list[Id] = Field(default_factory=list)


class Change(Strict):
    """One dated change to the rule base."""

    id: Id
    date: dt.date
    instruments: list[Id] = Field(default_factory=list, description="sources.yaml ids.")
    summary: str = Field(min_length=1)
    # Optional here so a new entry loads at once; `shirube kb check` requires it (check_ja).
    summary_ja: str | None = Field(
        default=None, min_length=1, description="The summary in Japanese."
    )
    touched: Touched = Field(default_factory=Touched)

    def touches(self, kind: TouchedKind, entry_id: str) -> bool:
        return entry_id in getattr(self.touched, kind)


def load_changes(data_dir: Path | None = None) -> list[Change]:
    """Every change, newest first (RuleBaseError naming the entry and field when one is wrong)."""
    # DATA_DIR is read at call time, so tests that point the loader elsewhere move this too.
    path = (data_dir or loader.DATA_DIR) / CHANGES_FILE
    if not path.exists():
        return []
    return sorted(load_entries(path, Change), key=lambda change: change.date, reverse=True)


def changes_since(since: dt.date | None) -> list[Change]:
    """Changes dated on or after `since` (all when None), newest first."""
    return [c for c in load_changes() if since is None or c.date >= since]

"""The watch list: developments reported only by secondary sources, not yet confirmed officially.

knowledge/data/watchlist.yaml holds them apart from the facts: answers mention an item as
"reported, not yet confirmed" only when the question names its subject, and never state it as law.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import Field

from knowledge.defaults import derived
from knowledge.loader import DATA_DIR, Problem, load_entries, validate_entries
from knowledge.schema import Facet, Id, Strict

if TYPE_CHECKING:
    from knowledge.check_files import RuleBaseFiles

WATCHLIST = "watchlist.yaml"


class WatchItem(Strict):
    """One reported development: what is claimed, where it was read, and when."""

    id: Id
    subject: Id = Field(description="The entity (entities.yaml) the claim is about.")
    claim: str = Field(min_length=10, description="What secondary sources report, in our words.")
    claim_ja: str = Field(min_length=10, description="The claim in Japanese, for Japanese answers.")
    secondary_source: str = Field(min_length=5, description="Where it was read (URL or note).")
    secondary_source_ja: str | None = Field(
        default=None,
        min_length=5,
        description="Where it was read, for Japanese readers (`kb check` requires it).",
    )
    seen: dt.date = Field(description="When it was last looked for on an official page.")
    facets: list[Facet] = Field(
        min_length=1,
        description="The facets of a question the claim bears on (a version's date and content, "
        "not who issues it).",
    )


def load_watchlist_from(data_dir: Path) -> list[WatchItem]:
    """The items in `data_dir`/watchlist.yaml (none when the file is absent)."""
    path = data_dir / WATCHLIST
    return load_entries(path, WatchItem) if path.exists() else []


@derived
def load_watchlist() -> tuple[WatchItem, ...]:
    """The packaged watch list, validated once per process."""
    return tuple(load_watchlist_from(DATA_DIR))


def about(
    entities: list[str],
    items: tuple[WatchItem, ...] | None = None,
    facet: Facet | None = None,
) -> list[WatchItem]:
    """The items whose subject is one of `entities` (and, given a facet, that bear on it), in
    file order."""
    named = set(entities)
    return [
        item
        for item in (load_watchlist() if items is None else items)
        if item.subject in named and (facet is None or facet in item.facets)
    ]


def check_watchlist(files: RuleBaseFiles) -> list[Problem]:
    """watchlist.yaml: valid entries, subjects that are entities, no date after the as-of date,
    and the source note in Japanese (optional in the schema, as other Japanese texts are)."""
    path = files.data_dir / WATCHLIST
    if not path.exists():
        return []
    items, problems = validate_entries(path, WatchItem)
    entities = files.ids("entities.yaml")
    label = files.label(WATCHLIST)
    for item in items:
        if item.subject not in entities:
            problems.append(
                Problem(
                    label,
                    item.id,
                    "subject",
                    f"refers to unknown id '{item.subject}' in entities.yaml",
                )
            )
        if not item.secondary_source_ja:
            problems.append(
                Problem(
                    label,
                    item.id,
                    "secondary_source_ja",
                    "has no Japanese text: add secondary_source_ja beside secondary_source",
                )
            )
        if item.seen > files.as_of + dt.timedelta(days=366):
            problems.append(
                Problem(label, item.id, "seen", f"{item.seen} is after the rule base's date")
            )
    return problems

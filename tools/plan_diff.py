"""What a rule-base change means for one saved plan.

`stamp(assessment)` records, when a plan is made, the rule-base version and a fingerprint of each
layer (trigger) and action in it. `diff_plan(stamp)` re-assesses the saved profile against
today's rule base and names every layer added or removed and every action added, removed or
rewritten, each with the changelog entries since the plan was made that touched it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from core.profile import UseCaseProfile
from knowledge.changes import Change, TouchedKind, changes_since
from knowledge.loader import RuleBase, load_rule_base
from knowledge.schema import text_in
from tools.assess import Assessment, assess

ItemKind = Literal["layer", "action"]
_TOUCHED: dict[ItemKind, TouchedKind] = {"layer": "triggers", "action": "actions"}


class Item(BaseModel):
    """One layer or action as the plan had it: a fingerprint of its rule-base entry."""

    model_config = ConfigDict(frozen=True)

    title: str
    fingerprint: str
    titles: dict[str, str] = Field(default_factory=dict)
    """The entry's title by language ('en', 'ja'), for when today's rule base no longer has it
    (stamps saved before this was recorded have none)."""


class PlanStamp(BaseModel):
    """The rule base a plan was assessed against, and what the plan held then."""

    model_config = ConfigDict(frozen=True)

    version: str = Field(description="RuleBase.version: as-of date and corpus hash prefix.")
    as_of: dt.date
    assessed_on: dt.date = Field(description="The day the plan was made.")
    profile: UseCaseProfile
    layers: dict[str, Item] = Field(description="Trigger id → item.")
    actions: dict[str, Item] = Field(description="Checklist action id → item.")


class ItemChange(BaseModel):
    """A layer or action that is new, gone or rewritten, with the changelog's reasons."""

    kind: ItemKind
    change: Literal["added", "removed", "changed"]
    id: str
    title: str
    titles: dict[str, str] = Field(default_factory=dict)
    """As Item.titles: the titles the plan recorded, by language."""
    reasons: list[Change] = Field(default_factory=list)


class PlanDiff(BaseModel):
    saved: PlanStamp
    version: str
    as_of: dt.date
    changes: list[ItemChange]


def _fingerprint(entry: BaseModel) -> str:
    return hashlib.sha256(entry.model_dump_json().encode()).hexdigest()[:12]


def _item(title: str, entry: BaseModel) -> Item:
    titles = {lang: text_in(entry, "title", lang) for lang in ("en", "ja")}
    return Item(title=title, fingerprint=_fingerprint(entry), titles=titles)


def _items(assessment: Assessment, rule_base: RuleBase) -> dict[ItemKind, dict[str, Item]]:
    return {
        "layer": {t.id: _item(t.title, rule_base.triggers[t.id]) for t in assessment.triggers},
        "action": {a.id: _item(a.title, rule_base.checklist[a.id]) for a in assessment.checklist},
    }


def stamp(assessment: Assessment, today: dt.date | None = None) -> PlanStamp:
    """The stamp to save with a plan just assessed against the packaged rule base."""
    rule_base = load_rule_base()
    items = _items(assessment, rule_base)
    return PlanStamp(
        version=rule_base.version,
        as_of=rule_base.meta.as_of,
        assessed_on=today or dt.date.today(),
        profile=assessment.profile,
        layers=items["layer"],
        actions=items["action"],
    )


def _compare(kind: ItemKind, old: dict[str, Item], new: dict[str, Item]) -> list[ItemChange]:
    out = [
        ItemChange(kind=kind, change="added", id=i, title=new[i].title) for i in new if i not in old
    ]
    out += [
        ItemChange(kind=kind, change="removed", id=i, title=o.title, titles=o.titles)
        for i, o in old.items()
        if i not in new
    ]
    out += [
        ItemChange(kind=kind, change="changed", id=i, title=new[i].title)
        for i, o in old.items()
        if i in new and new[i].fingerprint != o.fingerprint
    ]  # fmt: skip
    return out


def diff_plan(saved: PlanStamp) -> PlanDiff:
    """Re-assess the saved profile against today's rule base; what changed for this plan."""
    rule_base = load_rule_base()
    changes: list[ItemChange] = []
    if saved.version != rule_base.version:
        now = _items(assess(saved.profile), rule_base)
        log = changes_since(saved.assessed_on)
        pairs: tuple[tuple[ItemKind, dict[str, Item]], ...] = (
            ("layer", saved.layers),
            ("action", saved.actions),
        )
        for kind, old in pairs:
            for item in _compare(kind, old, now[kind]):
                item.reasons = [c for c in log if c.touches(_TOUCHED[kind], item.id)]
                changes.append(item)
    return PlanDiff(
        saved=saved, version=rule_base.version, as_of=rule_base.meta.as_of, changes=changes
    )

"""assess: roles, triggers and checklist for one profile, with caveats, as one Assessment.

`lang` ('en' or 'ja') words every text of it; ids, keys, dates and statuses stay the same, so a
Japanese plan's JSON has the English plan's keys and its progress round-trips.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from core.profile import UseCaseProfile
from knowledge.defaults import derived
from knowledge.loader import DATA_DIR, load_entries, load_rule_base
from knowledge.schema import Lang
from knowledge.schema.rules import Caveat
from tools.assumptions import Assumption, assumptions
from tools.checklist import ChecklistItem, checklist_for
from tools.progress import ActionProgress
from tools.roles import RoleResult, classify_roles
from tools.start_here import StartHere, start_here
from tools.triggers import TriggerResult, lookup_triggers

CAVEATS_FILE = DATA_DIR / "caveats.yaml"


class Assessment(BaseModel):
    """The whole result; its JSON dump is the documented output of `shirube assess`."""

    profile: UseCaseProfile
    lang: Lang = Field(default="en", description="The language every text is written in.")
    roles: list[RoleResult]
    triggers: list[TriggerResult]
    checklist: list[ChecklistItem]
    start_here: list[StartHere] = Field(
        default_factory=list, description="The few actions to do first, ranked by data."
    )
    to_confirm: list[Assumption] = Field(
        default_factory=list, description="'Not sure' answers: what was assumed, what changes."
    )
    progress: dict[str, ActionProgress] = Field(
        default_factory=dict, description="Status, owner, due date and evidence by action id."
    )
    caveats: list[Caveat]
    rule_base_as_of: dt.date
    rule_base_version: str = Field(
        default="", description="RuleBase.version: as-of date and corpus hash prefix."
    )


@derived
def caveats() -> tuple[Caveat, ...]:
    return tuple(load_entries(CAVEATS_FILE, Caveat))


def _lead_with(checklist: list[ChecklistItem], top: list[StartHere]) -> list[ChecklistItem]:
    """Within each timing, the start-here actions first and in their rank, so the table's
    numbering agrees with "start here"; the rest keep their order (sorted() is stable)."""
    rank = {item.id: place for place, item in enumerate(top)}
    timings = list(dict.fromkeys(item.timing for item in checklist))
    return sorted(
        checklist,
        key=lambda item: (timings.index(item.timing), rank.get(item.id, len(rank))),
    )


def assess(profile: UseCaseProfile, lang: Lang = "en") -> Assessment:
    """Classify roles, look up triggers and build the checklist for `profile`, in `lang`."""
    roles = classify_roles(profile, lang)
    triggers = lookup_triggers(profile, lang)
    checklist = checklist_for(roles, triggers, profile, lang)
    top = start_here(checklist, triggers, lang)
    return Assessment(
        profile=profile,
        lang=lang,
        roles=roles,
        triggers=triggers,
        checklist=_lead_with(checklist, top),
        start_here=top,
        to_confirm=assumptions(profile, lang),
        caveats=[caveat.in_lang(lang) for caveat in caveats()],
        rule_base_as_of=load_rule_base().meta.as_of,
        rule_base_version=load_rule_base().version,
    )


def in_language(assessment: Assessment, lang: Lang) -> Assessment:
    """The same plan, progress kept, with every text in `lang` (a saved plan shown in Japanese)."""
    if assessment.lang == lang:
        return assessment
    return assess(assessment.profile, lang).model_copy(update={"progress": assessment.progress})

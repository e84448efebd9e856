"""build_checklist: the governance actions for a profile's roles and triggers (checklist.yaml).

Each action is worded for the roles held (its first matching variant), owned by the title its
owner kind has for the team size (owners.yaml) and dated from the launch date (plan_rules.yaml).
`lang` ('en' or 'ja') picks the texts: every action, variant, owner and label has both.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel

from core.profile import UseCaseProfile
from knowledge.loader import load_rule_base
from knowledge.plan_rules import owner_kinds, plan_rules
from knowledge.schema import (
    ChecklistAction,
    Citation,
    Phase,
    Priority,
    Timing,
    load_labels,
    text_in,
)
from tools.roles import RoleResult, classify_roles
from tools.triggers import TriggerResult, lookup_triggers

TIMING_ORDER = {timing: rank for rank, timing in enumerate(Timing)}
PHASE_ORDER = {phase: rank for rank, phase in enumerate(Phase)}
# The old three-level priority, kept for readers of `priority`: it follows the timing.
PRIORITY_OF = {
    Timing.before_launch: Priority.high,
    Timing.within_90_days: Priority.medium,
    Timing.ongoing: Priority.low,
}


class ChecklistItem(BaseModel):
    """One governance action in the plan, with the roles or triggers that brought it in."""

    id: str
    title: str
    text: str
    why: list[str]
    owner: str
    owner_kind: str
    timing: Timing
    timing_label: str
    due: dt.date | None = None
    priority: Priority
    phase: Phase
    harm: str
    roles: list[str]
    triggers: list[str]
    principles: list[str]
    official_refs: list[str]
    citations: list[Citation]


def wording(
    action: ChecklistAction, roles: set[str], triggers: set[str], lang: str = "en"
) -> tuple[str, str]:
    """(title, text) of `action` for these role and trigger ids, in `lang` ('en' or 'ja')."""
    for variant in action.variants:
        if set(variant.roles) <= roles and set(variant.triggers) <= triggers:
            return variant.title_for(lang), variant.text_for(lang)
    return action.title_for(lang), action.text_for(lang)


def due_date(timing: Timing, launch: dt.date | None) -> dt.date | None:
    """The launch date moved by the timing's offset (None without a launch date)."""
    if launch is None:
        return None
    return launch + dt.timedelta(days=plan_rules().timing(timing).offset_days)


def checklist_for(
    roles: list[RoleResult],
    triggers: list[TriggerResult],
    profile: UseCaseProfile | None = None,
    lang: str = "en",
) -> list[ChecklistItem]:
    """The actions that apply to these roles and triggers, sorted by timing then phase, with
    every text in `lang` ('en' or 'ja')."""
    rb = load_rule_base()
    # Names from the rule base, so the why lines are in `lang` whatever language the results are.
    role_names = {r.id: text_in(rb.roles[r.id], "name", lang) for r in roles if r.id in rb.roles}
    trigger_titles = {
        t.id: text_in(rb.triggers[t.id], "title", lang) for t in triggers if t.id in rb.triggers
    }
    said = load_labels().text(lang)
    team = profile.team_size if profile else None
    launch = profile.launch_date if profile else None
    owners = owner_kinds()
    items: dict[str, ChecklistItem] = {}
    for action in rb.checklist.values():
        if action.only_for_roles and not set(action.only_for_roles) & set(role_names):
            continue
        by_role = [r for r in action.applies_to_roles if r in role_names]
        by_trigger = [t for t in action.applies_to_triggers if t in trigger_titles]
        why = [said.your_role.format(role=role_names[r]) for r in by_role]
        why += [said.engaged.format(layer=trigger_titles[t]) for t in by_trigger]
        if not why or action.id in items:
            continue
        title, text = wording(action, set(role_names), set(trigger_titles), lang)
        items[action.id] = ChecklistItem(
            id=action.id,
            title=title,
            text=text,
            why=why,
            owner=owners[action.owner].title(team, lang),
            owner_kind=action.owner,
            timing=action.timing,
            timing_label=plan_rules().timing(action.timing).label_for(lang),
            due=due_date(action.timing, launch),
            priority=PRIORITY_OF[action.timing],
            phase=action.phase,
            harm=action.harm,
            roles=by_role,
            triggers=by_trigger,
            principles=list(action.principles),
            official_refs=list(action.official_refs),
            citations=list(action.citations),
        )
    # sorted() is stable, so actions keep their checklist.yaml order within a timing and phase.
    return sorted(
        items.values(), key=lambda item: (TIMING_ORDER[item.timing], PHASE_ORDER[item.phase])
    )


def build_checklist(profile: UseCaseProfile, lang: str = "en") -> list[ChecklistItem]:
    """The governance actions for `profile`, de-duplicated and ordered by timing and phase,
    worded in `lang` ('en' or 'ja': titles, texts, owners, timing labels and why lines)."""
    return checklist_for(classify_roles(profile), lookup_triggers(profile), profile, lang)

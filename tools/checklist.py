"""build_checklist: the governance actions for a profile's roles and triggers (checklist.yaml)."""

from __future__ import annotations

from pydantic import BaseModel

from core.profile import UseCaseProfile
from knowledge.loader import load_rule_base
from knowledge.schema import Citation, Phase, Priority
from tools.roles import RoleResult, classify_roles
from tools.triggers import TriggerResult, lookup_triggers

PRIORITY_ORDER = {priority: rank for rank, priority in enumerate(Priority)}
PHASE_ORDER = {phase: rank for rank, phase in enumerate(Phase)}


class ChecklistItem(BaseModel):
    """One governance action in the plan, with the roles or triggers that brought it in."""

    id: str
    title: str
    text: str
    why: list[str]
    owner: str
    priority: Priority
    phase: Phase
    principles: list[str]
    official_refs: list[str]
    citations: list[Citation]


def checklist_for(roles: list[RoleResult], triggers: list[TriggerResult]) -> list[ChecklistItem]:
    """The actions that apply to these roles and triggers, sorted by priority then phase."""
    role_names = {role.id: role.name for role in roles}
    trigger_titles = {trigger.id: trigger.title for trigger in triggers}
    items: dict[str, ChecklistItem] = {}
    for action in load_rule_base().checklist.values():
        why = [f"Your role: {role_names[r]}" for r in action.applies_to_roles if r in role_names]
        why += [
            f"Engaged: {trigger_titles[t]}"
            for t in action.applies_to_triggers
            if t in trigger_titles
        ]
        if not why or action.id in items:
            continue
        items[action.id] = ChecklistItem(
            id=action.id,
            title=action.title,
            text=action.text,
            why=why,
            owner=action.owner,
            priority=action.priority,
            phase=action.phase,
            principles=list(action.principles),
            official_refs=list(action.official_refs),
            citations=list(action.citations),
        )
    # sorted() is stable, so actions keep their checklist.yaml order within a priority and phase.
    return sorted(
        items.values(), key=lambda item: (PRIORITY_ORDER[item.priority], PHASE_ORDER[item.phase])
    )


def build_checklist(profile: UseCaseProfile) -> list[ChecklistItem]:
    """The governance actions for `profile`, de-duplicated and ordered by priority and phase."""
    return checklist_for(classify_roles(profile), lookup_triggers(profile))

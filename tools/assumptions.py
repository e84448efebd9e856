"""To confirm: each 'not sure' answer, what was assumed, and what changes if the answer is no.

The assumed (cautious) value keeps the triggers in the plan; the change is computed by assessing
the profile again with the other answer (questions.yaml `if_unsure.if_no`), never written by hand.
"""

from __future__ import annotations

from pydantic import BaseModel

from core.profile import UseCaseProfile
from knowledge.questions import load_questions
from tools.checklist import checklist_for
from tools.roles import classify_roles
from tools.triggers import lookup_triggers


class Assumption(BaseModel):
    """One answer the user was not sure of."""

    field: str
    label: str
    assumed: str
    if_no: str
    dropped_layers: list[str]
    dropped_actions: list[str]
    change: str


def _outcome(profile: UseCaseProfile) -> tuple[dict[str, str], dict[str, str]]:
    roles = classify_roles(profile)
    triggers = lookup_triggers(profile)
    actions = checklist_for(roles, triggers, profile)
    return {t.id: t.title for t in triggers}, {a.id: a.title for a in actions}


def _change(layers: list[str], actions: list[str], if_no: str) -> str:
    if not layers and not actions:
        return f"If the answer is {if_no}: nothing in this plan changes."
    parts = []
    if layers:
        parts.append(f"these layers no longer apply: {'; '.join(layers)}")
    if actions:
        parts.append(f"{len(actions)} action(s) drop: {'; '.join(actions)}")
    return f"If the answer is {if_no}: " + ", and ".join(parts) + "."


def assumptions(profile: UseCaseProfile) -> list[Assumption]:
    """The 'To confirm' list for `profile.unsure`, in question order."""
    if not profile.unsure:
        return []
    layers, actions = _outcome(profile)
    found: list[Assumption] = []
    for question in load_questions():
        if question.id not in profile.unsure:
            continue
        current = getattr(profile, question.id)
        rule = question.if_unsure
        other = rule.if_no if rule is not None else current
        other_profile = profile.model_copy(update={question.id: other})
        # model_copy skips validation: re-validate so a bad if_no fails loudly, not silently.
        other_profile = UseCaseProfile.model_validate(other_profile.model_dump())
        other_layers, other_actions = _outcome(other_profile)
        dropped_layers = [title for tid, title in layers.items() if tid not in other_layers]
        dropped_actions = [title for aid, title in actions.items() if aid not in other_actions]
        if_no = question.label_of(other)
        found.append(
            Assumption(
                field=question.id,
                label=question.label,
                assumed=question.label_of(current),
                if_no=if_no,
                dropped_layers=dropped_layers,
                dropped_actions=dropped_actions,
                change=_change(dropped_layers, dropped_actions, f"'{if_no}'"),
            )
        )
    return found

"""To confirm: each 'not sure' answer, what was assumed, and what changes if the answer is no.

The assumed (cautious) value keeps the triggers in the plan; the change is computed by assessing
the profile again with the other answer (questions.yaml `if_unsure.if_no`), never written by hand.
Every text is in the plan's language (`lang`, 'en' or 'ja'; wording in labels.yaml).
"""

from __future__ import annotations

from pydantic import BaseModel

from core.profile import UseCaseProfile
from knowledge.questions import load_questions
from knowledge.schema import Lang, load_labels
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


def _outcome(profile: UseCaseProfile, lang: Lang) -> tuple[dict[str, str], dict[str, str]]:
    roles = classify_roles(profile, lang)
    triggers = lookup_triggers(profile, lang)
    actions = checklist_for(roles, triggers, profile, lang)
    return {t.id: t.title for t in triggers}, {a.id: a.title for a in actions}


def _change(layers: list[str], actions: list[str], if_no: str, lang: Lang) -> str:
    said = load_labels().text(lang)
    if not layers and not actions:
        return said.if_no_nothing.format(if_no=if_no)
    parts = []
    if layers:
        parts.append(said.layers_dropped.format(layers=said.item_sep.join(layers)))
    if actions:
        listed = said.item_sep.join(actions)
        parts.append(said.actions_dropped.format(count=len(actions), actions=listed))
    return said.if_no.format(if_no=if_no, changes=said.and_.join(parts))


def assumptions(profile: UseCaseProfile, lang: Lang = "en") -> list[Assumption]:
    """The 'To confirm' list for `profile.unsure`, in question order."""
    if not profile.unsure:
        return []
    layers, actions = _outcome(profile, lang)
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
        other_layers, other_actions = _outcome(other_profile, lang)
        dropped_layers = [title for tid, title in layers.items() if tid not in other_layers]
        dropped_actions = [title for aid, title in actions.items() if aid not in other_actions]
        if_no = question.label_of(other, lang)
        found.append(
            Assumption(
                field=question.id,
                label=question.label_in(lang),
                assumed=question.label_of(current, lang),
                if_no=if_no,
                dropped_layers=dropped_layers,
                dropped_actions=dropped_actions,
                change=_change(dropped_layers, dropped_actions, if_no, lang),
            )
        )
    return found

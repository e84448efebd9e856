"""lookup_triggers: which instruments and bodies of law a use case engages (triggers.yaml)."""

from __future__ import annotations

from pydantic import BaseModel

from core import conditions
from core.profile import UseCaseProfile
from knowledge.defaults import derived
from knowledge.loader import load_rule_base
from knowledge.questions import describe_answer
from knowledge.schema import Citation, Lang, LegalForce, Trigger, load_labels, text_in


class TriggerResult(BaseModel):
    """An engaged layer of the regime: what it is, how binding, who supervises, why, what to do."""

    id: str
    title: str
    layer: str
    legal_force: LegalForce
    legal_force_label: str
    regulators: list[str]
    regulator_names: list[str]
    why: str
    answers: list[str]
    in_practice: str
    citations: list[Citation]


@derived  # checked against the rule base: rebuilt when it is swapped
def checked_triggers() -> tuple[Trigger, ...]:
    """The triggers with every condition validated (an error names the trigger id)."""
    triggers = tuple(load_rule_base().triggers.values())
    for trigger in triggers:
        conditions.validate(trigger.when, f"triggers.yaml: trigger '{trigger.id}'")
    return triggers


def _regulator_name(regulator_id: str, lang: Lang) -> str:
    institution = load_rule_base().institutions.get(regulator_id)
    if institution is None:
        return regulator_id
    return institution.name_ja if lang == "ja" else institution.name_en


def lookup_triggers(profile: UseCaseProfile, lang: Lang = "en") -> list[TriggerResult]:
    """Every trigger whose condition holds for `profile`, in the order of triggers.yaml, with
    its texts in `lang` (ids, layers and legal forces are the same in both)."""
    results: list[TriggerResult] = []
    for trigger in checked_triggers():
        if not conditions.evaluate(trigger.when, profile):
            continue
        results.append(
            TriggerResult(
                id=trigger.id,
                title=text_in(trigger, "title", lang),
                layer=trigger.layer,
                legal_force=trigger.legal_force,
                legal_force_label=load_labels().force_label(trigger.legal_force, lang),
                regulators=list(trigger.regulators),
                regulator_names=[_regulator_name(r, lang) for r in trigger.regulators],
                why=text_in(trigger, "why", lang),
                answers=conditions.explain(
                    trigger.when, profile, lambda p, field: describe_answer(p, field, lang)
                ),
                in_practice=text_in(trigger, "in_practice", lang),
                citations=list(trigger.citations),
            )
        )
    return results

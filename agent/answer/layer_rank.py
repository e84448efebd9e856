"""Which engaged layers a use-case answer states, and which it only names.

A use case engages six to eight layers; an answer that details every one cites sources the
question never touched. Each layer is ranked by data alone, nothing per case:

- force: the weight of its legal force in plan_rules.yaml (the weights "Start here" ranks the
  plan's actions by), so binding hard law comes first;
- named: entities the question names that name the layer: an instrument it cites, a body that
  supervises it, or a value its condition tests (a sector); the question names an entity when
  the linker finds it or when a value read from its words is one ("hospital" → health);
- read: the profile fields read from the question's words that its condition tests (a layer
  that holds for every use, `always`, reads none: it frames every answer alike);
- role: of those fields, the ones that put the organisation in a role (role_rules.yaml).

The answer states the layers the question names, the binding layers its own words engage
(read; weighed as binding hard law or more) and, for each field the words set beyond a role, the
first-ranked layer that reads it; where that is none, only the first-ranked layer the words
engage. It names the rest on one line.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, Field

from core import conditions
from core.conditions import COMBINATORS
from core.profile import UseCaseProfile
from knowledge.loader import RuleBase
from knowledge.plan_rules import plan_rules
from knowledge.schema import LegalForce, Trigger
from tools.roles import role_rules
from tools.triggers import TriggerResult

# The enum's order breaks ties between forces of equal weight: binding law before guidance.
FORCE_ORDER = list(LegalForce)


class RankedLayer(BaseModel):
    """One engaged layer with the data that ranks it (`shirube ask --explain` prints these)."""

    id: str
    legal_force: LegalForce
    force_weight: int = Field(description="plan_rules.yaml force_weights for its legal force.")
    named: list[str] = Field(description="Entities in the question that name the layer.")
    read: list[str] = Field(description="Fields read from the question that its condition tests.")
    role: list[str] = Field(description="Of those, the fields that put the user in a role.")
    stated: bool = Field(description="True: the answer details it; False: named on one line.")

    @property
    def key(self) -> tuple[int, int, bool, bool, int]:
        """Sort key, lowest first: heavier force, binding before guidance, touched, role."""
        return (*force_rank(self.legal_force), not self.named, not self.read, -len(self.role))


def force_rank(force: LegalForce) -> tuple[int, int]:
    """Sort key of a legal force, lowest first: its plan_rules.yaml weight, then the enum."""
    return (-plan_rules().force_weights.get(force, 0), FORCE_ORDER.index(force))


def condition_fields(condition: object) -> set[str]:
    """The profile fields a condition reads."""
    if isinstance(condition, dict):
        return {k for k in condition if k not in COMBINATORS} | {
            f for v in condition.values() for f in condition_fields(v)
        }
    if isinstance(condition, list):
        return {f for v in condition for f in condition_fields(v)}
    return set()


def condition_values(condition: object) -> set[str]:
    """The text values a condition tests ('employment' in {sectors: [employment]})."""
    if isinstance(condition, dict):
        return {v for value in condition.values() for v in condition_values(value)}
    if isinstance(condition, list):
        return {v for value in condition for v in condition_values(value)}
    return {condition} if isinstance(condition, str) else set()


def layer_names(trigger: Trigger, rule_base: RuleBase) -> set[str]:
    """The entity ids that name a layer: its instruments, its supervisors, its sectors."""
    sources = {c.source for c in trigger.citations}
    instruments = {e.id for e in rule_base.entities.values() if e.source in sources}
    named = instruments | set(trigger.regulators) | condition_values(trigger.when)
    return named & set(rule_base.entities)


def role_fields(profile: UseCaseProfile) -> set[str]:
    """The fields behind the roles the profile holds (builds_models for a developer…)."""
    return {
        f
        for rule in role_rules()
        if conditions.evaluate(rule.when, profile)
        for f in condition_fields(rule.when)
    }


def rank_layers(
    layers: Iterable[TriggerResult],
    profile: UseCaseProfile,
    read_fields: Iterable[str],
    linked: Iterable[str],
    rule_base: RuleBase,
) -> list[RankedLayer]:
    """The engaged layers, most binding and most touched first, each marked stated or not."""
    weights = plan_rules().force_weights
    read, roles = set(read_fields), role_fields(profile)
    values = condition_values({f: getattr(profile, f) for f in read})
    asked = set(linked) | (values & set(rule_base.entities))
    ranked: list[RankedLayer] = []
    for layer in layers:
        trigger = rule_base.triggers[layer.id]
        tested = condition_fields(trigger.when) & read
        ranked.append(
            RankedLayer(
                id=layer.id,
                legal_force=layer.legal_force,
                force_weight=weights.get(layer.legal_force, 0),
                named=sorted(layer_names(trigger, rule_base) & asked),
                read=sorted(tested),
                role=sorted(tested & roles),
                stated=False,
            )
        )
    ranked.sort(key=lambda r: r.key)  # stable: triggers.yaml order breaks the last ties
    own = [r for r in ranked if r.read]
    binding = weights.get(LegalForce.binding_hard_law, 0)
    # Every binding layer the words engage, and for each thing the words say beyond a role
    # ("ranks candidates", "consumers") the most binding layer that reads it: what the question
    # says is answered even where only guidance speaks to it. Where that is nothing, only the
    # first of the layers the words engage (the role's).
    chosen = {r.id for r in own if r.force_weight >= binding}
    for said in sorted({f for r in own for f in r.read if f not in r.role}):
        chosen.add(next(r.id for r in own if said in r.read))
    chosen = chosen or {r.id for r in own[:1]}
    for r in ranked:
        r.stated = bool(r.named) or r.id in chosen
    if ranked and not any(r.stated for r in ranked):
        ranked[0].stated = True  # nothing touched: the most binding layer still answers
    return ranked

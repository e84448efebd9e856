"""How a plan is ranked, dated and staffed: plan_rules.yaml and owners.yaml, validated.

Checked against checklist.yaml so an action naming an unknown harm or owner kind is an error
that names the file and the action.
"""

from __future__ import annotations

from pydantic import Field

from knowledge.defaults import derived
from knowledge.loader import (
    DATA_DIR,
    Problem,
    RuleBaseError,
    load_entries,
    load_rule_base,
    read_yaml,
)
from knowledge.schema import Id, LegalForce, Strict, Timing, text_in

PLAN_RULES_FILE = DATA_DIR / "plan_rules.yaml"
OWNERS_FILE = DATA_DIR / "owners.yaml"


class TimingRule(Strict):
    id: Timing
    label: str
    label_ja: str | None = Field(default=None, description="The label in Japanese (kb check).")
    offset_days: int = Field(description="Days from the launch date; negative: before launch.")

    def label_for(self, lang: str) -> str:
        return text_in(self, "label", lang)


class Harm(Strict):
    id: Id
    label: str
    label_ja: str | None = Field(default=None, description="The label in Japanese (kb check).")
    weight: int = Field(ge=0)

    def label_for(self, lang: str) -> str:
        return text_in(self, "label", lang)


class PlanRules(Strict):
    """plan_rules.yaml: the weights behind 'Start here' and the due-date offsets."""

    start_here_max: int = Field(ge=1)
    launch_weight: int = Field(ge=0)
    role_weight: int = Field(ge=0)
    force_weights: dict[LegalForce, int]
    timings: list[TimingRule]
    harms: list[Harm]

    def timing(self, timing: Timing) -> TimingRule:
        return next(t for t in self.timings if t.id == timing)

    def harm(self, harm_id: str) -> Harm:
        return next(h for h in self.harms if h.id == harm_id)


class OwnerTitles(Strict):
    """One owner kind's title per team size (core.profile.TeamSize), in one language."""

    default: str
    solo: str
    startup: str
    sme: str
    enterprise: str
    public_body: str


class OwnerKind(OwnerTitles):
    """owners.yaml: the English titles, and `ja` the same titles in Japanese (kb check)."""

    id: Id
    ja: OwnerTitles | None = None

    def title(self, team_size: str | None, lang: str = "en") -> str:
        titles: OwnerTitles = self.ja if lang == "ja" and self.ja else self
        return str(getattr(titles, team_size)) if team_size else titles.default


@derived  # checked against the rule base: rebuilt when it is swapped
def plan_rules() -> PlanRules:
    rules = PlanRules.model_validate(read_yaml(PLAN_RULES_FILE))
    owners = owner_kinds()
    problems: list[Problem] = []
    harms = {h.id for h in rules.harms}
    timings = {t.id for t in rules.timings}
    for missing in set(Timing) - timings:
        problems.append(Problem("knowledge/data/plan_rules.yaml", "timings", missing, "missing"))
    for action in load_rule_base().checklist.values():
        if action.harm not in harms:
            problems.append(Problem("knowledge/data/checklist.yaml", action.id, "harm", "unknown"))
        if action.owner not in owners:
            problems.append(Problem("knowledge/data/checklist.yaml", action.id, "owner", "unknown"))
    if problems:
        raise RuleBaseError(problems)
    return rules


@derived
def owner_kinds() -> dict[str, OwnerKind]:
    return {o.id: o for o in load_entries(OWNERS_FILE, OwnerKind)}

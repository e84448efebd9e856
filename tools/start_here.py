"""Start here: the few actions that matter most for this use case, ranked by data.

The score (plan_rules.yaml) adds the strongest legal force among the triggers that brought the
action in, a weight when it must be done before launch, and the weight of the harm it addresses.
The why line is written in the checklist's language (`lang`, 'en' or 'ja').
"""

from __future__ import annotations

from pydantic import BaseModel

from knowledge.loader import load_rule_base
from knowledge.plan_rules import plan_rules
from knowledge.schema import Timing, load_labels, text_in
from tools.checklist import ChecklistItem
from tools.triggers import TriggerResult


class StartHere(BaseModel):
    """One of the top actions, with its score and one line of why."""

    id: str
    title: str
    owner: str
    timing_label: str
    score: int
    why: str


def _strongest(item: ChecklistItem, triggers: dict[str, TriggerResult]) -> TriggerResult | None:
    weights = plan_rules().force_weights
    # Reversed: among equally binding triggers the later, more specific one names the reason.
    engaged = [triggers[t] for t in reversed(item.triggers) if t in triggers]
    return max(engaged, key=lambda t: weights.get(t.legal_force, 0), default=None)


def score(item: ChecklistItem, triggers: dict[str, TriggerResult]) -> int:
    """How much this action matters for this use case (higher first)."""
    rules = plan_rules()
    strongest = _strongest(item, triggers)
    force = rules.force_weights.get(strongest.legal_force, 0) if strongest else rules.role_weight
    launch = rules.launch_weight if item.timing == Timing.before_launch else 0
    return force + launch + rules.harm(item.harm).weight


def _why(item: ChecklistItem, triggers: dict[str, TriggerResult], lang: str) -> str:
    strongest = _strongest(item, triggers)
    labels = load_labels()
    said = labels.text(lang)
    if strongest:
        rule = load_rule_base().triggers.get(strongest.id)
        title = text_in(rule, "title", lang) if rule else strongest.title
        force = labels.force_label(strongest.legal_force, lang)
        basis = said.basis.format(title=title, force=force)
    else:
        basis = said.item_sep.join(item.why)
    harm = plan_rules().harm(item.harm).label_for(lang)
    return said.start_why.format(timing=item.timing_label, harm=harm, basis=basis)


def start_here(
    checklist: list[ChecklistItem], triggers: list[TriggerResult], lang: str = "en"
) -> list[StartHere]:
    """The top actions by score (ties keep the checklist's order); `lang` words the why line
    (the titles, owners and timing come from `checklist`, built in the same language)."""
    by_id = {t.id: t for t in triggers}
    ranked = sorted(checklist, key=lambda item: -score(item, by_id))
    top = ranked[: plan_rules().start_here_max]
    return [
        StartHere(
            id=item.id,
            title=item.title,
            owner=item.owner,
            timing_label=item.timing_label,
            score=score(item, by_id),
            why=_why(item, by_id, lang),
        )
        for item in top
    ]

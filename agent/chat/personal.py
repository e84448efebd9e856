"""Personalised answers: questions about "us" answered from tools.assess on the linked profile.

Every sentence comes from the assessment (roles, triggers, checklist) or the rule base entries
behind it, each with numbered citations, and names the profile answers that led there.
"""

from __future__ import annotations

from collections.abc import Callable

from agent.chat.intents import chat_intents
from agent.state import AnswerCitation
from core import conditions
from knowledge.loader import load_rule_base
from knowledge.questions import describe_answer
from knowledge.schema import LEGAL_FORCE_LABELS, Citation
from tools.assess import Assessment
from tools.roles import role_rules


class Cites:
    """Numbers citations as they are used, one number per (source, section)."""

    def __init__(self) -> None:
        self.items: list[AnswerCitation] = []
        self._index: dict[tuple[str, str | None], int] = {}

    def marks(self, citations: list[Citation], excerpt: str) -> str:
        sources = load_rule_base().sources
        numbers: list[int] = []
        for cite in citations:
            key = (cite.source, cite.section)
            if key not in self._index and cite.source in sources:
                self.items.append(
                    AnswerCitation.from_source(sources[cite.source], cite.section, excerpt)
                )
                self._index[key] = len(self.items)
            if key in self._index and self._index[key] not in numbers:
                numbers.append(self._index[key])
        return " ".join(f"[{n}]" for n in numbers)


class Personal:
    """A personalised answer: Markdown, its citations and the profile answers it rests on."""

    def __init__(self, text: str, citations: list[AnswerCitation], answers: list[str]) -> None:
        self.text = text
        self.citations = citations
        self.profile_answers = list(dict.fromkeys(answers))


def _name(assessment: Assessment) -> str:
    profile = assessment.profile
    return profile.name or profile.description[:60] or "your use case"


def _because(answers: list[str]) -> str:
    unique = list(dict.fromkeys(answers))
    return f" _(from your answers: {'; '.join(unique)})_" if unique else ""


def rules_apply(assessment: Assessment) -> Personal:
    cites, used = Cites(), []
    lines = [f"For **{_name(assessment)}**, the assessment of your profile finds:", "", "**Roles**"]
    for role in assessment.roles:
        used += role.why
        marks = cites.marks(role.citations, role.definition)
        lines.append(f"- {role.name}: {role.definition} {marks}{_because(role.why)}")
    if not assessment.roles:
        lines.append("- None of the defined roles applies on your current answers.")
    lines += ["", "**Rules engaged**"]
    for trig in assessment.triggers:
        used += trig.answers
        marks = cites.marks(trig.citations, trig.why)
        lines.append(
            f"- {trig.title} ({trig.legal_force_label}): {trig.why} {marks}{_because(trig.answers)}"
        )
    return Personal("\n".join(lines), cites.items, used)


def first_steps(assessment: Assessment) -> Personal:
    """The plan's 'Start here' actions, ranked by data for this use case, with why and who."""
    items = {item.id: item for item in assessment.checklist}
    cites, used = Cites(), []
    for trig in assessment.triggers:
        used += trig.answers
    lines = [f"For **{_name(assessment)}**, start with these actions (most important first):"]
    for number, top in enumerate(assessment.start_here, 1):
        item = items[top.id]
        marks = cites.marks(item.citations, item.text)
        when = f"due {item.due}" if item.due else top.timing_label.lower()
        lines.append(f"{number}. **{top.title}** (owner: {top.owner}, {when}) {marks}: {top.why}")
    lines.append("Type /plan for the full checklist.")
    for role in assessment.roles:
        used += role.why
    return Personal("\n".join(lines), cites.items, used)


def caio(assessment: Assessment) -> Personal:
    data = chat_intents().data
    rb = load_rule_base()
    action = rb.checklist[data.caio_action]
    cites = Cites()
    item = next((i for i in assessment.checklist if i.id == action.id), None)
    if item is not None:
        why = [w for r in assessment.roles if r.id in action.applies_to_roles for w in r.why]
        why += [
            w for t in assessment.triggers if t.id in action.applies_to_triggers for w in t.answers
        ]
        marks = cites.marks(item.citations, item.text)
        text = f"Yes. {item.title}: {item.text} {marks}{_because(why)}"
        return Personal(text, cites.items, why)
    given_by = [rb.roles[r].name for r in action.applies_to_roles if r in rb.roles]
    given_by += [rb.triggers[t].title for t in action.applies_to_triggers if t in rb.triggers]
    why = [
        w
        for rule in role_rules()
        if rule.role in action.applies_to_roles
        for w in conditions.explain({"not": rule.when}, assessment.profile, describe_answer)
    ]
    why += [
        w
        for t in action.applies_to_triggers
        if t in rb.triggers
        for w in conditions.explain(
            {"not": rb.triggers[t].when}, assessment.profile, describe_answer
        )
    ]
    marks = cites.marks(list(action.citations), action.text)
    text = (
        f"No. The plan for **{_name(assessment)}** does not include '{action.title}': that "
        f"action comes only with: {'; '.join(given_by)}. The assessment of your profile engages "
        f"none of these. {marks}{_because(why)}"
    )
    return Personal(text, cites.items, why)


def ppc_warning(assessment: Assessment) -> Personal:
    data = chat_intents().data
    cites = Cites()
    engaged = [
        t for t in assessment.triggers if any(c.source == data.ppc_source for c in t.citations)
    ]
    if engaged:
        lines = [f"Yes. For **{_name(assessment)}** the PPC alert is engaged:"]
        used: list[str] = []
        for trig in engaged:
            used += trig.answers
            marks = cites.marks(trig.citations, trig.in_practice)
            lines.append(f"- {trig.title}: {trig.in_practice} {marks}{_because(trig.answers)}")
        return Personal("\n".join(lines), cites.items, used)
    rb = load_rule_base()
    related = [
        t for t in rb.triggers.values() if any(c.source == data.ppc_source for c in t.citations)
    ]
    why = [
        w
        for t in related
        for w in conditions.explain({"not": t.when}, assessment.profile, describe_answer)
    ]
    titles = "; ".join(t.title for t in related)
    excerpt = related[0].why if related else ""
    marks = cites.marks([c for t in related for c in t.citations], excerpt)
    force = LEGAL_FORCE_LABELS[rb.sources[data.ppc_source].legal_force]
    text = (
        f"Not on your current answers. The assessment of **{_name(assessment)}** engages none of "
        f"the rules tied to the PPC alert ({titles}; the alert itself: {force}). {marks}"
        f"{_because(why)} If personal data will go into the AI, change that answer with "
        "/interview and ask again."
    )
    return Personal(text, cites.items, why)


ANSWERS: dict[str, Callable[[Assessment], Personal]] = {
    "rules_apply": rules_apply,
    "first_steps": first_steps,
    "caio": caio,
    "ppc_warning": ppc_warning,
}


def answer(intent: str, assessment: Assessment) -> Personal:
    return ANSWERS[intent](assessment)

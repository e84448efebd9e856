"""Personalised answers: questions about "us" answered from tools.assess on the linked profile.

Every sentence comes from the assessment (roles, triggers, checklist) or the rule base entries
behind it, each with numbered citations, and names the profile answers that led there. The
wording is data (knowledge/data/personal_answers.yaml); the functions are generic: whether the
plan includes an action, whether the rules tied to a source are engaged. An answer is written in
the assessment's language: the rule base's texts, the wording and the citations alike.
"""

from __future__ import annotations

import datetime as dt
import re

from agent.answer.force import force_label
from agent.answer.lang import date_text
from agent.chat.intents import chat_intents
from agent.chat.personal_words import personal_words
from agent.state import AnswerCitation
from core import conditions
from core.profile import UseCaseProfile
from knowledge.loader import load_rule_base
from knowledge.questions import describe_answer
from knowledge.schema import Citation
from knowledge.schema.base import Lang, text_in
from knowledge.schema.chat import PersonalWording
from tools.assess import Assessment
from tools.roles import role_rules

INTERVIEW = re.compile(r"interview (\w+)")  # a profile source a chat /interview built


class Cites:
    """Numbers citations as they are used, one number per (source, section)."""

    def __init__(self, lang: Lang = "en") -> None:
        self.lang = lang
        self.items: list[AnswerCitation] = []
        self._index: dict[tuple[str, str | None], int] = {}

    def marks(self, citations: list[Citation], excerpt: str) -> str:
        sources = load_rule_base().sources
        numbers: list[int] = []
        for cite in citations:
            key = (cite.source, cite.section)
            if key not in self._index and cite.source in sources:
                self.items.append(
                    AnswerCitation.from_source(
                        sources[cite.source], cite.section, excerpt, self.lang
                    )
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


def wording(assessment: Assessment) -> PersonalWording:
    """The wording in the assessment's language (the question's or the thread's)."""
    return personal_words().in_lang(assessment.lang)


def notice(source: str, lang: Lang) -> str:
    """The line under a personalised answer: where the linked profile came from."""
    said = personal_words().in_lang(lang)
    # chat's /interview links its profile as 'interview ID' (agent/chat/commands.py).
    session = INTERVIEW.fullmatch(source)
    if session:
        source = said.interview.format(id=session[1])
    return said.notice.format(source=source)


def _name(assessment: Assessment) -> str:
    profile = assessment.profile
    return profile.name or profile.description[:60] or wording(assessment).your_use_case


def _because(answers: list[str], said: PersonalWording) -> str:
    unique = list(dict.fromkeys(answers))
    return said.because.format(answers=said.joiner.join(unique)) if unique else ""


def _due(date: dt.date, lang: Lang) -> str:
    return date_text(date, "ja") if lang == "ja" else str(date)


def _explain_not(when: dict[str, object], profile: UseCaseProfile, lang: Lang) -> list[str]:
    """The profile answers that keep `when` from holding, in `lang`."""
    return conditions.explain(
        {"not": when}, profile, lambda p, field: describe_answer(p, field, lang)
    )


def rules_apply(assessment: Assessment) -> Personal:
    words = wording(assessment)
    said = words.rules_apply
    cites, used = Cites(assessment.lang), []
    lines = [said.intro.format(name=_name(assessment)), "", said.roles_heading]
    for role in assessment.roles:
        used += role.why
        marks = cites.marks(role.citations, role.definition)
        lines.append(
            said.role.format(
                name=role.name,
                definition=role.definition,
                marks=marks,
                because=_because(role.why, words),
            )
        )
    if not assessment.roles:
        lines.append(said.no_role)
    lines += ["", said.rules_heading]
    for trig in assessment.triggers:
        used += trig.answers
        marks = cites.marks(trig.citations, trig.why)
        lines.append(
            said.rule.format(
                title=trig.title,
                force=trig.legal_force_label,
                why=trig.why,
                marks=marks,
                because=_because(trig.answers, words),
            )
        )
    return Personal("\n".join(lines), cites.items, used)


def first_steps(assessment: Assessment) -> Personal:
    """The plan's 'Start here' actions, ranked by data for this use case, with why and who."""
    said = wording(assessment).first_steps
    items = {item.id: item for item in assessment.checklist}
    cites, used = Cites(assessment.lang), []
    for trig in assessment.triggers:
        used += trig.answers
    lines = [said.intro.format(name=_name(assessment))]
    for number, top in enumerate(assessment.start_here, 1):
        item = items[top.id]
        marks = cites.marks(item.citations, item.text)
        when = (
            said.due.format(date=_due(item.due, assessment.lang))
            if item.due
            else top.timing_label.lower()
        )
        lines.append(
            said.item.format(
                number=number, title=top.title, owner=top.owner, when=when, marks=marks, why=top.why
            )
        )
    lines.append(said.closing)
    for role in assessment.roles:
        used += role.why
    return Personal("\n".join(lines), cites.items, used)


def action_in_plan(assessment: Assessment, action_id: str) -> Personal:
    """Does the plan include this checklist action? Yes with why, or no with what would."""
    words, lang = wording(assessment), assessment.lang
    said = words.action_in_plan
    rb = load_rule_base()
    action = rb.checklist[action_id]
    cites = Cites(lang)
    item = next((i for i in assessment.checklist if i.id == action.id), None)
    if item is not None:
        why = [w for r in assessment.roles if r.id in action.applies_to_roles for w in r.why]
        why += [
            w for t in assessment.triggers if t.id in action.applies_to_triggers for w in t.answers
        ]
        marks = cites.marks(item.citations, item.text)
        text = said.included.format(
            title=item.title, text=item.text, marks=marks, because=_because(why, words)
        )
        return Personal(text, cites.items, why)
    given_by = [
        text_in(rb.roles[r], "name", lang) for r in action.applies_to_roles if r in rb.roles
    ]
    given_by += [
        text_in(rb.triggers[t], "title", lang)
        for t in action.applies_to_triggers
        if t in rb.triggers
    ]
    profile = assessment.profile
    why = [
        w
        for rule in role_rules()
        if rule.role in action.applies_to_roles
        for w in _explain_not(rule.when, profile, lang)
    ]
    why += [
        w
        for t in action.applies_to_triggers
        if t in rb.triggers
        for w in _explain_not(rb.triggers[t].when, profile, lang)
    ]
    marks = cites.marks(list(action.citations), text_in(action, "text", lang))
    text = said.missing.format(
        name=_name(assessment),
        title=text_in(action, "title", lang),
        given_by=words.joiner.join(given_by),
        marks=marks,
        because=_because(why, words),
    )
    return Personal(text, cites.items, why)


def source_engaged(assessment: Assessment, source_id: str) -> Personal:
    """Are the rules that cite this source engaged? Yes with each, or no with what would."""
    words, lang = wording(assessment), assessment.lang
    said, named = words.source_engaged, words.sources[source_id]
    cites = Cites(lang)
    engaged = [t for t in assessment.triggers if any(c.source == source_id for c in t.citations)]
    if engaged:
        lines = [said.engaged.format(name=_name(assessment), source=named.name)]
        used: list[str] = []
        for trig in engaged:
            used += trig.answers
            marks = cites.marks(trig.citations, trig.in_practice)
            lines.append(
                said.item.format(
                    title=trig.title,
                    text=trig.in_practice,
                    marks=marks,
                    because=_because(trig.answers, words),
                )
            )
        return Personal("\n".join(lines), cites.items, used)
    rb = load_rule_base()
    related = [t for t in rb.triggers.values() if any(c.source == source_id for c in t.citations)]
    why = [w for t in related for w in _explain_not(t.when, assessment.profile, lang)]
    excerpt = text_in(related[0], "why", lang) if related else ""
    marks = cites.marks([c for t in related for c in t.citations], excerpt)
    text = said.not_engaged.format(
        name=_name(assessment),
        source=named.name,
        titles=words.joiner.join(text_in(t, "title", lang) for t in related),
        force=force_label(rb.sources[source_id].legal_force, lang),
        marks=marks,
        because=_because(why, words),
        hint=named.hint,
    )
    return Personal(text, cites.items, why)


def answer(intent: str, assessment: Assessment) -> Personal:
    """The intent's answer, of the kind chat_intents.yaml declares for it."""
    how = chat_intents().answers[intent]
    if how.kind == "action_in_plan" and how.action:
        return action_in_plan(assessment, how.action)
    if how.kind == "source_engaged" and how.source:
        return source_engaged(assessment, how.source)
    return first_steps(assessment) if how.kind == "first_steps" else rules_apply(assessment)

"""The use-case route: the deterministic tools on the profile read from the question."""

from __future__ import annotations

from agent.answer.citations import Citations
from agent.answer.force import force_label
from agent.answer.lang import templates as said_in
from agent.answer.query import Part, UseCase
from agent.answer.reader import Reader
from agent.answer.select import relevance
from core import conditions
from core.conditions import COMBINATORS
from core.profile import UseCaseProfile
from knowledge.questions import load_questions
from knowledge.schema import EntityKind, Facet, Fact, LegalForce, Trigger
from tools.checklist import build_checklist
from tools.start_here import start_here
from tools.triggers import TriggerResult, checked_triggers, lookup_triggers

TOP_ACTIONS = 3
WATCH_FACTS = 3
# What a use-case answer adds about the things named: what to do and whom it reaches.
WATCH_FACETS = (Facet.duty, Facet.how_to, Facet.scope, Facet.what, Facet.legal_force)
TOOLS_CALLED = ["classify_roles", "lookup_triggers", "build_checklist"]
# Binding law first: it is what the reader must not miss.
FORCE_ORDER = list(LegalForce)


def _fields(condition: object) -> set[str]:
    """The profile fields a trigger condition reads."""
    if isinstance(condition, dict):
        return {k for k in condition if k not in COMBINATORS} | {
            f for v in condition.values() for f in _fields(v)
        }
    if isinstance(condition, list):
        return {f for v in condition for f in _fields(v)}
    return set()


def one_answer_away(
    profile: UseCaseProfile, read: set[str], engaged: set[str]
) -> list[tuple[str, Trigger]]:
    """(question to ask, trigger) for binding layers that one more yes would engage, asked only
    as the interview's own follow-ups: questions whose `ask_if` reads a field the words of the
    question set ("personal data" → "could the inputs be used beyond the output?"). A layer that
    hangs on something the question never touched is the interview's job, not this answer's."""
    found: list[tuple[str, Trigger]] = []
    binding = [
        t
        for t in checked_triggers()
        if t.legal_force == LegalForce.binding_hard_law and t.id not in engaged
    ]
    for question in load_questions():
        if question.ask_if is None or not (_fields(question.ask_if) & read):
            continue
        field = question.id
        info = UseCaseProfile.model_fields.get(field)
        if info is None or info.annotation is not bool or getattr(profile, field):
            continue
        if not conditions.evaluate(question.ask_if, profile):
            continue
        yes = profile.model_copy(update={field: True})
        trigger = next((t for t in binding if conditions.evaluate(t.when, yes)), None)
        if trigger is not None:
            found.append((question.text_for(profile)[0], trigger))
    return found


def _watch_facts(question: str, reader: Reader, limit: int = WATCH_FACTS) -> list[Fact]:
    """Facts on what the question names beyond the regime (personal data, RAG, likenesses…):
    what the layers mean for this use, most relevant first, one per thing named."""
    rb = reader.rule_base
    general = {EntityKind.instrument, EntityKind.institution, EntityKind.role}
    named = [e for e in reader.linker.link(question) if rb.entities[e].kind not in general]
    chosen: list[Fact] = []
    for entity in named:
        part = Part(text=question, entities=[entity], facet=Facet.duty)
        candidates = [
            f
            for f in rb.facts.values()
            if entity in f.about and f.facet in WATCH_FACETS and f not in chosen
        ]
        candidates.sort(key=lambda f: relevance(f, part), reverse=True)
        chosen += candidates[:1]
    return chosen[:limit]


def compose_use_case(
    use_case: UseCase, reader: Reader, cites: Citations, question: str = ""
) -> tuple[str, list[str]]:
    """Markdown: the layers that apply (binding first), the first actions, the pointer on."""
    profile = UseCaseProfile.model_validate(use_case.profile)
    layers = sorted(lookup_triggers(profile), key=lambda t: FORCE_ORDER.index(t.legal_force))
    templates = said_in(reader.lang)
    ja = reader.lang == "ja"

    triggers = reader.rule_base.triggers

    def title(trig: TriggerResult) -> str:
        rule = triggers.get(trig.id)
        return (rule.title_ja or trig.title) if ja and rule else trig.title

    def why(trig: TriggerResult) -> str:
        rule = triggers.get(trig.id)
        return (rule.why_ja or trig.why) if ja and rule else trig.why

    if ja:
        names = "、".join(f"{title(t)}（{force_label(t.legal_force, 'ja')}）" for t in layers)
    else:
        names = "; ".join(f"{t.title} ({t.legal_force_label})" for t in layers)
    lines = [
        templates.use_case_lead.format(layers=names),
        "",
        templates.use_case_read.format(reads=("、" if ja else ", ").join(use_case.reads)),
        "",
    ]
    for trig in layers:
        sep = "：" if ja else ": "
        lines.append(
            f"- **{title(trig)}**{sep}{why(trig)} {cites.marks(trig.citations, why(trig))}"
        )
    for asked, trigger in one_answer_away(profile, set(use_case.profile), {t.id for t in layers}):
        if ja:  # the interview's questions have no Japanese text yet
            continue
        marks = cites.marks(trigger.citations, trigger.why)
        check = templates.also_check.format(what=asked, layer=trigger.title)
        lines.append(f"- {check} {marks}")
    watch = _watch_facts(question, reader) if question else []
    if watch:
        lines += ["", templates.use_case_watch, ""]
        lines += [f"- {f.text} {cites.marks(f.cites, f.text)}" for f in watch]
    # The plan's own ranking (tools/start_here.py): law that bites and launch blockers first.
    checklist = build_checklist(profile)
    by_id = {item.id: item for item in checklist}
    actions = [by_id[top.id] for top in start_here(checklist, layers)][:TOP_ACTIONS]
    if ja:  # only actions written in Japanese; the plan (interview, assess) holds them all
        actions = [a for a in actions if getattr(a, "text_ja", None)]
    if actions:
        lines += ["", templates.first_actions, ""]
    for number, item in enumerate(actions, 1):
        text = getattr(item, "text_ja", None) if ja else item.text
        heading = getattr(item, "title_ja", None) if ja else item.title
        marks = cites.marks(item.citations, str(text))
        lines.append(f"{number}. **{heading}**{'：' if ja else ': '}{text} {marks}")
    lines += ["", " ".join(templates.use_case_closing.split())]
    return "\n".join(lines), list(TOOLS_CALLED)

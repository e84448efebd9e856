"""The use-case route: the deterministic tools on the profile read from the question."""

from __future__ import annotations

from agent.answer.citations import Citations
from agent.answer.force import force_label
from agent.answer.lang import Lang
from agent.answer.lang import templates as said_in
from agent.answer.layer_rank import RankedLayer, condition_fields, force_rank, rank_layers
from agent.answer.query import Part, UseCase
from agent.answer.reader import Reader
from agent.answer.select import relevance
from core import conditions
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


def one_answer_away(
    profile: UseCaseProfile, read: set[str], engaged: set[str], lang: Lang = "en"
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
        if question.ask_if is None or not (condition_fields(question.ask_if) & read):
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
            found.append((question.text_for(profile, lang)[0], trigger))
    return found


def _watch_facts(
    question: str,
    reader: Reader,
    stated: set[str],
    limit: int = WATCH_FACTS,
) -> list[Fact]:
    """Facts on what the question names beyond the regime (personal data, RAG, likenesses…):
    what the layers mean for this use, most relevant first, one per thing named.

    Only facts that rest on nothing but binding law or the instruments of the layers the answer
    states (`stated`): a fact resting on guidance the answer does not state is padding here."""
    rb = reader.rule_base
    binding = {s.id for s in rb.sources.values() if s.legal_force == LegalForce.binding_hard_law}

    def on_layers(fact: Fact) -> bool:
        return {c.source for c in fact.cites} <= stated | binding

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
        # The most relevant fact on the thing named, or none: a weaker one is not the answer.
        chosen += [f for f in candidates[:1] if on_layers(f)]
    return chosen[:limit]


def ranked_layers(use_case: UseCase, reader: Reader, question: str) -> list[RankedLayer]:
    """The engaged layers ranked (agent/answer/layer_rank.py): what `ask --explain` shows."""
    profile = UseCaseProfile.model_validate(use_case.profile)
    linked = reader.linker.link(question) if question else []
    return rank_layers(
        lookup_triggers(profile), profile, set(use_case.profile), linked, reader.rule_base
    )


def _also_line(rest: list[TriggerResult], stated_sources: set[str], reader: Reader) -> str | None:
    """One line naming each layer the answer does not detail, with its legal force: by its own
    instrument (its first citation), or by its title where the answer already cites that
    instrument or it has none of ours. No fact and no citation of its own; None when empty."""
    rb, ja = reader.rule_base, reader.lang == "ja"
    groups: dict[LegalForce, list[str]] = {}
    named: set[str] = set()
    for layer in rest:
        rule = rb.triggers[layer.id]
        source_id = layer.citations[0].source  # the layer's own instrument comes first
        if source_id in named:
            continue  # an earlier layer on the line already names that instrument
        if layer.legal_force == LegalForce.not_covered or source_id in stated_sources:
            name = (rule.title_ja or rule.title) if ja else rule.title
        else:
            named.add(source_id)
            source = rb.sources[source_id]
            name = (source.short_name_ja or source.short_name) if ja else source.short_name
        # The layer's force for this use (DS-920 is only a model for a local government).
        groups.setdefault(layer.legal_force, []).append(name)
    if not groups:
        return None
    comma, semi = ("、", "；") if ja else (", ", "; ")
    left, right = ("（", "）") if ja else (" (", ")")
    names = semi.join(
        f"{comma.join(group)}{left}{force_label(force, reader.lang)}{right}"
        for force, group in sorted(groups.items(), key=lambda kv: force_rank(kv[0]))
    )
    return said_in(reader.lang).use_case_also.format(names=names)


def compose_use_case(
    use_case: UseCase, reader: Reader, cites: Citations, question: str = ""
) -> tuple[str, list[str]]:
    """Markdown: the layers that matter (binding first), one line naming the rest, the first
    actions, the pointer on."""
    profile = UseCaseProfile.model_validate(use_case.profile)
    engaged = {t.id: t for t in lookup_triggers(profile)}
    ranking = ranked_layers(use_case, reader, question)
    layers = [engaged[r.id] for r in ranking if r.stated]
    rest = [engaged[r.id] for r in ranking if not r.stated]
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
    read = set(use_case.profile)
    for asked, trigger in one_answer_away(profile, read, set(engaged), reader.lang):
        marks = cites.marks(trigger.citations, trigger.why)
        layer = (trigger.title_ja or trigger.title) if ja else trigger.title
        check = templates.also_check.format(what=asked, layer=layer)
        lines.append(f"- {check} {marks}")
    stated_sources = {c.source for t in layers for c in t.citations}
    engaged_sources = {c.source for t in engaged.values() for c in t.citations}
    also = _also_line(rest, stated_sources, reader)
    if also:
        lines += ["", also]
    watch = _watch_facts(question, reader, stated_sources) if question else []
    if watch:
        lines += ["", templates.use_case_watch, ""]
        lines += [f"- {f.text} {cites.marks(f.cites, f.text)}" for f in watch]
    # The plan's own ranking (tools/start_here.py): law that bites and launch blockers first.
    # Built in the answer's language: every action has its Japanese text (checklist.yaml).
    checklist = build_checklist(profile, reader.lang)
    by_id = {item.id: item for item in checklist}
    ranked = start_here(checklist, list(engaged.values()), reader.lang)
    actions = [by_id[top.id] for top in ranked][:TOP_ACTIONS]
    if actions:
        lines += ["", templates.first_actions, ""]
    # An action is cited by the engaged layers' instruments it rests on; its further reading
    # (evaluation guides, plans) stays in the plan, so the answer cites nothing the layers do not.
    for number, item in enumerate(actions, 1):
        own = [c for c in item.citations if c.source in engaged_sources] or item.citations
        marks = cites.marks(own, item.text)
        lines.append(f"{number}. **{item.title}**{'：' if ja else ': '}{item.text} {marks}")
    lines += ["", " ".join(templates.use_case_closing.split())]
    return "\n".join(lines), list(TOOLS_CALLED)


def layer_ranking(query: dict[str, object] | None) -> list[dict[str, object]]:
    """The ranking `shirube ask --explain` prints: each engaged layer, the data that ranks it,
    and whether the answer states it or only names it (empty when no use case was read)."""
    from agent.answer.query import Query
    from agent.answer.reader import default_reader

    if not query:
        return []
    read = Query.model_validate(query)
    if read.use_case is None:
        return []
    ranking = ranked_layers(read.use_case, default_reader(read.lang), read.question)
    return [layer.model_dump(mode="json") for layer in ranking]

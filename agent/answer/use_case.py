"""The use-case route: the deterministic tools on the profile read from the question."""

from __future__ import annotations

from collections.abc import Callable

from agent.answer.citations import Citations
from agent.answer.force import force_label
from agent.answer.lang import Lang
from agent.answer.lang import templates as said_in
from agent.answer.layer_rank import RankedLayer, condition_fields, force_rank, rank_layers
from agent.answer.query import Part, UseCase
from agent.answer.reader import Reader
from agent.answer.select import relevance
from agent.answer.use_case_lead import AskKind, ask_kind, lead_file
from agent.state import Surface
from core import conditions
from core.profile import UseCaseProfile
from knowledge.questions import load_questions
from knowledge.schema import Citation, EntityKind, Facet, Fact, LegalForce, Trigger
from tools.checklist import ChecklistItem, build_checklist
from tools.roles import classify_roles
from tools.start_here import score
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
    framing: frozenset[str] | set[str] = frozenset(),
) -> list[Fact]:
    """Facts on what the question names beyond the regime (personal data, RAG, likenesses…):
    what the layers mean for this use, most relevant first, one per thing named.

    Only facts that rest on nothing but the instruments of the layers the answer states
    (`stated`): a fact resting on any other instrument is about something not asked. Like a
    layer, a fact is judged and cited without the framing instruments (`framing`)."""
    rb = reader.rule_base

    def own(fact: Fact) -> Fact:
        cites = [c for i, c in enumerate(fact.cites) if i == 0 or c.source not in framing]
        return fact.model_copy(update={"cites": cites})

    def on_layers(fact: Fact) -> bool:
        return {c.source for c in fact.cites} <= stated

    general = {EntityKind.instrument, EntityKind.institution, EntityKind.role}
    named = [e for e in _named_things(question, reader) if rb.entities[e].kind not in general]
    # Named by a hint's words, not by its own name: the question's words say nothing of which
    # fact on it, so a fact about it first, its duty first.
    implied = set(named) - set(reader.linker.link(question))
    chosen: list[Fact] = []
    for entity in named:
        part = Part(text=question, entities=[entity], facet=Facet.duty)

        def rank(fact: Fact, entity: str = entity, part: Part = part) -> tuple[int, ...]:
            if entity not in implied:
                return (relevance(fact, part),)
            about_it = int(fact.about[0] == entity)
            return (about_it, -WATCH_FACETS.index(fact.facet), relevance(fact, part))

        candidates = [
            f
            for f in rb.facts.values()
            if entity in f.about and f.facet in WATCH_FACETS and f.id not in {c.id for c in chosen}
        ]
        candidates.sort(key=rank, reverse=True)
        # The most relevant fact on the thing named, else the most relevant one about it first
        # (not one naming it beside something else), that the stated layers hold; or none.
        tried = candidates[:1] + [f for f in candidates[1:] if f.about[0] == entity]
        chosen += [f for f in map(own, tried) if on_layers(f)][:1]
    return chosen[:limit]


def _named_things(question: str, reader: Reader) -> list[str]:
    """The entities the question names: by their names (the linker), and by the words of the
    use-case hints that name them without those names ('recognise … by their faces' names facial
    recognition; knowledge/data/use_case_hints.yaml `names`)."""
    from agent.use_case import read_use_case

    implied = [e for h in read_use_case(question).hints for e in h.names]
    linked = reader.linker.link(question)
    return [e for e in dict.fromkeys([*linked, *implied]) if e in reader.rule_base.entities]


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
    use_case: UseCase,
    reader: Reader,
    cites: Citations,
    question: str = "",
    surface: Surface = "cli",
    asked: str | None = None,
) -> tuple[str, list[str]]:
    """Markdown: the layers that matter (binding first), one line naming the rest, the first
    actions, the pointer on. `asked`: the words that ask of the use (the question less the
    parts answered apart), whose kind of ask the lead answers; the whole question by default."""
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

    names = _named_by_force(layers, title, reader.lang)
    framing = _framing_sources(ranking, engaged, reader)
    layers = [_cited_by_own(t, framing, reader) for t in layers]
    asked = question if asked is None else asked
    kind = ask_kind(asked) if asked else AskKind.applies
    data = lead_file()
    no_ban = reader.rule_base.facts[data.no_ban_fact]
    lead_cites = list(no_ban.cites) if kind in (AskKind.permission, AskKind.forbidden) else []
    # The instruments the answer states; nothing else is cited (an instrument the question did
    # not touch is padding, whatever else the plan would say about it).
    layer_sources = {c.source for t in layers for c in t.citations}
    stated_sources = layer_sources | {c.source for c in lead_cites}
    # The plan's own ranking (tools/start_here.py): law that bites and launch blockers first.
    # Built in the answer's language: every action has its Japanese text (checklist.yaml).
    checklist = build_checklist(profile, reader.lang)
    ranked = sorted(checklist, key=lambda item: -score(item, engaged))  # stable: plan order
    actions = [
        (item, own) for item in ranked if (own := _action_cites(item, layers, stated_sources))
    ]
    actions = actions[:TOP_ACTIONS]
    leads = data.leads_ja if ja else data.leads
    binding = any(t.legal_force == LegalForce.binding_hard_law for t in layers)
    first = actions[0][0].title if actions else ""
    lead = leads.pick(kind, binding, bool(first)).format(layers=names, action=_lowered(first))
    if lead_cites:
        lead = f"{lead} {cites.marks(lead_cites, no_ban.text)}"
    lines = [
        lead,
        "",
        templates.use_case_read.format(reads=("、" if ja else ", ").join(use_case.reads)),
        "",
    ]
    roles = _guideline_roles(profile, reader, cites, stated_sources)
    if roles:
        lines[-1:-1] = [templates.use_case_roles.format(roles=roles)]
    uncovered = _sectors_not_covered(question, reader) if question else []
    if uncovered:  # said plainly, after what was read, before the layers
        said = templates.use_case_sector_not_covered.format(sectors=_joined(uncovered, reader.lang))
        lines += [said, ""]
    for trig in layers:
        sep = "：" if ja else ": "
        lines.append(
            f"- **{title(trig)}**{sep}{why(trig)} {cites.marks(trig.citations, why(trig))}"
        )
    read = set(use_case.profile)
    for asked, trigger in one_answer_away(profile, read, set(engaged), reader.lang):
        if trigger.citations[0].source not in stated_sources:
            continue  # a layer one more yes would engage, on an instrument not stated here
        own = [c for c in trigger.citations if c.source in stated_sources]
        layer = (trigger.title_ja or trigger.title) if ja else trigger.title
        check = templates.also_check.format(what=asked, layer=layer)
        lines.append(f"- {check} {cites.marks(own, trigger.why)}")
    also = _also_line(rest, layer_sources, reader)
    if also:
        lines += ["", also]
    watch = _watch_facts(question, reader, stated_sources, framing=framing) if question else []
    if watch:
        lines += ["", templates.use_case_watch, ""]
        lines += [f"- {f.text} {cites.marks(f.cites, f.text)}" for f in watch]
    if actions:
        lines += ["", templates.first_actions, ""]
    for number, (item, own) in enumerate(actions, 1):
        marks = cites.marks(own, item.text)
        lines.append(f"{number}. **{item.title}**{'：' if ja else ': '}{item.text} {marks}")
    closing = templates.use_case_closing_tui if surface == "tui" else templates.use_case_closing
    lines += ["", " ".join(closing.split())]
    return "\n".join(lines), list(TOOLS_CALLED)


def _sectors_not_covered(question: str, reader: Reader) -> list[str]:
    """The names of the sectors the question places its use in whose own law the rule base does
    not hold (entities.yaml `own_law_covered: false`)."""
    entities = reader.rule_base.entities
    ja = reader.lang == "ja"
    return [
        (entities[e].name_ja or entities[e].name) if ja else entities[e].name
        for e in _named_things(question, reader)
        if entities[e].kind == EntityKind.sector and not entities[e].own_law_covered
    ]


def _guideline_roles(
    profile: UseCaseProfile, reader: Reader, cites: Citations, stated: set[str]
) -> str:
    """The AI Guidelines for Business roles the reading puts the asker in ('AI provider, AI
    business user'), cited by the parts of the guidelines that set their expectations where the
    answer states the guidelines (else they are only named, as on the 'also relevant' line);
    roles other instruments define (the Act's utilization business operator) are left to their
    layers. Empty when the words name none."""
    # The guidelines are the instrument of the layer of that name (triggers.yaml `layer`).
    layers = reader.rule_base.triggers.values()
    guideline = next((t.citations[0].source for t in layers if t.layer == "aigfb"), None)
    found = [
        role
        for role in classify_roles(profile, reader.lang)
        if role.citations and role.citations[0].source == guideline
    ]
    if not found:
        return ""
    names = ("、" if reader.lang == "ja" else ", ").join(role.name for role in found)
    if guideline not in stated:
        return names
    own = [role.citations[0] for role in found]
    return f"{names} {cites.marks(own, ' '.join(role.definition for role in found))}"


def _named_by_force(
    layers: list[TriggerResult], title: Callable[[TriggerResult], str], lang: Lang
) -> str:
    """The stated layers for the lead, grouped by legal force in rank order, each force said
    once ('A and B (binding hard law); C (non-binding soft law)')."""
    groups: dict[LegalForce, list[str]] = {}
    for layer in layers:
        groups.setdefault(layer.legal_force, []).append(title(layer))
    ja = lang == "ja"
    left, right = ("（", "）") if ja else (" (", ")")
    said = [
        f"{_joined(names, lang)}{left}{force_label(force, lang)}{right}"
        for force, names in groups.items()
    ]
    return ("；" if ja else "; ").join(said)


def _joined(names: list[str], lang: Lang) -> str:
    if lang == "ja":
        return "、".join(names)
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _framing_sources(
    ranking: list[RankedLayer], engaged: dict[str, TriggerResult], reader: Reader
) -> set[str]:
    """The instruments of the layers that hold for every use (condition `always`) which the
    answer only names: every answer would carry them, so no stated layer is cited by them."""
    rules = reader.rule_base.triggers
    return {
        engaged[r.id].citations[0].source
        for r in ranking
        if not r.stated and not condition_fields(rules[r.id].when)
    }


def _cited_by_own(
    layer: TriggerResult, framing: set[str], reader: Reader | None = None
) -> TriggerResult:
    """The layer cited without the framing instruments (its first citation always kept), and
    without an instrument of another legal force that no fact ties to the layer's own (the
    draft IP Principle Code beside the Copyright Act: a code of its own, not the Act's
    explanation, as the ACA's General Understanding is)."""
    own = [c for i, c in enumerate(layer.citations) if i == 0 or c.source not in framing]
    if reader is not None and own:
        rb = reader.rule_base
        first = own[0].source
        tied = {
            c.source
            for f in rb.facts.values()
            if first in {x.source for x in f.cites}
            for c in f.cites
        }

        def explains(source: str) -> bool:
            same = source in rb.sources and rb.sources[source].legal_force == layer.legal_force
            return source == first or same or source in tied

        own = [c for c in own if explains(c.source)]
    return layer.model_copy(update={"citations": own})


def _action_cites(
    item: ChecklistItem, layers: list[TriggerResult], stated: set[str]
) -> list[Citation]:
    """What an action is cited by in the answer: the stated instruments it rests on; for an
    action a stated layer brought in that rests on none of them, that layer's own instruments
    (the action applies them). Empty: the action belongs to a layer only named here, so it stays
    in the plan rather than cite an instrument the answer does not state."""
    own = [c for c in item.citations if c.source in stated]
    if own:
        return own
    return [c for t in layers if t.id in item.triggers for c in t.citations]


def _lowered(title: str) -> str:
    """An action's title inside a sentence ('Confirm the…' → 'confirm the…'); an acronym
    ('AI…', 'DPIA…') and Japanese stay as they are."""
    return title[:1].lower() + title[1:] if title[1:2].islower() else title


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

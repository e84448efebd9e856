"""Compose: a lead that answers the facet asked, then only the selected facts, each cited.

Every legal statement is a fact's own text (or a tool result), so nothing here states law.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from agent.answer.citations import Citations
from agent.answer.claimed_dates import contradicts
from agent.answer.coverage import statutes_named
from agent.answer.events import asked_clause
from agent.answer.lang import Lang, answer_word, section_text, templates
from agent.answer.phrasebook import phrasebook
from agent.answer.presupposition import confirms_denial
from agent.answer.query import Part, Query
from agent.answer.reader import Reader
from agent.answer.select import (
    by_entity_and_facet,
    date_facts,
    held_date,
    other_article,
    refuting,
    scope_by_force,
    unrecorded_date,
    watch_items,
)
from agent.answer.understand import upheld
from agent.answer.use_case import compose_use_case
from agent.answer.use_case_lead import (
    YES_NO_KINDS,
    AskKind,
    ask_kind,
    asks_for_a_rule_ja,
    lead_file,
)
from agent.scope_data import scope
from agent.state import AnswerCitation, Surface
from knowledge.schema import Entity, EntityKind, Facet, Fact
from knowledge.watchlist import WatchItem


@dataclass
class Composed:
    """The answer text with its numbered citations and the facts it stated."""

    text: str
    citations: list[AnswerCitation]
    fact_ids: list[str] = field(default_factory=list)
    tools_called: list[str] = field(default_factory=list)


@dataclass
class Section:
    lead: str
    facts: list[Fact]
    lead_fact: Fact | None = None


def _with_answer(fact: Fact, answer: str | None) -> str:
    """'No. The Act …' — unless the fact's text already opens with that answer."""
    if not answer or fact.text.lower().startswith(answer.rstrip(".。").lower()):
        return fact.text
    hedged = phrasebook().book.hedged_answers.get(answer)
    if hedged:  # 'It depends.' alone answers nothing: on what, in the same sentence
        return f"{hedged}{fact.text}"
    space = "" if answer.endswith("。") else " "  # Japanese sentences need no space
    return f"{answer}{space}{fact.text}"


# Facets a yes/no question asks so narrowly that the correction of its belief may not answer it:
# 'Does the Article 13 guideline carry fines?' hears that it binds no one and that it has no fines.
_NARROW = (Facet.penalty, Facet.legal_force)


def premise_section(part: Part, reader: Reader) -> Section | None:
    facts = refuting(part, reader)
    if not facts:
        return None
    if part.facet in _NARROW:
        asked = by_entity_and_facet(part, reader)[:1]
        asked = [f for f in asked if not other_article(f, part.entities, reader)]
        facts += [f for f in asked if f.facet == part.facet and f not in facts]
    template = templates(reader.lang)
    text = facts[0].text
    if confirms_denial(part.text, part.premises, reader):  # 'There's no law that bans X, right?'
        return Section(template.premise_agreed.format(text=text), facts[1:], facts[0])
    if part.claim:  # "Japan has no AI regulation." is a claim: say it is wrong
        return Section(template.premise_claim.format(text=text), facts[1:], facts[0])
    # Asked whether, or asked what or where of a thing that is not there ('How big are the
    # fines…?', '届出はどの役所に…？'): the reader sees the negation first, then the fact.
    if not text.lower().startswith(("no", "いいえ")):
        return Section(template.premise.format(text=text), facts[1:], facts[0])
    return Section(template.premise_statement.format(text=text), facts[1:], facts[0])


def existence_fact(part: Part, reader: Reader, chosen: list[Fact]) -> Fact | None:
    """Whether a named thing exists ("Is there an AI law in Japan?", "Does the Act have a review
    clause?") is answered by the 'what' fact saying yes or no of it: one about the thing the words
    after the existence cue name, beside nothing but the law or regime it sits in; of several,
    the one already chosen for the question, else the one beside the fewest laws."""
    exists = phrasebook().existence.search(part.text)
    if not part.yes_no or part.facet != Facet.what or exists is None:
        return None
    entities = reader.rule_base.entities
    named = reader.linker.link(part.text[exists.end() :])
    around = {EntityKind.instrument, EntityKind.jurisdiction}

    def others(fact: Fact, thing: str) -> list[str]:
        return [e for e in fact.about if e != thing]

    found = [
        (len([e for e in others(f, thing) if entities[e].kind != EntityKind.jurisdiction]), f)
        for thing in named[:1]
        for f in reader.rule_base.facts.values()
        if f.facet == Facet.what and f.answers and thing in f.about
        if all(entities[e].kind in around for e in others(f, thing))
    ]
    ids = {fact.id for _, fact in found}
    picked = next((f for f in chosen if f.id in ids), None)
    return picked or (min(found, key=lambda pair: pair[0])[1] if found else None)


def no_ban_fact(part: Part, reader: Reader) -> Fact | None:
    """'Is it illegal to use AI in Japan?', asked of AI as such (naming nothing but the country),
    is answered by the fact that Japan's rules ban no use of AI (use_case_leads.yaml
    no_ban_fact), not by whichever regime-wide denial shares the most words with it."""
    entities = reader.rule_base.entities
    if part.facet != Facet.does_not or not part.yes_no or ask_kind(part.text) not in YES_NO_KINDS:
        return None
    if any(entities[e].kind != EntityKind.jurisdiction for e in part.entities):
        return None
    return reader.rule_base.facts.get(lead_file().no_ban_fact)


def unrecorded_date_section(part: Part, reader: Reader, dated: list[str]) -> Section:
    """A date asked by an event the rule base holds no date for: said plainly, never another
    date of the same thing as if it answered; then the dates it does hold for it."""
    said = templates(reader.lang)
    entity = reader.rule_base.entities[dated[0]]
    name = (entity.name_ja or entity.name) if reader.lang == "ja" else entity.name
    held = date_facts(dated, reader, f"{part.text} {part.context}")
    plain = reader.lang == "ja" or phrasebook().provision_name.match(name)
    lead = said.date_not_recorded.format(the_name=name if plain else f"the {name}")
    if held:
        lead += ("" if reader.lang == "ja" else " ") + said.dates_recorded
    return Section(lead, held)


def lookup_section(part: Part, reader: Reader) -> Section | None:
    dated = unrecorded_date(part, reader)
    if dated:
        return unrecorded_date_section(part, reader, dated)
    facts = by_entity_and_facet(part, reader)
    if not facts:
        return None
    exists = existence_fact(part, reader, facts) or no_ban_fact(part, reader)
    if exists is not None:  # the yes or no to whether it exists leads
        facts = [exists, *(f for f in facts if f.id != exists.id)]
    first = facts[0]
    # A fact's yes or no answers a question on its own facet only; a "what" fact answers only
    # whether a thing exists ("Does Japan have an AI Act?").
    # Whether a text applies to a role its scope omits is answered by how far it binds.
    by_force = first.facet == Facet.legal_force and scope_by_force(part, reader)
    on_facet = (first.facet == part.facet or by_force) and (
        part.facet != Facet.what or bool(phrasebook().existence.search(part.text))
    )
    # Only a fact about what the question names answers it yes or no (not a regime fallback).
    on_facet = on_facet and (not part.entities or bool(set(first.about) & set(part.entities)))
    book = phrasebook()
    plain = not book.negation.search(book.condition.sub(" ", part.text))  # 'if we don't' asks
    answer = first.answers if part.yes_no and on_facet and plain else None
    if answer and first.facet == Facet.does_not and ask_kind(part.text) is AskKind.permission:
        # 'bans nothing' answers 'is it legal?' yes (phrasebook.yaml converse_answers)
        answer = phrasebook().book.converse_answers.get(answer, answer)
    exception = next((f.exception_of for f in facts[1:] if _narrows(f, first)), None)
    if part.yes_no and plain and exception is not None:  # the general rule, its exception next
        answer = exception.answers
    answer = _date_claimed(part, first, reader) or answer
    if _affirms(answer) and any(not upheld(p, part, reader) for p in part.premises):
        answer = None  # a belief no fact bears out is never confirmed by another fact's yes
    answer = echoed(answer, part.text)
    return Section(_article(part, first, reader) + _with_answer(first, answer), facts[1:], first)


def _affirms(answer: str | None) -> bool:
    """Does a direct answer ('Yes.', 'はい。', 'Often, yes.') say yes (phrasebook yes_no_words)?"""
    meaning = phrasebook().book.yes_no_words
    said = {meaning[w] for w in re.findall(r"\w+", (answer or "").lower()) if w in meaning}
    return said == {"yes"}


def echoed(answer: str | None, asked: str) -> str | None:
    """A Japanese yes or no echoing the verb asked ('命令できるの？': 'いいえ、命令はできません。'),
    or the answer as it is when the question asks no such verb."""
    book = phrasebook()
    template = book.book.echoed_answers_ja.get(answer or "")
    match = book.asked_verb_ja.search(asked) if template else None
    return template.format(verb=match.group("verb")) if template and match else answer


_NUMBER = re.compile(r"\d+(?:-\d+)?")  # an article's number in a section ('Art. 30-4')


def _article(part: Part, fact: Fact, reader: Reader) -> str:
    """'Which article…?' is answered in the first words: the one article the fact cites, when
    its text does not name it ('Art. 28 of the APPI: Personal data may go…')."""
    if not phrasebook().which_article.search(part.text):
        return ""
    cited = [c for c in fact.cites if c.section and c.source in reader.rule_base.sources]
    if len(cited) != 1:
        return ""
    section = section_text(cited[0].section, reader.lang) or ""
    number = _NUMBER.search(cited[0].section or "")
    named = rf"(Article|Art\.)\s?{number.group()}(?![\d-])" if number else "(?!)"
    if re.search(named, fact.text) or section.split("(")[0].strip() in fact.text:
        return ""  # the fact names it ('Article 18 of the AI Promotion Act…', '第18条は…')
    source = reader.rule_base.sources[cited[0].source]
    section = re.sub(r"^Art\.", "Article", re.sub(r"^Arts\.", "Articles", section))
    name = (source.short_name_ja or source.short_name) if reader.lang == "ja" else source.short_name
    return templates(reader.lang).article_lead.format(section=section, name=name)


def _date_claimed(part: Part, first: Fact, reader: Reader) -> str | None:
    """A date the question states for the event the lead dates ('passed in 2023, right?',
    'Since the Act took effect in April 2024, …'): 'No.' when the rule base's date is another,
    'Yes.' when a yes/no question states the one it holds; None when it states none."""
    held = held_date(first, reader) if part.facet == Facet.when else None
    # A date stated in a clause given about another thing ('The Act was promulgated in June
    # 2025, so when did the Headquarters start?') is no claim about this one's date.
    said = asked_clause(part.text)
    given = part.text[: len(part.text) - len(said)]
    said = part.text if set(first.about) & set(reader.linker.link(given)) else said
    wrong = contradicts(said, held.date) if held is not None else None
    if wrong is None or not (wrong or part.yes_no):
        return None
    return answer_word("No." if wrong else "Yes.", reader.lang)


def _narrows(fact: Fact, general: Fact) -> bool:
    return fact.exception_of is not None and fact.exception_of.fact == general.id


_POSSESSIVE = re.compile(r"^(\w[\w ]*?)'s (.+)$")


def not_covered_section(part: Part, reader: Reader) -> Section:
    entities = reader.rule_base.entities
    missing = [entities[e] for e in part.entities if not entities[e].covered]
    said = templates(reader.lang)
    ja = reader.lang == "ja"

    def name(entity: Entity) -> str:
        return (entity.name_ja or entity.name) if ja else entity.name

    # A law named by the shape of its name first: the registry holds nothing about it.
    # 'Korea's personal information law' reads 'the personal information law of Korea' after the
    # template's article.
    typed = [_POSSESSIVE.sub(r"\2 of \1", n) if not ja else n for n in part.uncovered]
    named = [*typed, *(name(e) for e in missing)]
    statutes = statutes_named(part.entities, reader)
    if part.beyond and statutes:  # the statute is covered, but not on what is asked of it
        aspect = scope().data.partial_cover_ja if ja else scope().data.partial_cover
        topic = entities[part.beyond[0]]
        named.append(aspect.format(law=name(entities[statutes[0]]), topic=name(topic)))
        nearby_statute = [name(entities[statutes[0]])]  # what the rule base holds of it
    else:
        nearby_statute = []
    lead = said.not_covered.format(name=named[0] if named else "subject")
    nearby = [name(entities[n]) for e in missing for n in e.nearby if n in entities]
    nearby += nearby_statute
    if part.uncovered:  # what the question names beside it that Shirube does cover, else
        nearby += [name(entities[e]) for e in part.entities if entities[e].covered]
        nearby = nearby or [name(entities[e]) for e in reader.subjects([])]  # the regime
    if nearby:
        names = ("、" if ja else ", ").join(dict.fromkeys(nearby))
        lead += ("" if ja else " ") + said.not_covered_nearby.format(names=names)
    return Section(lead if ja else " ".join(lead.split()), [])


def search_section(part: Part, reader: Reader, found: list[str]) -> Section | None:
    facts = [reader.rule_base.facts[i] for i in found if i in reader.rule_base.facts]
    if not facts:
        return None
    return Section(facts[0].text, facts[1:2], facts[0])


def section_for(part: Part, reader: Reader, found: list[str]) -> Section | None:
    if part.route == "not_covered":
        # Naming nothing the rule base lacks, the fact on where it stops says so ('Not covered
        # by Shirube: the rules on medical practice…').
        entities = reader.rule_base.entities
        named = part.uncovered or part.beyond or any(not entities[e].covered for e in part.entities)
        fact = None if named else lookup_section(part, reader)
        return fact or not_covered_section(part, reader)
    if part.route == "premise":
        return premise_section(part, reader) or lookup_section(part, reader)
    if part.route == "lookup":
        return lookup_section(part, reader) or search_section(part, reader, found)
    return search_section(part, reader, found)


# What a use-case answer says of the rules it lists: what applies and how far, what it asks, what
# it does not do and the first steps. A part asking another facet is answered on its own.
_USE_CASE_FACETS = frozenset(
    {Facet.what, Facet.scope, Facet.duty, Facet.does_not, Facet.how_to, Facet.legal_force}
)


def _describes_use(part: Part) -> bool:
    """Does the part itself describe the use (an activity with AI), on its own words?"""
    from agent.use_case import read_use_case

    reading = read_use_case(part.text)
    return reading.is_use_case or reading.activity


def _asks_apart(part: Part) -> bool:
    """A yes/no question beside the use case about no one's use ('Is AI output copyrightable in
    Japan, and can we train on copyrighted images?'): asked in its own right, so answered in its
    place with its own first sentence, not left to the use case's layers."""
    from agent.use_case import read_use_case

    # Asked in its own words: not a fragment that took the earlier question's ('and for a
    # hospital?' after 'Can our bank use AI…?' is that use case again).
    if not part.yes_no or part.context or not phrasebook().yes_no.search(part.text):
        return False
    reading = read_use_case(part.text)
    return not reading.own_use and not reading.is_use_case


def _answered_apart(part: Part) -> bool:
    """Beside a use case, a look-up its layers do not answer: a yes/no question about no one's
    use, or a facet the layers do not speak to (who, when, what penalty), asked in its own words."""
    if part.route != "lookup":
        return False
    return _asks_apart(part) or (part.facet not in _USE_CASE_FACETS and not _describes_use(part))


def _names_a_rule(part: Part, reader: Reader) -> bool:
    kinds = (EntityKind.instrument, EntityKind.institution)
    return any(reader.rule_base.entities[e].kind in kinds for e in part.entities)


def _asks_for_a_law_on(part: Part, query: Query, reader: Reader) -> bool:
    """A use case that asks whether there is a law on a technology it names ('…likenesses of
    real people in ads — is there a deepfake law?') hears that answer before the use case's
    layers: the question asked comes first."""
    exists = phrasebook().existence.search(part.text)
    if query.use_case is None or part.route != "lookup" or exists is None:
        return False
    entities = reader.rule_base.entities
    # English names the thing after the cue ('is there a deepfake law'); Japanese before it,
    # with the rule asked for ('ディープフェイクの規制はありますか'; not '問題ありますか').
    before = re.split(r"[、。,，]", part.text[: exists.start()])[-1]  # the cue's own clause
    named = reader.linker.link(part.text[exists.end() :])
    if not named and asks_for_a_rule_ja(before):
        named = reader.linker.link(before)
    return any(e in entities and entities[e].kind == EntityKind.technology for e in named)


def _asks_whether_a_rule_applies(part: Part, section: Section | None, reader: Reader) -> bool:
    """'We want to train an AI on our chat logs — do we need consent?': a yes/no question beside
    a use case whether a rule on a thing it names (consent) holds for the use, which the use
    case's layers do not say; its own fact, with its yes or no, answers it first."""
    if section is None or section.lead_fact is None or section.lead_fact.answers is None:
        return False
    if not part.yes_no or part.route != "lookup" or part.facet != Facet.duty:
        return False
    entities = reader.rule_base.entities
    return any(entities[e].kind == EntityKind.concept for e in part.entities)


def _block(
    section: Section, stated: list[str], cites: Citations, reserved: frozenset[str] = frozenset()
) -> str:
    """The lead, then the section's other facts as a list; each fact once per answer.

    A lead an earlier part already stated gives way to the section's first new fact; a section
    with nothing new adds nothing. A fact that leads another part's answer (`reserved`) is left
    to that part, so each part asked opens with a sentence of its own, not a bullet above it."""
    lead = section.lead
    if section.lead_fact is not None and section.lead_fact.id in stated:
        fresh = [f for f in section.facts if f.id not in stated]
        if not fresh:
            return ""
        section = replace(section, lead=fresh[0].text, lead_fact=fresh[0])
        lead = section.lead
    if section.lead_fact is not None:
        stated.append(section.lead_fact.id)
        lead = f"{lead} {cites.marks(section.lead_fact.cites, section.lead_fact.text)}"
    items = []
    for fact in section.facts:
        if fact.id not in stated and fact.id not in reserved:
            stated.append(fact.id)
            items.append(f"- {fact.text} {cites.marks(fact.cites, fact.text)}")
    return "\n\n".join([lead, "\n".join(items)]) if items else lead


def compose(
    query: Query, reader: Reader, found: dict[int, list[str]], surface: Surface = "cli"
) -> Composed:
    """The whole answer: premise corrections first, the use case, then each part in order."""
    cites = Citations(reader.rule_base, reader.lang)
    blocks: list[str] = []
    stated: list[str] = []
    tools: list[str] = []
    sections = [
        (part, section_for(part, reader, found.get(n, []))) for n, part in enumerate(query.parts)
    ]
    # A false premise is corrected before anything else, then whether a law asked of exists.
    first = {id(part) for part, _ in sections if _asks_for_a_law_on(part, query, reader)}
    # '… — do we need consent?': the rule asked of the use, then its layers; a belief only asked
    # about after it ('…, and do we have to register it?') is answered after it.
    ruled = [
        n
        for n, (p, s) in enumerate(sections)
        if query.use_case and _asks_whether_a_rule_applies(p, s, reader)
    ]
    first |= {id(sections[n][0]) for n in ruled}
    after_rule = {id(p) for n, (p, _) in enumerate(sections) if ruled and n > ruled[0]}

    def corrected_first(part: Part) -> bool:
        """A belief taken for granted is corrected first, and so is any before a use case."""
        if part.route != "premise":
            return False
        return part.presupposed or (query.use_case is not None and id(part) not in after_rule)

    # A belief only asked about ('…? And does it ban facial recognition?') is answered in the
    # order asked.
    sections.sort(key=lambda pair: (not corrected_first(pair[0]), id(pair[0]) not in first))
    # A question asked apart from the use ('Is AI output copyrightable, and can we…?') is
    # answered where it was asked, and so is one asking what the use case's layers do not say
    # ('Who enforces the APPI? Also, can our bank use AI…?'): the order asked is the order
    # answered. The use case's lead answers the words left, which ask of the use.
    apart = {id(part) for part, _ in sections if query.use_case and _answered_apart(part)}
    of_use = " ".join(p.text for p in query.parts if id(p) not in apart) or query.question
    use_case_done = False
    part_leads = [s.lead_fact.id if s and s.lead_fact else None for _, s in sections]
    for n, (part, section) in enumerate(sections):
        reserved = frozenset(lead for lead in part_leads[n + 1 :] if lead)
        leads = part.route == "premise" or id(part) in first or id(part) in apart
        if query.use_case and not use_case_done and not leads:
            text, tools = compose_use_case(
                query.use_case, reader, cites, query.question, surface, asked=of_use
            )
            blocks.append(text)
            use_case_done = True
        about_use_case = query.use_case and part.route in ("search", "lookup") and not leads
        # What the use case's layers do not say (when, who, what penalty) is a part of its own,
        # unless the part is the use described ('A hospital plans to fine-tune…').
        about_use_case = about_use_case and (part.facet in _USE_CASE_FACETS or _describes_use(part))
        if about_use_case and not _names_a_rule(part, reader):
            continue  # the use case answers a part that names no instrument or body
        block = _block(section, stated, cites, reserved) if section is not None else ""
        if block:
            blocks.append(block)
        if part.route != "not_covered" and part.uncovered:  # beside a law it covers
            blocks.append(not_covered_section(part, reader).lead)
    if query.use_case and not use_case_done:
        text, tools = compose_use_case(
            query.use_case, reader, cites, query.question, surface, asked=of_use
        )
        blocks.append(text)
    if not blocks:
        blocks.append(templates(reader.lang).no_facts.strip())
    watch = watch_items(query.parts)
    if watch:
        blocks.append(watch_block(watch, reader.lang))
    return Composed("\n\n".join(blocks), cites.items(), stated, tools)


def watch_block(items: list[WatchItem], lang: Lang = "en") -> str:
    """After the facts: each reported development on a subject the question names."""
    template = templates(lang).watch_line
    lines = []
    for item in items:
        # A Japanese reader gets the Japanese claim where one is written, else the English one.
        claim = item.claim_ja if lang == "ja" else item.claim
        lines.append(template.format(claim=" ".join(claim.split()), seen=item.seen.isoformat()))
    return "\n".join(lines)

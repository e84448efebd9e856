"""Select the facts that answer one part: by entity and facet, dates from sources.yaml."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from rapidfuzz import fuzz

from agent.answer.counts import counted_first
from agent.answer.events import asked_clause, asks_event, named_events
from agent.answer.facet_rank import fact_overlap, question_lemmas
from agent.answer.force import force_facts
from agent.answer.issuers import document_first
from agent.answer.lang import date_text, in_lang, templates
from agent.answer.linker import normalise
from agent.answer.phrasebook import phrasebook
from agent.answer.presupposition import is_denial, names_belief
from agent.answer.query import Part
from agent.answer.reader import Reader
from knowledge.defaults import derived
from knowledge.index.japanese import JAPANESE, words
from knowledge.schema import (
    Citation,
    EntityKind,
    Facet,
    Fact,
    Institution,
    KeyDate,
    Source,
    SourceKind,
)
from knowledge.watchlist import WatchItem, about

MAX_FACTS = 3
MIN_SHARED_WORDS = 2  # content words a fact shares with a question that asks no facet
_ARTICLE = re.compile(r"第\d+条(?:の\d+)?")  # how a name says it is an article
_HEAD = re.compile(r"[:;：；。]|\.\s")  # where a fact's opening clause ends
_SENTENCE_END = re.compile(r"(?<=[.;。；!！])\s*")  # where a sentence of background ends
SAME_TEXT = 90  # rapidfuzz token-set similarity at which two facts say the same thing


@lru_cache(maxsize=4096)  # the facts' texts are read for every question
def _stems(text: str) -> frozenset[str]:
    """English word stems (first five letters); Japanese text adds its content words."""
    stems = {w[:5] for w in re.findall(r"[a-z]{4,}", text.lower())}
    if JAPANESE.search(text):
        stems |= {w for w in words(text) if JAPANESE.search(w)}
    return frozenset(stems)


def derived_fact(
    reader: Reader,
    fact_id: str,
    about: str,
    facet: Facet,
    cites: list[Citation],
    text: tuple[str, str],
) -> Fact:
    """A fact derived from sources.yaml about one entity (`text` in English and Japanese), in
    the reader's language."""
    fields = {"id": fact_id, "text": text[0], "text_ja": text[1], "about": [about]}
    return in_lang(Fact.model_validate({**fields, "facet": facet, "cites": cites}), reader.lang)


def _named_sources(entities: list[str], reader: Reader) -> Iterator[tuple[str, Source]]:
    """Each named entity that is an instrument, with its entry in sources.yaml."""
    rb = reader.rule_base
    for entity_id in entities:
        entity = rb.entities.get(entity_id)
        source = rb.sources.get(entity.source or entity_id) if entity else None
        if source is not None:
            yield entity_id, source


def issuer_facts(entities: list[str], reader: Reader) -> list[Fact]:
    """Who issues each named instrument, from sources.yaml (never retyped)."""
    found: list[Fact] = []
    for entity_id, source in _named_sources(entities, reader):
        text = phrasebook().templates.issuer_line.format(
            name=source.short_name, issuer=source.issuer
        )
        text_ja = templates("ja").issuer_line.format(
            name=source.short_name_ja or source.short_name, issuer=source.issuer_ja or source.issuer
        )
        cite = [Citation(source=source.id)]
        found.append(
            derived_fact(reader, f"issuer_{source.id}", entity_id, Facet.who, cite, (text, text_ja))
        )
    return found


def identifier_facts(entities: list[str], reader: Reader) -> list[Fact]:
    """The official title of each named instrument, from sources.yaml (never retyped); a
    statute's title carries its number ('(Act No. 53 of 2025)')."""
    found: list[Fact] = []
    for entity_id, source in _named_sources(entities, reader):
        said = (templates("en"), templates("ja"))
        text = said[0].identifier_line.format(
            name=source.short_name, title=" ".join(source.title_en.split())
        )
        text_ja = said[1].identifier_line.format(
            name=source.short_name_ja or source.short_name, title=source.title_ja
        )
        cite = [Citation(source=source.id)]
        fact_id = f"title_{source.id}"
        found.append(
            derived_fact(reader, fact_id, entity_id, Facet.identifier, cite, (text, text_ja))
        )
    return found


def date_facts(
    entities: list[str], reader: Reader, asked: str = "", *, named_only: bool = False
) -> list[Fact]:
    """One fact per key date of the named instruments and bodies, never retyped by hand;
    `named_only`: only the dates of the events the question names."""
    rb = reader.rule_base
    template = phrasebook().templates.date_line
    found: list[Fact] = []
    others: list[Fact] = []
    expanded = list(entities)
    # A body's dates include its instruments', unless the question names the instrument it
    # means ("When did the Headquarters adopt the Article 13 guideline?").
    instrument = any(
        e in rb.entities and rb.entities[e].kind == EntityKind.instrument for e in entities
    )
    for entity_id in entities:
        if entity_id in rb.institutions and not instrument:
            expanded += [s for s in reader.issued_by(entity_id) if s not in expanded]
    # The words of what the question names name no event ('the draft code' is no 'draft opened').
    names = " ".join(
        a
        for e in entities
        if e in rb.entities
        for a in (rb.entities[e].name, *rb.entities[e].aliases)
    )
    for entity_id in expanded:
        entity = rb.entities.get(entity_id)
        source = rb.sources.get(entity.source or entity_id) if entity else None
        institution = rb.institutions.get(entity_id)
        if source is not None:
            name, dates, cites = source.short_name, source.dates, [Citation(source=source.id)]
            name_ja = source.short_name_ja or name
            if source.version and source.version not in name:
                name = f"{name} ({source.version})"
        elif institution is not None:
            name, dates, cites = institution.name_en, institution.dates, institution.citations
            name_ja = institution.name_ja
        else:
            continue
        held = list(dates)  # a date's id is its place in the file, however it is ranked
        # The event the question names ("promulgated", "first meeting") comes first.
        # Newest first, the named events too: asked for the latest, or to choose between
        # states ('in force or still a bill?': the newest named is where it stands now).
        if phrasebook().latest.search(asked) or phrasebook().event_choice.search(asked):
            dates = sorted(dates, key=lambda d: d.date, reverse=True)
        # An issued instrument's event that names the body ("decided by the AI Strategic
        # Headquarters") is not named by a question that only names the body.
        issuers = [rb.institutions[e] for e in entities if e in rb.institutions]
        unnamed = [_without_names(d, issuers) for d in dates]
        said = _without_aliases(asked_clause(asked), entities, reader)
        own = f"{names} {source.short_name} {source.title_en}" if source else names
        named = [dates[unnamed.index(d)] for d in named_events(unnamed, said, own)]
        if (entity_id not in entities or named_only) and not named:
            continue  # an instrument a named body issued: only the dates the question names
        for key in named or dates:
            text = template.format(name=name, event=key.event, date=date_text(key.date, "en"))
            text_ja = templates("ja").date_line.format(
                name=name_ja, event=key.event_ja or key.event, date=date_text(key.date, "ja")
            )
            fact_id = f"date_{entity_id}_{held.index(key)}"
            cite = _evidence(key, cites, reader) if institution is not None else list(cites)
            if not named and not _asked_source(cite, cites, entities, reader):
                continue  # "adopted the Article 13 guideline" dates that guideline, not asked of
            # Dates of an event the question names come before any thing's other dates.
            (found if named else others).append(
                derived_fact(reader, fact_id, entity_id, Facet.when, cite, (text, text_ja))
            )
    return found + others


def held_date(fact: Fact, reader: Reader) -> KeyDate | None:
    """The dated event a date fact (`date_facts`, id 'date_<entity>_<n>') states; None for
    any other fact."""
    if not fact.id.startswith("date_"):
        return None
    entity_id, _, n = fact.id.removeprefix("date_").rpartition("_")
    rb = reader.rule_base
    entity = rb.entities.get(entity_id)
    source = rb.sources.get(entity.source or entity_id) if entity else None
    institution = rb.institutions.get(entity_id)
    dates = source.dates if source is not None else institution.dates if institution else []
    return dates[int(n)] if n.isdigit() and int(n) < len(dates) else None


def unrecorded_date(part: Part, reader: Reader) -> list[str]:
    """The instruments and bodies named whose dates carry no event the question's own words name
    ('when did the comment on the plan close', 'いつ設置された'): the rule base does not record
    that date. Empty when it names no event, or a date held carries it."""
    if part.facet != Facet.when or not part.entities:
        return []
    rb = reader.rule_base
    entities = without_containers(document_first(part.entities, reader, part.text), reader)
    kinds = (EntityKind.instrument, EntityKind.institution)
    dated = [e for e in entities if e in rb.entities and rb.entities[e].kind in kinds]
    asked = f"{part.text} {part.context}"
    if not dated:  # an article is dated only by an event of its Act that the question names
        for provision in entities:
            whole = _instruments_of([provision], reader)
            if whole and not date_facts(whole, reader, asked, named_only=True):
                return [provision]
    names = " ".join(
        " ".join((rb.entities[e].name, *rb.entities[e].aliases))
        for e in entities
        if e in rb.entities
    )
    # Its own words name the event: an earlier turn's ('what about the plan?' after 'when was the
    # Act promulgated?') asks the plan's date, whatever its event is called.
    said = _without_aliases(part.text, entities, reader)
    if not dated or not asks_event(said, f"{names} {part.context}"):
        return []
    return [] if date_facts(dated, reader, asked, named_only=True) else dated


def _without_aliases(asked: str, entities: list[str], reader: Reader) -> str:
    """The question less the Japanese names of what it dates: '人工知能法はいつ公布' names the
    event 公布, not one whose text holds 人工知能 (the chapters on the AI Basic Plan and HQ)."""
    said = normalise(asked)
    names = [a for a, e in reader.linker.by_alias.items() if e in entities and JAPANESE.search(a)]
    for name in sorted(names, key=len, reverse=True):
        said = said.replace(name, " ")
    return said


def _without_names(date: KeyDate, bodies: list[Institution]) -> KeyDate:
    """The dated event less the names of the given bodies, in both languages."""
    event, event_ja = date.event, date.event_ja or ""
    for body in bodies:
        event = re.sub(re.escape(body.name_en), " ", event, flags=re.IGNORECASE)
        event_ja = event_ja.replace(body.name_ja, " ")
    return date.model_copy(update={"event": event, "event_ja": event_ja or None})


def _evidence(date: KeyDate, cites: list[Citation], reader: Reader) -> list[Citation]:
    """A body's dated event cites the instrument dated that day (the Act's chapter in force,
    the guideline it adopted); an event no instrument dates cites the body's first citation,
    its founding instrument, not every source the body has."""
    sources = reader.rule_base.sources
    dated = [
        c
        for c in cites
        if c.source in sources and date.date in {d.date for d in sources[c.source].dates}
    ]
    return dated or cites[:1]


def _asked_source(
    cite: list[Citation], own: list[Citation], entities: list[str], reader: Reader
) -> bool:
    """A body's date the question did not name by its event is answered only when it is dated by
    the body's founding instrument or by one the question names."""
    founding = {c.source for c in own[:1]}
    return {c.source for c in cite} <= founding | sources_of(entities, reader, bodies=False)


def sources_of(entities: list[str], reader: Reader, *, bodies: bool = True) -> set[str]:
    """The source ids of the named instruments and of the named bodies' founding instruments:
    the sources an answer about them may cite beside its lead's."""
    rb = reader.rule_base
    found: set[str] = set()
    for entity_id in entities:
        entity = rb.entities.get(entity_id)
        if entity is None:
            continue
        if entity.kind == EntityKind.instrument and (entity.source or entity_id) in rb.sources:
            found.add(entity.source or entity_id)
        elif bodies and entity_id in rb.institutions:
            # A body's founding instrument, not every text it issues or is cited from ("who
            # chairs the HQ" is not about the plans it prepares).
            found |= {c.source for c in rb.institutions[entity_id].citations[:1]}
    return found


def asked_sentence_entities(part: Part, named: list[str], reader: Reader) -> set[str]:
    """What the sentence that asks names, when sentences of background before it name more
    ('Our vendor keeps data on servers in Singapore; what does the security-control duty
    expect?' asks of security control, not of transfers abroad); empty when it names them all
    or none of them."""
    sentences = [s for s in _SENTENCE_END.split(part.text) if s.strip()]
    if len(sentences) < 2:
        return set()
    asking = next((s for s in reversed(sentences) if "?" in s or "？" in s), sentences[-1])
    focus = set(reader.linker.link(asking)) & set(named)
    return focus if focus != set(named) else set()


def relevance(fact: Fact, part: Part) -> int:
    """Content words the fact shares with the question, beyond the words every answer has."""
    book = phrasebook()
    asked = book.body_says.sub(" ", part.text)  # "said", "published" ask; they name no content
    return len((_stems(fact.text) & _stems(asked)) - book.ignored_stems)


def states_role(fact: Fact, roles: list[frozenset[str]]) -> bool:
    """Does the fact's opening clause name a role the question asks of ('The Prime Minister
    chairs…'), not a later clause in passing ('The Cabinet Office administers…: …, chaired by…')?"""
    head = _HEAD.split(fact.text, maxsplit=1)[0]
    return bool(roles) and bool(set(phrasebook().roles(head)) & set(roles))


def _score(fact: Fact, named: list[str], part: Part) -> tuple[int, int, int, int]:
    shared = len(set(fact.about) & set(named))
    primary = 1 if named and fact.about[0] in named else 0
    relevant = relevance(fact, part)
    # A fact's own yes or no answers the question only if it speaks of what the question asks.
    answers = 1 if part.yes_no and fact.answers and fact.facet == part.facet and relevant else 0
    return shared, answers, relevant, primary


MIN_SHARED_WORDS = 2  # one shared word ('enforces') is any body's; two name what it does


@derived  # built from the rule base's facts: cleared with it
def _fact_counts(reader: Reader) -> dict[str, int]:
    """In how many facts each word stem occurs: a rare word says more of what is asked."""
    counts: dict[str, int] = {}
    for fact in reader.rule_base.facts.values():
        for stem in _stems(fact.text):
            counts[stem] = counts.get(stem, 0) + 1
    return counts


def _law_names(fact: Fact, reader: Reader) -> frozenset[str]:
    """The word stems of the instruments' names a fact is about: 'Act on the Protection of
    Personal Information' says nothing of consumer protection."""
    rb = reader.rule_base.entities
    kinds = (EntityKind.instrument,)
    return _stems(" ".join(rb[e].name for e in fact.about if e in rb and rb[e].kind in kinds))


def _worded(facts: list[Fact], part: Part, reader: Reader) -> list[Fact]:
    """The facts sharing the rarest of the question's content words (at least
    MIN_SHARED_WORDS of them): only the best, or those tied with it."""
    # The words that ask ('which ministry', '監督している官庁はどこ') say nothing of what is asked.
    cues = (m.group(0) for _, cue in phrasebook().facets for m in cue.finditer(part.text))
    asking = _stems(" ".join(cues))
    words, counts = _content_words(part, reader) - asking, _fact_counts(reader)
    shared = [(_stems(f.text) & words - _law_names(f, reader), f) for f in facts]
    weighed = [
        (sum(1 / counts.get(w, 1) for w in same), f)
        for same, f in shared
        if len(same) >= MIN_SHARED_WORDS
    ]
    best = max((w for w, _ in weighed), default=0.0)
    return [f for w, f in weighed if w == best]


def _content_words(part: Part, reader: Reader) -> frozenset[str]:
    """The question's word stems less those of the names of what it names and of the words
    every answer has."""
    rb = reader.rule_base
    # Its Japanese name too: '著作権法' in '著作権法30条の4って…' is a name, not a word asked.
    names = " ".join(
        a
        for e in part.entities
        if e in rb.entities
        for a in (rb.entities[e].name, rb.entities[e].name_ja or "", *rb.entities[e].aliases)
    )
    asked = phrasebook().body_says.sub(" ", part.text)
    return _stems(asked) - _stems(names) - phrasebook().ignored_stems


def _on_words(facts: list[Fact], part: Part, reader: Reader) -> list[Fact]:
    """The facts sharing two of the question's content words other than the names of what it
    names (one word start alone is too weak: "counts" is not "countermeasures"), as word starts
    or as lemmas ('rest on' is 'rests on', which five-letter starts miss)."""
    words = _content_words(part, reader)
    asked = phrasebook().body_says.sub(" ", part.text)  # "said" names no content
    lemmas = question_lemmas(asked, part.entities, reader)

    def shared(fact: Fact) -> int:
        return max(len(_stems(fact.text) & words), fact_overlap(fact, lemmas))

    return [f for f in facts if shared(f) >= MIN_SHARED_WORDS]


def _provision(facts: list[Fact], entities: list[str], reader: Reader) -> list[Fact]:
    """The facts first about an article named (one whose name is article notation, 第7条): its
    own 'what' facts, else what it provides on any facet (Article 7: its duties)."""
    registry = reader.rule_base.entities
    named = {
        e
        for e in entities
        if e in registry and any(_ARTICLE.fullmatch(a) for a in registry[e].aliases)
    }
    own = [f for f in facts if f.about and f.about[0] in named]
    return [f for f in own if f.facet == Facet.what] or own


def _states_contents(fact: Fact, reader: Reader) -> bool:
    """The fact lists what a text says ('four operating ideas: …', 'three principles: …'), not
    a fact that mentions its principles in passing (read in English, where a colon opens a list)."""
    contents = phrasebook().contents.pattern
    text = reader.english_text(fact.id)
    return re.search(rf"(?:{contents})[^:;.]{{0,40}}:", text, re.IGNORECASE) is not None


def _names_many(fact: Fact, kinds: set[EntityKind], reader: Reader) -> bool:
    """Is the fact about several entities of these kinds (it lists the class's members)?"""
    entities = reader.rule_base.entities
    return sum(1 for e in fact.about if e in entities and entities[e].kind in kinds) >= 2


def _about(facts: list[Fact], entities: list[str]) -> list[Fact]:
    return [f for f in facts if set(f.about) & set(entities)]


def _about_most(facts: list[Fact], on_facet: list[Fact], entities: list[str]) -> list[Fact]:
    """The facts about the most of the things named (two at least, one of them a thing no fact
    on the facet is about): a fact on the very point asked outranks one sharing a broad name."""
    unanswered = set(entities) - {e for f in on_facet for e in f.about}

    def weight(fact: Fact) -> tuple[int, int]:
        about = set(fact.about)
        return len(about & set(entities)), len(about & unanswered)

    weighed = [(weight(f), f) for f in facts if weight(f)[0] >= 2 and weight(f)[1]]
    best = max((w for w, _ in weighed), default=None)
    return [f for w, f in weighed if w == best]


def _about_all(facts: list[Fact], entities: list[str]) -> list[Fact]:
    return [f for f in facts if entities and set(entities) <= set(f.about)]


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def _dated_statements(part: Part, reader: Reader) -> list[Fact]:
    """Facts about everything a when-question names, a role or concept among an instrument,
    whose text states a year: what dates that thing under the instrument."""
    kinds = {reader.rule_base.entities[e].kind for e in part.entities}
    if len(part.entities) < 2 or not kinds & {EntityKind.role, EntityKind.concept}:
        return []
    if EntityKind.instrument not in kinds:
        return []
    facts = _about_all(list(reader.rule_base.facts.values()), part.entities)
    return [f for f in facts if _YEAR.search(f.text)][:1]


def _instruments_of(entities: list[str], reader: Reader) -> list[str]:
    """The instruments the named concepts are parts of, by name ('Article 13 of the AI
    Promotion Act (…)' is of the AI Promotion Act)."""
    rb = reader.rule_base.entities
    concepts = [rb[e].name.lower() for e in entities if rb[e].kind == EntityKind.concept]
    return [
        e.id
        for e in rb.values()
        if e.kind == EntityKind.instrument
        and any(re.search(rf"\bof (the )?{re.escape(e.name.lower())}\b", name) for name in concepts)
    ]


def scope_by_force(part: Part, reader: Reader) -> bool:
    """Is the part asking whether a document applies to a role ('does it apply to private
    companies?') that none of the document's scope facts speaks of? Then the fact on how far it
    binds, naming that role, answers it, not its scope for someone else (prefectures)."""
    entities = reader.rule_base.entities
    roles = {e for e in part.entities if entities[e].kind == EntityKind.role}
    documents = {e for e in part.entities if entities[e].kind == EntityKind.instrument}
    if part.facet != Facet.scope or not roles or not documents:
        return False
    return not any(
        f.facet == Facet.scope and roles & set(f.about) and documents & set(f.about)
        for f in reader.rule_base.facts.values()
    )


def without_containers(entities: list[str], reader: Reader) -> list[str]:
    """The named things less the Act that holds a named article ('著作権法30条の4' dates the
    article, not the Copyright Act's other events)."""
    held = {i for e in entities for i in _instruments_of([e], reader)}
    return [e for e in entities if e not in held]


def provision_facts(part: Part, reader: Reader) -> list[Fact]:
    """Asked which article says a thing ('which article requires the AI Basic Plan?', '何条'):
    the fact about what the question names citing the fewest sections of a text it names; asked
    how a text is divided ('how many articles…'), the fact citing the most of them. Empty when
    neither is asked."""
    book = phrasebook()
    many = bool(book.how_many_articles.search(part.text))
    if not many and not book.which_article.search(part.text):
        return []
    rb = reader.rule_base
    named = [e for e in part.entities if e in rb.entities]
    texts = {
        rb.entities[e].source or e
        for e in [*named, *_instruments_of(named, reader)]
        if (rb.entities[e].source or e) in rb.sources
    }

    def sections(fact: Fact) -> set[str]:
        return {c.section for c in fact.cites if c.section and (not texts or c.source in texts)}

    found = [f for f in _about(list(rb.facts.values()), named) if sections(f)]

    def key(fact: Fact) -> tuple[int, int, int]:
        shared = len(set(fact.about) & set(named))
        count = len(sections(fact))
        if many:
            return count, shared, relevance(fact, part)
        return shared, -count, relevance(fact, part)

    return sorted(found, key=key, reverse=True)[:1]


def by_entity_and_facet(part: Part, reader: Reader, limit: int = MAX_FACTS) -> list[Fact]:
    """The facts on the part's facet about what it names, most specific first.

    Facts about everything the part names come first (on its facet, then on any facet when it
    names several things); the regime as a whole stands in only when nothing named has facts.
    Facts after the first must share a content word with the question: no padding.
    """
    if not part.entities and part.facet == Facet.what:
        return []  # nothing named and nothing specific asked: a search, not a lookup
    # A document named with its issuer ('AISI's red-teaming guide') is what is asked about.
    part = part.model_copy(update={"entities": document_first(part.entities, reader, part.text)})
    provided = provision_facts(part, reader)
    if provided:  # which article says it, or how many articles it has
        return provided
    subjects = reader.subjects(part.entities)
    if part.facet == Facet.when:
        # What the clause asked names is dated first, not what a clause given before it names
        # ('The Act was promulgated in June 2025, so when did the Headquarters start?').
        in_clause = set(reader.linker.link(asked_clause(part.text)))
        named = sorted(without_containers(part.entities, reader), key=lambda e: e not in in_clause)
        dated = date_facts(named or subjects, reader, f"{part.text} {part.context}")
        # An article has no dates of its own: the Act it is of has ('when did Article 13 of
        # the AI Act take effect?', or '…that' after a question on it), but only those of an
        # event the question names: an article added by amendment, or one a commentary dates,
        # is not dated by the Act's other events ('When did Article 30-4 take effect?').
        whole = [] if dated else _instruments_of(named, reader)
        asked = f"{part.text} {part.context}"
        dated = dated or date_facts(whole, reader, asked, named_only=True)
        if phrasebook().latest.search(f"{part.text} {part.context}"):  # the newest of each thing
            dated = [
                f
                for n, f in enumerate(dated)
                if f.about[:1] not in (d.about[:1] for d in dated[:n])
            ]
        # Since when a thing the question names beside the law has been so ('Since when have
        # municipalities handled personal data under the APPI?'): a fact about all it names that
        # states the year says it; the law's own key dates do not date that thing.
        stated = _dated_statements(part, reader)
        dated = [*stated, *(f for f in dated if f not in stated)]
        if dated:
            return dated[: max(limit, len(dated))]
    if part.facet == Facet.penalty and not _about(
        [f for f in reader.rule_base.facts.values() if f.facet == Facet.penalty], part.entities
    ):  # nor penalties: the Act's sanctions are the article's ('…the penalty for infringing it?')
        whole = [e for e in _instruments_of(part.entities, reader) if e not in part.entities]
        part = part.model_copy(update={"entities": [*part.entities, *whole]})
    if part.facet == Facet.identifier:  # its number and title; else its title from sources.yaml
        facts = _about(list(reader.rule_base.facts.values()), part.entities)
        titled = [f for f in facts if f.facet == Facet.identifier]
        titled = titled or identifier_facts(part.entities, reader)
        if titled or not part.entities:
            return titled[:limit]
        return by_entity_and_facet(part.model_copy(update={"facet": Facet.what}), reader, limit)
    # Derived from sources.yaml, so they lead: who issues it, how far it binds.
    # Who issued a thing answers "who prepares/publishes it", not "who approves/enforces".
    book = phrasebook()
    # Nor who must do a thing ("who must cooperate…"): the duty's own text names who holds it.
    acts = bool(book.who_acts.search(part.text) or book.duty.search(part.text))
    issued = issuer_facts(part.entities, reader) if part.facet == Facet.who and not acts else []
    if not part.of_regime:  # how far a law binds answers only a question that names it
        issued += force_facts(part.entities, part.facet, reader, part.text)
    facts = list(reader.rule_base.facts.values())
    facets = {part.facet}
    bodies = [e for e in part.entities if e in reader.rule_base.institutions]
    if part.facet == Facet.what and bodies and len(bodies) == len(part.entities):
        facets.add(Facet.who)  # what a body is, is what it does ("What is the PPC?")
    penalty = dict((f, cue) for f, cue in phrasebook().facets)[Facet.penalty]
    if part.facet == Facet.who and penalty.search(part.text):
        facets.add(Facet.penalty)  # who enforces a text that carries no penalty: no one
    if part.facet == Facet.who and book.duty.search(part.text):
        facets.add(Facet.duty)  # who must do a thing: the duty's text names who holds it
    if part.facet in (Facet.who, Facet.penalty) and part.yes_no:
        facets |= {Facet.penalty, Facet.does_not}  # "is it a regulator?", "can it fine us?": no
    if scope_by_force(part, reader):
        facets.add(Facet.legal_force)  # whom a text binds says whether it applies to them
    on_facet = [f for f in facts if f.facet in facets]
    tiers = [_about_all(on_facet, part.entities)]
    if part.facet == Facet.what:  # what a provision says ('第7条の内容'): the facts first about it
        tiers.insert(0, _provision(facts, part.entities, reader))
    if part.facet == Facet.what and not phrasebook().existence.search(part.text):
        # No facet asked, but words beyond the names ("APPI consent for training"): the facts
        # about what it names that carry those words answer it, on whatever facet.
        tiers.insert(0, _on_words(_about(facts, part.entities), part, reader))
        if len(part.entities) > 1:  # of several things named, facts about them all first
            tiers.insert(0, _on_words(_about_all(facts, part.entities), part, reader))
    if part.facet == Facet.what and book.contents.search(part.text):
        # Its principles, ideas or approach: the facts about it that state such things.
        tiers.insert(0, [f for f in _about(facts, part.entities) if _states_contents(f, reader)])
    if part.facet == Facet.who and not part.entities:
        # Who does a thing, no body named ('which agency enforces competition rules?'): the body
        # whose own fact says it, by the question's rarest words, before the regime's overview.
        tiers.insert(0, _worded(on_facet, part, reader))
    classes = book.kinds_asked(part.text)
    if classes:  # a class asked for ('which roles does it define?'): the fact naming its members
        members = [f for f in _about(facts, part.entities) if _names_many(f, classes, reader)]
        tiers.insert(0, members)
    # Of several things named, a fact about them all on another facet answers a broad question
    # ("what does the APPI say about training"), not one asking who, when or how far it binds.
    narrow = part.facet in (Facet.who, Facet.when, Facet.penalty, Facet.legal_force)
    if len(part.entities) > 1 and not narrow:
        tiers.append(_about_all(facts, part.entities))
        # Else the facts about the most of them, when no fact on the facet is about as many:
        # 'is storing data in the cloud a third-party provision under the APPI?' is answered by
        # the fact on cloud storage and provision, not by an alert naming the APPI and data.
        tiers.append(_about_most(facts, on_facet, part.entities))
    if part.facet != Facet.what:  # an article asked of: its facts on the facet, else, asked
        tiers.append(_provision(on_facet, part.entities, reader))  # what it requires or covers,
    if part.facet != Facet.what and not narrow:  # what it provides ('what does Article 16
        tiers.append(_provision(facts, part.entities, reader))  # require?'), not the Act's
    kinds = [reader.rule_base.entities[e].kind for e in part.entities]
    documents = [e for e, k in zip(part.entities, kinds, strict=True) if k == EntityKind.instrument]
    if (
        part.facet != Facet.what
        and documents
        and set(kinds) == {EntityKind.instrument, EntityKind.role}
    ):
        # A document and whom it is asked of ('what does the IP code ask of developers?'): the
        # document's own facts answer, not another text's about them.
        tiers.append(_about(on_facet, documents))
        if not narrow:
            tiers.append(_about([f for f in facts if f.facet == Facet.what], documents))
    tiers.append(_about(on_facet, part.entities))
    if len(part.entities) > 1 and narrow:
        tiers.append(_about_all(facts, part.entities))
    if part.entities and part.facet != Facet.what:
        tiers.append(_about([f for f in facts if f.facet == Facet.what], part.entities))
    if part.facet == Facet.what:  # what a named thing's facts say, on any facet, before the
        tiers.append(_about(facts, part.entities))  # regime's ('is ChatGPT output copyrightable?')
    if part.facet == Facet.who and part.entities:
        # Who is asked of a thing no fact on the facet is about ('who do we report a data leak
        # to?'): a fact about it and a body, on any facet, names the body before the regime's.
        known = set(reader.rule_base.institutions)
        tiers.append([f for f in _about(facts, part.entities) if known & set(f.about)])
    tiers.append(_about(on_facet, subjects))
    chosen = next((tier for tier in tiers if tier), [])
    named = part.entities or subjects
    # A post asked for ("which officer must ministries appoint") is named by a duty's text too.
    roles = phrasebook().roles(part.text) if part.facet in (Facet.who, Facet.duty) else []
    # A wh-question's own facet leads over one its words added: who enforces the APPI is the
    # PPC, then its powers; a text with no one on the facet still answers from the added one.
    # (Who must do a thing is answered by the duty's text, which names the holder.)
    enforcing = part.facet == Facet.who and not part.yes_no and not book.duty.search(part.text)
    own = part.facet if enforcing else None
    # Who is in charge of a law or the regime: the body that law itself sets up (the AI
    # Strategic Headquarters for the AI Promotion Act, the PPC for the APPI) before bodies that
    # keep their own fields under other laws.
    founded = founded_by(subjects, reader) if enforcing else set()
    focus = asked_sentence_entities(part, named, reader)
    chosen.sort(
        key=lambda f: (
            states_role(f, roles),
            f.facet == own,
            names_body(f, founded, reader),
            bool(focus & set(f.about)),
            *_score(f, named, part),
        ),
        reverse=True,
    )
    # A few facts about exactly what was asked are the answer; among many (a broad entity),
    # only those sharing the question's words follow the lead.
    if issued:
        chosen = [f for f in chosen if f.facet == part.facet]  # no fallback beside a derived lead
    specific = len(chosen) <= limit
    # A derived lead (who issues it, how far it binds) gives way to a fact on the facet that
    # shares more of the question's words ("who enforces the APPI" is not who enacted it).
    words = _content_words(part, reader)
    shared = [len(_stems(f.text) & words) for f in issued]
    closer = bool(chosen) and len(_stems(chosen[0].text) & words) > max(shared, default=0)
    chosen = [*chosen[:1], *issued, *chosen[1:]] if issued and closer else issued + chosen
    if not chosen:
        return []
    chosen = general_first(chosen, part, reader)
    chosen = counted_first(chosen, part.text)  # 'how many…?': the fact with the count leads

    # Sharing only the words of the names asked about is no relevance ('what directions does the
    # AI Basic Plan set' is not answered by every fact naming the AI Basic Plan), unless the
    # question asks nothing beyond the name ('what is the AI Basic Plan?').
    def follows(fact: Fact) -> bool:
        if fact.facet in facets - {part.facet}:  # a facet the question's words added (no fines)
            return True
        return bool(_stems(fact.text) & words) if words else relevance(fact, part) > 0

    rest = [f for f in chosen[1:] if specific or follows(f)]
    rest = [f for f in rest if not _repeats(f, chosen[0])]
    if states_role(chosen[0], roles):  # who holds a post is answered: no other body follows
        rest = [f for f in rest if states_role(f, roles)]
    if part.facet == Facet.penalty:
        # What can be done to a named use ('can they force us to switch off our chatbot?') is
        # the regime's to say: when no fact about it is on the facet, the regime's best follows.
        regime = _regime_penalty(chosen, part, reader)[:1]
        # A lead on a facet only the yes/no added (needs no licence) gives way to the regime's
        # penalty fact when that shares more of the question's words (no power to inspect).
        added = bool(regime) and chosen[0].facet != part.facet
        if added and relevance(regime[0], part) > relevance(chosen[0], part):
            return [regime[0], *focused(regime[0], [chosen[0], *rest], part, reader)][:limit]
        rest = [*regime, *rest]
    contrast = _contrast(part, reader) if part.facet == Facet.compare else []
    if contrast:  # two instruments compared: how far each binds is the first difference
        if chosen[0].facet != Facet.compare:
            return contrast  # a fact that compares them leads; no other fact does
        return [chosen[0], *(f for f in contrast if not _repeats(f, chosen[0]))]
    return [chosen[0], *focused(chosen[0], rest, part, reader)[: limit - 1]]


def founded_by(entities: list[str], reader: Reader) -> set[str]:
    """The bodies the named instruments themselves name: those whose first citation
    (institutions.yaml) is the articles of one of them that provide for the body (the AI
    Promotion Act's Arts. 19-28 for the Headquarters), not the instrument as a whole."""
    rb = reader.rule_base
    laws = {rb.entities[e].source or e for e in entities if e in rb.entities} & set(rb.sources)
    return {
        i.id
        for i in rb.institutions.values()
        if i.citations[0].source in laws and i.citations[0].section
    }


def names_body(fact: Fact, bodies: set[str], reader: Reader) -> bool:
    """Is the fact about, or does its text name, one of these bodies?"""
    if not bodies:
        return False
    return bool(bodies & set(fact.about)) or bool(
        bodies & set(reader.linker.link(reader.english_text(fact.id)))
    )


def general_first(facts: list[Fact], part: Part, reader: Reader) -> list[Fact]:
    """A yes/no question is answered by the general rule, not by an exception to it that the
    question does not ask about ('Does Article 30-4 cover AI training?' says nothing of training
    meant to reproduce works): the general rule leads and its exceptions follow. A question in
    an exception's own words ('…training meant to reproduce one artist's works?', '…RAG that
    outputs parts of the works?') is answered by that exception."""
    lead = facts[0] if part.yes_no and facts else None
    if lead is None or lead.exception_of is None:
        return facts
    rb = reader.rule_base
    general = rb.facts.get(lead.exception_of.fact)
    if general is None:
        return facts
    cases = [f for f in rb.facts.values() if f.exception_of and f.exception_of.fact == general.id]
    asked = [(n, f) for f in cases if (n := narrower_words(f, general, part))]
    if asked:  # the exception the question names leads
        named = max(asked, key=lambda pair: pair[0])[1]
        return [named, *(f for f in facts if f.id != named.id)]
    return [general, *(f for f in facts if f.id != general.id)]


def narrower_words(exception: Fact, general: Fact, part: Part) -> int:
    """How many words the question shares with what the exception adds to its general rule (its
    qualifier), not counting the words that ask the facet ('cover', '適用')."""
    book = phrasebook()
    text = book.body_says.sub(" ", part.text)
    _, span = book.facet_match(text)
    if span is not None:
        text = f"{text[: span[0]]} {text[span[1] :]}"
    asked = _stems(text) - book.ignored_stems
    return len(asked & (_stems(exception.text) - _stems(general.text)))


def _regime_penalty(chosen: list[Fact], part: Part, reader: Reader) -> list[Fact]:
    """The regime's facts on the penalty facet, best first, when what the part names (a use or a
    technology, no instrument or body) has none of its own among those chosen."""
    subjects = reader.subjects(part.entities)
    regime = [e for e in subjects if e not in part.entities]
    if not part.entities or not regime or any(f.facet == Facet.penalty for f in chosen):
        return []
    facts = _about(list(reader.rule_base.facts.values()), regime)
    found = [f for f in facts if f.facet == Facet.penalty and f not in chosen]
    return sorted(found, key=lambda f: _score(f, subjects, part), reverse=True)


def _contrast(part: Part, reader: Reader) -> list[Fact]:
    """The legal force of each instrument a comparison names, when it names two or more."""
    rb = reader.rule_base
    named = [e for e in part.entities if rb.entities[e].kind == EntityKind.instrument]
    forces = [f for e in named for f in force_facts([e], Facet.legal_force, reader)]
    return forces if len(forces) >= 2 else []


def focused(lead: Fact, rest: list[Fact], part: Part, reader: Reader) -> list[Fact]:
    """No padding: after the lead, only facts about what the lead answers of the things named,
    citing no instrument beyond those named and the lead's own (a question about a named
    instrument or body; one about a technology or the regime may draw on any)."""
    rb = reader.rule_base
    kinds = (EntityKind.instrument, EntityKind.institution)
    if not any(rb.entities[e].kind in kinds for e in part.entities if e in rb.entities):
        if part.facet not in (Facet.who, Facet.when):
            return rest
        # Who issued or when: a fact on another facet answers only from the lead's own texts
        # ('which body issued the guideline on procuring generative AI?' is not the PPC's alert).
        own = {c.source for c in lead.cites}
        return [f for f in rest if f.facet == part.facet or own & {c.source for c in f.cites}]
    asked = {e for e in set(lead.about) & set(part.entities) if rb.entities[e].kind in kinds}
    allowed = sources_of(part.entities, reader) | sources_of(lead.about, reader, bodies=False)
    allowed |= {c.source for c in lead.cites}

    def other_instrument(fact: Fact) -> bool:
        if not sources_of(fact.about, reader, bodies=False) <= allowed:
            return True  # about an instrument neither asked nor the lead's
        # A statute's article is the legal basis of what is named, not another instrument.
        return any(c.source not in allowed and not _basis(c, reader) for c in fact.cites)

    return [f for f in rest if asked <= set(f.about) and not other_instrument(f)]


def _basis(cite: Citation, reader: Reader) -> bool:
    source = reader.rule_base.sources.get(cite.source)
    return bool(cite.section) and source is not None and source.kind == SourceKind.statute


def _repeats(fact: Fact, lead: Fact) -> bool:
    """A fact that says again what the lead says (a derived lead quoting the same note)."""
    return fuzz.token_set_ratio(fact.text, lead.text) >= SAME_TEXT


def other_article(fact: Fact, entities: list[str], reader: Reader) -> bool:
    """Is the fact about an article the question does not name, when it names another ('Under
    Article 16 … can the government fine us?' is not corrected by what Article 7 carries)?"""
    articles = reader.articles
    asked = articles & set(entities)
    return bool(asked) and bool(articles & set(fact.about) - asked)


def refuting(part: Part, reader: Reader, limit: int = 2) -> list[Fact]:
    """The facts that show the part's premises false: the best for each premise in the order the
    question names them (the belief it asks about first), then the next best of any."""
    subjects = reader.subjects(part.entities)
    best: list[Fact] = []
    others: list[Fact] = []
    named: dict[str, bool] = {}
    for premise in part.premises:
        facts = [reader.rule_base.facts[i] for i in reader.refuting(premise, subjects)]
        # The fact that names the belief corrects it ("no registration…", not "no licence…").
        # A belief that is itself a denial ('Japan has no AI law') is refuted by what there is
        # ('Japan has an AI Act…'), not by a fact that repeats its words to warn of it.
        denial = is_denial(premise, reader)
        for f in facts:
            said = not denial and names_belief(f.text, premise, reader)
            named[f.id] = named.get(f.id, False) or said
        facts.sort(
            key=lambda f: (
                named[f.id],
                not other_article(f, part.entities, reader),
                _score(f, part.entities, part),
            ),
            reverse=True,
        )
        fresh = [f for f in facts if f not in best]
        best += fresh[:1]
        others += [f for f in fresh[1:] if f not in others]
    # After the corrections, what holds instead; not a correction of a belief nobody voiced
    # ("needs no licence" beside "no registration").
    others = [
        f
        for f in others
        if not any(p not in part.premises and names_belief(f.text, p, reader) for p in f.refutes)
    ]
    others.sort(key=lambda f: _score(f, part.entities, part), reverse=True)
    # A denial ('Japan has no AI law') is answered by all there is: a fact that brings in
    # another instrument (the existing law beside 'Japan has an AI Act') before one more on the
    # same one.
    if any(is_denial(p, reader) for p in part.premises):
        shown = {c.source for f in best for c in f.cites}
        others.sort(key=lambda f: not {c.source for c in f.cites} - shown)
    others = [f for f in others if not other_article(f, part.entities, reader)]
    # A correction of the very thing named ("face recognition is not banned") needs no
    # regime-wide one after it.
    if best and set(best[0].about) & set(part.entities):
        # Of the things named, the use or technology it corrects, not the law it is asked of:
        # after 'the AI Act does not ban deepfakes', not what else the Act does not ban.
        corrected = set(best[0].about) & set(part.entities)
        laws = (EntityKind.instrument, EntityKind.jurisdiction)
        things = {e for e in corrected if reader.rule_base.entities[e].kind not in laws}
        things = things or corrected
        others = [f for f in others if set(f.about) & things]
        # Nor one on another thing under the same Act (deepfakes beside facial recognition).
        kinds = _things(corrected, reader)
        others = [f for f in others if not kinds or not _things(set(f.about), reader) - kinds]
    chosen = [*best, *(f for f in others if f not in best)]
    if not chosen:
        return []
    # A yes/no question is answered by its correction; one that takes the belief for granted
    # ("what is the maximum fine…") also hears what holds instead (the existing law's sanctions).
    if part.yes_no and phrasebook().stated(part.text) is None:
        chosen = [chosen[0], *focused(chosen[0], chosen[1:], part, reader)]
    return chosen[: max(limit, len(best))]


# What a correction is about beside the law or regime it sits in: the thing a belief was held of.
_THINGS = frozenset({EntityKind.technology, EntityKind.sector})


def _things(entities: set[str], reader: Reader) -> set[str]:
    """The technologies and sectors among `entities` (facial recognition, health)."""
    return {e for e in entities if reader.rule_base.entities[e].kind in _THINGS}


def watch_items(parts: list[Part]) -> list[WatchItem]:
    """Reported developments on what each part names that bear on the facet it asks: a new
    version's content answers "what does it say", not "when was it adopted"."""
    found: list[WatchItem] = []
    for part in parts:
        found += [i for i in about(part.entities, facet=part.facet) if i not in found]
    return found

"""Integrity checks for the answer engine's data: facts, entities and premises.

Each check is `(RuleBaseFiles) -> list[Problem]`, registered in knowledge/check.py's CHECKS.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from knowledge.defaults import derived
from knowledge.loader import Problem
from knowledge.schema import Entity, EntityKind, Fact, Institution, Premise, Source, TopicCard
from knowledge.words import month_names

if TYPE_CHECKING:
    from knowledge.check import RuleBaseFiles

ENTITIES = "entities.yaml"
PREMISES = "premises.yaml"
SOURCES = "sources.yaml"


@derived
def _date_spellings() -> tuple[re.Pattern[str], ...]:
    """The spellings of a date a fact could retype: 2025-06-04, 4 June 2025, June 4, 2025
    (month names: words.yaml)."""
    months = "|".join(month_names())
    return (
        re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"),
        re.compile(rf"\b(\d{{1,2}}) ({months}) (\d{{4}})\b", re.IGNORECASE),
        re.compile(rf"\b({months}) (\d{{1,2}}),? (\d{{4}})\b", re.IGNORECASE),
    )


def check_fact_references(files: RuleBaseFiles) -> list[Problem]:
    """Every fact is about known entities, refutes only known premises and narrows only another
    known fact."""
    entities, premises = files.ids(ENTITIES), files.ids(PREMISES)
    facts = {fact.id for _, fact in files.of_type(Fact)}
    problems: list[Problem] = []
    for rel, fact in files.of_type(Fact):
        for name, refs, known, target in (
            ("about", fact.about, entities, ENTITIES),
            ("refutes", fact.refutes, premises, PREMISES),
        ):
            problems += [
                Problem(
                    files.label(rel), fact.id, name, f"refers to unknown id '{ref}' in {target}"
                )
                for ref in refs
                if ref not in known
            ]
        general = fact.exception_of
        if general is not None and (general.fact not in facts or general.fact == fact.id):
            problems.append(
                Problem(
                    files.label(rel),
                    fact.id,
                    "exception_of",
                    f"refers to unknown fact '{general.fact}' in facts/",
                )
            )
    return problems


def check_topic_facts(files: RuleBaseFiles) -> list[Problem]:
    """Every fact id a topic card lists exists in facts/."""
    known = {fact.id for _, fact in files.of_type(Fact)}
    problems: list[Problem] = []
    for rel, card in files.of_type(TopicCard):
        problems += [
            Problem(files.label(rel), card.id, "facts", f"refers to unknown fact '{ref}' in facts/")
            for ref in card.facts
            if ref not in known
        ]
    return problems


def check_entity_references(files: RuleBaseFiles) -> list[Problem]:
    """Entity `source` names a source, `nearby` names entities; every source has its entity."""
    sources, entities = files.ids(SOURCES), files.ids(ENTITIES)
    label = files.label(ENTITIES)
    problems: list[Problem] = []
    instruments: dict[str, Entity] = {}
    for _, entity in files.of_type(Entity):
        if entity.source is not None and entity.source not in sources:
            problems.append(
                Problem(label, entity.id, "source", f"refers to unknown source '{entity.source}'")
            )
        problems += [
            Problem(label, entity.id, "nearby", f"refers to unknown id '{ref}' in {ENTITIES}")
            for ref in entity.nearby
            if ref not in entities
        ]
        if entity.kind is EntityKind.instrument and entity.source:
            instruments[entity.source] = entity
    if ENTITIES not in files.raw:
        return problems
    for _, source in files.of_type(Source):
        instrument = instruments.get(source.id)
        if instrument is None or instrument.id != source.id:
            problems.append(
                Problem(
                    label,
                    source.id,
                    "",
                    f"no instrument entity for source '{source.id}': add one with "
                    f"id: {source.id}, kind: instrument, source: {source.id}",
                )
            )
    return problems


def check_aliases(files: RuleBaseFiles) -> list[Problem]:
    """Aliases are lower-case and no phrase (alias or name) leads to two entities."""
    label = files.label(ENTITIES)
    owner: dict[str, str] = {}
    problems: list[Problem] = []
    for _, entity in files.of_type(Entity):
        for index, alias in enumerate(entity.aliases):
            if alias != alias.lower() or alias != alias.strip():
                problems.append(
                    Problem(label, entity.id, f"aliases.{index}", f"'{alias}' is not lower-case")
                )
        phrases = {p.strip().lower() for p in [entity.name, *entity.aliases]}
        for phrase in sorted(phrases):
            first = owner.setdefault(phrase, entity.id)
            if first != entity.id:
                problems.append(
                    Problem(label, entity.id, "aliases", f"'{phrase}' also names entity '{first}'")
                )
    return problems


def check_premise_cues(files: RuleBaseFiles) -> list[Problem]:
    """Every premise cue is a valid regular expression."""
    problems: list[Problem] = []
    for _, premise in files.of_type(Premise):
        for index, cue in enumerate(premise.cues):
            try:
                re.compile(cue, re.IGNORECASE)
            except re.error as exc:
                problems.append(
                    Problem(files.label(PREMISES), premise.id, f"cues.{index}", f"bad regex: {exc}")
                )
    return problems


def check_fact_dates(files: RuleBaseFiles) -> list[Problem]:
    """No fact retypes a date of a source or institution (answers derive those from the data)."""
    known: dict[dt.date, str] = {}
    for _, source in files.of_type(Source):
        known |= {date.date: f"source '{source.id}'" for date in source.dates}
    for _, institution in files.of_type(Institution):
        known |= {date.date: f"institution '{institution.id}'" for date in institution.dates}
    problems: list[Problem] = []
    for rel, fact in files.of_type(Fact):
        for date in _dates_in(fact.text):
            if date in known:
                problems.append(
                    Problem(
                        files.label(rel),
                        fact.id,
                        "text",
                        f"retypes {date.isoformat()}, a date of {known[date]}: "
                        "drop it, answers take dates from there",
                    )
                )
    return problems


def _dates_in(text: str) -> list[dt.date]:
    months = list(month_names())
    found = []
    for pattern in _date_spellings():
        for match in pattern.finditer(text):
            parts = match.groups()
            try:
                if parts[0].isdigit() and len(parts[0]) == 4:
                    found.append(dt.date(int(parts[0]), int(parts[1]), int(parts[2])))
                elif parts[0].isdigit():
                    month = months.index(parts[1].lower()) + 1
                    found.append(dt.date(int(parts[2]), month, int(parts[0])))
                else:
                    month = months.index(parts[0].lower()) + 1
                    found.append(dt.date(int(parts[2]), month, int(parts[1])))
            except ValueError:
                continue
    return found


FACT_CHECKS: list[Callable[[RuleBaseFiles], list[Problem]]] = [
    check_fact_references,
    check_topic_facts,
    check_entity_references,
    check_aliases,
    check_premise_cues,
    check_fact_dates,
]

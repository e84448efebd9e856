"""Every text an answer prints has its Japanese text beside it (issue 18): `shirube kb check`
reports a missing one as a problem naming the file, the entry and the field to add.

Japanese texts are optional in the schema so that a new English fact loads at once; this check
is what makes the pair required.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from knowledge.loader import Problem
from knowledge.schema import Fact, Source, Trigger

if TYPE_CHECKING:
    from knowledge.check import RuleBaseFiles


def _missing(file: str, entry: str, field: str, english: str) -> Problem:
    return Problem(file, entry, field, f"has no Japanese text: add {field} beside {english}")


def check_japanese_facts(files: RuleBaseFiles) -> list[Problem]:
    return [
        _missing(files.label(rel), fact.id, "text_ja", "text")
        for rel, fact in files.of_type(Fact)
        if not fact.text_ja
    ]


def check_japanese_sources(files: RuleBaseFiles) -> list[Problem]:
    """The short name, issuer, legal-force note and events that date and force leads print."""
    problems: list[Problem] = []
    for rel, source in files.of_type(Source):
        label = files.label(rel)
        for field, english, present in (
            ("short_name_ja", "short_name", source.short_name_ja),
            ("issuer_ja", "issuer", source.issuer_ja),
            (
                "legal_force_note_ja",
                "legal_force_note",
                source.legal_force_note_ja or not source.legal_force_note,
            ),
        ):
            if not present:
                problems.append(_missing(label, source.id, field, english))
        problems += [
            _missing(label, source.id, f"dates.{n}.event_ja", "event")
            for n, date in enumerate(source.dates)
            if not date.event_ja
        ]
    return problems


def check_japanese_triggers(files: RuleBaseFiles) -> list[Problem]:
    """The layer titles and reasons a use-case answer prints."""
    problems: list[Problem] = []
    for rel, trigger in files.of_type(Trigger):
        for field, english, present in (
            ("title_ja", "title", trigger.title_ja),
            ("why_ja", "why", trigger.why_ja),
        ):
            if not present:
                problems.append(_missing(files.label(rel), trigger.id, field, english))
    return problems


JA_CHECKS: list[Callable[[RuleBaseFiles], list[Problem]]] = [
    check_japanese_facts,
    check_japanese_sources,
    check_japanese_triggers,
]

"""Every text an answer prints has its Japanese text beside it (issue 18): `shirube kb check`
reports a missing one as a problem naming the file, the entry and the field to add.

Japanese texts are optional in the schema so that a new English fact loads at once; this check
is what makes the pair required.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from knowledge.changes import Change
from knowledge.loader import Problem
from knowledge.schema import ChecklistAction, Entity, Fact, LegalForce, Role, Source, Trigger

if TYPE_CHECKING:
    from knowledge.check_files import RuleBaseFiles


def _missing(file: str, entry: str, field: str, english: str) -> Problem:
    return Problem(file, entry, field, f"has no Japanese text: add {field} beside {english}")


def check_japanese_facts(files: RuleBaseFiles) -> list[Problem]:
    return [
        _missing(files.label(rel), fact.id, "text_ja", "text")
        for rel, fact in files.of_type(Fact)
        if not fact.text_ja
    ]


def check_japanese_entities(files: RuleBaseFiles) -> list[Problem]:
    """The names a Japanese answer prints for what the question named (and falls back to)."""
    return [
        _missing(files.label(rel), entity.id, "name_ja", "name")
        for rel, entity in files.of_type(Entity)
        if not entity.name_ja
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
    """The layer titles and reasons a use-case answer prints, and what a plan says to do."""
    problems: list[Problem] = []
    for rel, trigger in files.of_type(Trigger):
        for field, english, present in (
            ("title_ja", "title", trigger.title_ja),
            ("why_ja", "why", trigger.why_ja),
            ("in_practice_ja", "in_practice", trigger.in_practice_ja),
        ):
            if not present:
                problems.append(_missing(files.label(rel), trigger.id, field, english))
    return problems


def check_japanese_roles(files: RuleBaseFiles) -> list[Problem]:
    """The role definitions a plan prints."""
    return [
        _missing(files.label(rel), role.id, "definition_ja", "definition")
        for rel, role in files.of_type(Role)
        if not role.definition_ja
    ]


def check_japanese_checklist(files: RuleBaseFiles) -> list[Problem]:
    """Every action's title and text, and each variant's, as a Japanese plan prints them."""
    problems: list[Problem] = []
    for rel, action in files.of_type(ChecklistAction):
        worded = [("", action), *((f"variants.{n}.", v) for n, v in enumerate(action.variants))]
        for prefix, entry in worded:
            problems += [
                _missing(files.label(rel), action.id, f"{prefix}{field}_ja", f"{prefix}{field}")
                for field in ("title", "text")
                if not getattr(entry, f"{field}_ja")
            ]
    return problems


def check_japanese_changes(files: RuleBaseFiles) -> list[Problem]:
    """The changelog summaries `shirube changes` and `sessions diff` print."""
    return [
        _missing(files.label(rel), change.id, "summary_ja", "summary")
        for rel, change in files.of_type(Change)
        if not change.summary_ja
    ]


def _entries(raw: object) -> list[dict[str, object]]:
    return [e for e in raw if isinstance(e, dict)] if isinstance(raw, list) else []


def check_japanese_plan_words(files: RuleBaseFiles) -> list[Problem]:
    """The owners, timings, harms, caveats, legal-force labels, layer headings and plan wording a
    Japanese plan prints (files read raw: their schemas live with the code that uses them)."""
    problems: list[Problem] = []
    owners = files.label("owners.yaml")
    for owner in _entries(files.raw.get("owners.yaml")):
        if not owner.get("ja"):
            problems.append(_missing(owners, str(owner.get("id")), "ja", "the titles"))
    caveats = files.label("caveats.yaml")
    for caveat in _entries(files.raw.get("caveats.yaml")):
        if not caveat.get("text_ja"):
            problems.append(_missing(caveats, str(caveat.get("id")), "text_ja", "text"))
    rules = files.raw.get("plan_rules.yaml")
    for group in ("timings", "harms"):
        for entry in _entries(rules.get(group) if isinstance(rules, dict) else None):
            if not entry.get("label_ja"):
                entry_id = f"{group}.{entry.get('id')}"
                problems.append(
                    _missing(files.label("plan_rules.yaml"), entry_id, "label_ja", "label")
                )
    labels = files.raw.get("labels.yaml")
    if isinstance(labels, dict):
        problems += _labels(files.label("labels.yaml"), labels)
    return problems


def _labels(file: str, labels: dict[str, object]) -> list[Problem]:
    forces = labels.get("legal_force_ja")
    forces = forces if isinstance(forces, dict) else {}
    problems = [
        _missing(file, "legal_force_ja", force.value, f"legal_force.{force.value}")
        for force in LegalForce
        if not forces.get(force.value)
    ]
    problems += [
        _missing(file, f"layers.{layer.get('id')}", "heading_ja", "heading")
        for layer in _entries(labels.get("layers"))
        if not layer.get("heading_ja")
    ]
    texts = labels.get("plan_text")
    if not isinstance(texts, dict) or not texts.get("ja"):
        problems.append(_missing(file, "plan_text", "ja", "plan_text.en"))
    return problems


JA_CHECKS: list[Callable[[RuleBaseFiles], list[Problem]]] = [
    check_japanese_facts,
    check_japanese_entities,
    check_japanese_sources,
    check_japanese_triggers,
    check_japanese_roles,
    check_japanese_checklist,
    check_japanese_plan_words,
    check_japanese_changes,
]

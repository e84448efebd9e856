"""Cross-references the other checks do not cover: every id a data file names must exist.

One table, REFS: in these files, the values of this key are ids of that kind. kb check runs it
over the raw YAML, so a typo in a source id in scope.yaml, an action id in chat_intents.yaml,
a trigger's layer or an action's owner kind is named by file, entry and field. (Citations,
regulators, applies_to_*, principles, topic links, facts' entities and premises are checked in
check.py and check_facts.py; watch-list subjects in watchlist.py.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import ValidationError

from knowledge.loader import Problem
from knowledge.schema import Labels, LegalForce

if TYPE_CHECKING:
    from knowledge.check_files import RuleBaseFiles


@dataclass(frozen=True)
class Target:
    """A kind of id: where it is defined (for the message) and how to list the known ones."""

    name: str
    known: Callable[[RuleBaseFiles], set[str]]
    file: str | None = None
    """The file that defines these ids; when it is absent, "file is missing" says enough."""


def _entries(raw: object) -> Iterator[tuple[str, object]]:
    if isinstance(raw, list):
        for index, item in enumerate(raw):
            entry = item.get("id") if isinstance(item, dict) else None
            yield (str(entry) if entry is not None else f"#{index + 1}"), item
    elif isinstance(raw, dict):
        yield "-", raw


def _raw_ids(files: RuleBaseFiles, prefix: str) -> set[str]:
    """Ids of the entries in files under `prefix`, valid or not (one error per typo is enough)."""
    return {
        entry
        for rel, raw in files.raw.items()
        if rel.startswith(prefix) and isinstance(raw, list)
        for entry, _ in _entries(raw)
    }


def _harm_ids(files: RuleBaseFiles) -> set[str]:
    rules = files.raw.get("plan_rules.yaml")
    harms = rules.get("harms") if isinstance(rules, dict) else None
    return {entry for entry, _ in _entries(harms)} if isinstance(harms, list) else set()


def _personal_sources(files: RuleBaseFiles) -> dict[object, dict[object, object]]:
    """The sources each language's wording names ('en', 'ja' → source id → name and hint)."""
    raw = files.raw.get(PERSONAL)
    langs = raw.items() if isinstance(raw, dict) else ()
    found: dict[object, dict[object, object]] = {}
    for lang, wording in langs:
        sources = wording.get("sources") if isinstance(wording, dict) else None
        found[lang] = sources if isinstance(sources, dict) else {}
    return found


SOURCES = Target("sources.yaml", lambda f: _raw_ids(f, "sources.yaml"))
TRIGGERS = Target("triggers.yaml", lambda f: _raw_ids(f, "triggers.yaml"))
ACTIONS = Target("checklist.yaml", lambda f: _raw_ids(f, "checklist.yaml"))
ROLES = Target("roles.yaml", lambda f: _raw_ids(f, "roles.yaml"))
FACTS = Target("facts/", lambda f: _raw_ids(f, "facts/"))
OWNERS = Target("owners.yaml", lambda f: _raw_ids(f, "owners.yaml"), "owners.yaml")
HARMS = Target("plan_rules.yaml harms", lambda f: _harm_ids(f), "plan_rules.yaml")
PERSONAL = "personal_answers.yaml"
INTENTS = "chat_intents.yaml"


@dataclass(frozen=True)
class Ref:
    """In files whose path starts with `files`, every value under key `key` is a `target` id."""

    files: str
    key: str
    target: Target


REFS: tuple[Ref, ...] = (
    Ref("scope.yaml", "sources", SOURCES),
    Ref("chat_intents.yaml", "baseline_triggers", TRIGGERS),
    Ref("chat_intents.yaml", "action", ACTIONS),  # an intent's answer: does the plan include it?
    Ref("chat_intents.yaml", "source", SOURCES),  # an intent's answer: are its rules engaged?
    Ref("checklist.yaml", "only_for_roles", ROLES),
    Ref("checklist.yaml", "roles", ROLES),  # an action variant's roles
    Ref("checklist.yaml", "triggers", TRIGGERS),  # an action variant's triggers
    Ref("checklist.yaml", "owner", OWNERS),
    Ref("checklist.yaml", "harm", HARMS),
    Ref("official/", "role", ROLES),
    Ref("official/", "roles", ROLES),
    Ref("official/", "roles_all", ROLES),
    Ref("official/", "roles_none", ROLES),
    Ref("official/", "source", SOURCES),  # a sheet's single citation
    Ref("changes.yaml", "instruments", SOURCES),
    Ref("changes.yaml", "triggers", TRIGGERS),
    Ref("changes.yaml", "actions", ACTIONS),
    Ref("changes.yaml", "facts", FACTS),
    Ref("changes.yaml", "roles", ROLES),
    Ref("use_case_leads.yaml", "no_ban_fact", FACTS),  # the fact a yes/no lead rests on
)

FORCE_FILE = "legal_force_answers.yaml"
FORCE_TABLES = ("binding", "penalty")


def _values(node: object, key: str, path: str = "") -> Iterator[tuple[str, object]]:
    """(field path, value) for every id under `key` anywhere in `node` (a list gives each item)."""
    if isinstance(node, dict):
        for name, value in node.items():
            here = f"{path}.{name}" if path else str(name)
            if name == key and isinstance(value, list):
                yield from ((f"{here}.{i}", item) for i, item in enumerate(value))
            elif name == key:
                yield here, value
            else:
                yield from _values(value, key, here)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _values(value, key, f"{path}.{index}" if path else str(index))


def check_cross_references(files: RuleBaseFiles) -> list[Problem]:
    """Every id named under a key of REFS exists where that kind of id is defined."""
    problems: list[Problem] = []
    known: dict[str, set[str]] = {}
    for rel, raw in sorted(files.raw.items()):
        for ref in (r for r in REFS if rel.startswith(r.files)):
            if ref.target.file is not None and ref.target.file not in files.raw:
                continue
            ids = known.setdefault(ref.target.name, ref.target.known(files))
            for entry, item in _entries(raw):
                for where, value in _values(item, ref.key):
                    if not isinstance(value, str) or value not in ids:
                        message = f"refers to unknown id '{value}' in {ref.target.name}"
                        problems.append(Problem(files.label(rel), entry, where, message))
    return problems


def check_personal_sources(files: RuleBaseFiles) -> list[Problem]:
    """personal_answers.yaml names and hints sources by id, in each language: each key is a
    source, and each source a chat intent asks about has its name there (a source id not in
    sources.yaml is REFS' to name, once)."""
    known = SOURCES.known(files)
    worded = _personal_sources(files)
    problems = [
        Problem(
            files.label(PERSONAL),
            "-",
            f"{lang}.sources.{key}",
            f"refers to unknown id '{key}' in {SOURCES.name}",
        )
        for lang, sources in worded.items()
        for key in sources
        if key not in known
    ]
    if PERSONAL not in files.raw:
        return problems  # "file is missing" says enough
    for entry, item in _entries(files.raw.get(INTENTS)):
        problems += [
            Problem(
                files.label(INTENTS),
                entry,
                where,
                f"refers to unknown id '{value}' in {PERSONAL} {lang}.sources",
            )
            for where, value in _values(item, "source")
            for lang, sources in worded.items()
            if value in known and value not in sources
        ]
    return problems


def check_legal_force_answers(files: RuleBaseFiles) -> list[Problem]:
    """Every source's legal force has an opening (that each key is a legal force is the
    schema's to say: knowledge/schema/answers.py ForceAnswers)."""
    raw = files.raw.get(FORCE_FILE)
    if not isinstance(raw, dict):
        return []
    forces = {force.value for force in LegalForce}
    used: dict[str, str] = {}  # legal force → the first source that has it
    for entry, item in _entries(files.raw.get("sources.yaml")):
        if isinstance(item, dict):
            used.setdefault(str(item.get("legal_force")), entry)
    label = files.label(FORCE_FILE)
    problems: list[Problem] = []
    for table in FORCE_TABLES:
        found = raw.get(table)
        openings: dict[object, object] = found if isinstance(found, dict) else {}
        problems += [
            Problem(label, "-", table, f"no opening for '{force}', the legal force of '{source}'")
            for force, source in sorted(used.items())
            if force in forces and force not in openings
        ]
    return problems


LABELS_FILE = "labels.yaml"


def check_labels(files: RuleBaseFiles) -> list[Problem]:
    """labels.yaml fits its schema (every legal force labelled) and heads every trigger layer."""
    raw = files.raw.get(LABELS_FILE)
    if raw is None:
        return []
    label = files.label(LABELS_FILE)
    try:
        labels = Labels.model_validate(raw)
    except ValidationError as exc:
        return [
            Problem.of_error(label, "-", ".".join(str(x) for x in err["loc"]), err)
            for err in exc.errors()
        ]
    headed = {layer.id for layer in labels.layers}
    return [
        Problem(
            files.label("triggers.yaml"),
            entry,
            "layer",
            f"no heading for '{layer}' in {LABELS_FILE}",
        )
        for entry, item in _entries(files.raw.get("triggers.yaml"))
        if isinstance(item, dict) and (layer := item.get("layer")) not in headed
    ]


REF_CHECKS = [
    check_cross_references,
    check_personal_sources,
    check_legal_force_answers,
    check_labels,
]

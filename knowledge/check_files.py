"""The rule base's files as `kb check` reads them: every YAML file parsed, those with a schema
validated into typed entries, and every problem met on the way collected, never raised."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from knowledge.changes import CHANGES_FILE, Change
from knowledge.loader import DATA_DIR, FILES, FOLDERS, Problem, RuleBaseError, _rel, read_yaml
from knowledge.official import validate_official
from knowledge.plan_rules import OwnerKind, PlanRules
from knowledge.schema import RuleBaseMeta
from knowledge.schema.answers import ForceAnswers, LeadFile
from knowledge.schema.chat import IntentData, PersonalWords
from knowledge.schema.interview import AnswerWords
from knowledge.schema.phrasebook import Phrasebook
from knowledge.schema.reading import ReadingWords
from knowledge.schema.rules import Caveat, RoleRule
from knowledge.schema.scope import ScopeData
from knowledge.ui_labels_schema import UiLabelFile
from knowledge.words import WordList

_M = TypeVar("_M", bound=BaseModel)

# List files kb check validates that the RuleBase object does not hold (yet).
LISTS: dict[str, type[BaseModel]] = {
    "caveats.yaml": Caveat,
    "owners.yaml": OwnerKind,
    "role_rules.yaml": RoleRule,
}
# Files that are one mapping, each validated whole. (labels.yaml and use_case_hints.yaml have
# checks of their own in check_refs.py and check.py; official/ is validated as one folder.)
DOCUMENTS: dict[str, type[BaseModel]] = {
    "chat_intents.yaml": IntentData,
    "interview_words.yaml": AnswerWords,
    "legal_force_answers.yaml": ForceAnswers,
    "personal_answers.yaml": PersonalWords,
    "phrasebook.yaml": Phrasebook,
    "plan_rules.yaml": PlanRules,
    "reading_words.yaml": ReadingWords,
    "scope.yaml": ScopeData,
    "ui_labels.yaml": UiLabelFile,
    "use_case_leads.yaml": LeadFile,
    "words.yaml": WordList,
}
OFFICIAL = "official"


@dataclass
class RuleBaseFiles:
    """Every YAML file in the data dir: raw content, plus typed entries where a model exists."""

    data_dir: Path
    raw: dict[str, object] = field(default_factory=dict)
    """Relative path (posix) → parsed YAML, for every file that parsed."""
    typed: dict[str, list[BaseModel]] = field(default_factory=dict)
    """Relative path → validated entries, for files with a schema (FILES and topics/)."""
    meta: RuleBaseMeta | None = None
    problems: list[Problem] = field(default_factory=list)
    """Problems found while reading (missing files, invalid YAML, schema errors)."""
    today: dt.date = field(default_factory=dt.date.today)
    """The date review deadlines are checked against (tests pass a fixed one)."""

    def label(self, rel: str) -> str:
        return _rel(self.data_dir / rel)

    def ids(self, rel: str) -> set[str]:
        return {entry.id for entry in self.typed.get(rel, [])}  # type: ignore[attr-defined]

    def of_type(self, model: type[_M]) -> Iterator[tuple[str, _M]]:
        for rel, entries in self.typed.items():
            for entry in entries:
                if isinstance(entry, model):
                    yield rel, entry

    @property
    def as_of(self) -> dt.date:
        return self.meta.as_of if self.meta else dt.date.today()


def _model_for(rel: str) -> type[BaseModel] | None:
    if rel in FILES:
        return FILES[rel]
    if rel in LISTS:
        return LISTS[rel]
    if rel == CHANGES_FILE:  # optional: validated when present
        return Change
    folder = rel.split("/", 1)[0] if "/" in rel else None
    return FOLDERS.get(folder) if folder else None


def read_files(data_dir: Path = DATA_DIR, today: dt.date | None = None) -> RuleBaseFiles:
    """Parse every YAML file and validate those with a schema, collecting problems (no raise)."""
    files = RuleBaseFiles(data_dir=data_dir, today=today or dt.date.today())
    for name in FILES:
        if not (data_dir / name).exists():
            files.problems.append(Problem(files.label(name), "-", "", "file is missing"))
    for path in sorted(data_dir.rglob("*.yaml")):
        rel = path.relative_to(data_dir).as_posix()
        try:
            files.raw[rel] = read_yaml(path)
        except RuleBaseError as exc:
            files.problems += exc.problems
            continue
        if rel == "meta.yaml":
            try:
                files.meta = RuleBaseMeta.model_validate(files.raw[rel])
            except ValidationError as exc:
                files.problems += validation_problems(files.label(rel), "meta", exc)
            continue
        if rel in DOCUMENTS:
            try:
                DOCUMENTS[rel].model_validate(files.raw[rel])
            except ValidationError as exc:
                files.problems += validation_problems(files.label(rel), "-", exc)
            continue
        model = _model_for(rel)
        if model is not None:
            files.typed[rel] = _validate(files, rel, model)
    if "meta.yaml" not in files.raw:
        files.problems.append(Problem(files.label("meta.yaml"), "meta", "", "file is missing"))
    if (data_dir / OFFICIAL).is_dir():
        files.problems += validate_official(data_dir / OFFICIAL)[1]
    return files


def _validate(files: RuleBaseFiles, rel: str, model: type[BaseModel]) -> list[BaseModel]:
    raw = files.raw[rel]
    if not isinstance(raw, list):
        files.problems.append(
            Problem(files.label(rel), "-", "", "expected a list of entries at the top level")
        )
        return []
    entries: list[BaseModel] = []
    for index, item in enumerate(raw):
        entry_id = id_of(item, index)
        try:
            entries.append(model.model_validate(item))
        except ValidationError as exc:
            files.problems += validation_problems(files.label(rel), entry_id, exc)
    return entries


def validation_problems(file: str, entry: str, exc: ValidationError) -> list[Problem]:
    return [
        Problem.of_error(file, entry, ".".join(str(p) for p in err["loc"]), err)
        for err in exc.errors()
    ]


def id_of(item: object, index: int) -> str:
    """An entry's id (or role) as problems name it; its place ('#3') when it has none."""
    if isinstance(item, dict):
        for key in ("id", "role"):
            if key in item:
                return str(item[key])
    return f"#{index + 1}"


def walk(node: object, path: str = "") -> Iterator[tuple[str, str, object]]:
    """Yield (field path, key, value) for every mapping key in a parsed YAML tree."""
    if isinstance(node, dict):
        for key, value in node.items():
            here = f"{path}.{key}" if path else str(key)
            yield here, str(key), value
            yield from walk(value, here)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, f"{path}.{index}" if path else str(index))


def entries(raw: object) -> Iterator[tuple[str, object]]:
    """(entry id, entry) for a list file; the whole mapping as one entry otherwise."""
    if isinstance(raw, list):
        for index, item in enumerate(raw):
            yield id_of(item, index), item
    elif isinstance(raw, dict):
        yield "-", raw

"""Load and validate the rule base once per process.

Each YAML file under knowledge/data/ is a list of entries (meta.yaml is one mapping).
Errors name the file, the entry id and the field, so a typo is fixed in seconds.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from knowledge import defaults
from knowledge.schema import (
    ChecklistAction,
    Entity,
    Fact,
    Institution,
    Premise,
    Principle,
    Role,
    RuleBaseMeta,
    Source,
    TopicCard,
    Trigger,
)
from knowledge.validated_cache import cached, content_hash

# Re-exported: callers import the YAML basics from here as well as from knowledge.yaml_files.
from knowledge.yaml_files import DATA_DIR, Problem, RuleBaseError, read_yaml
from knowledge.yaml_files import rel as _rel

ModelT = TypeVar("ModelT", bound=BaseModel)


def validate_entries(path: Path, model: type[ModelT]) -> tuple[list[ModelT], list[Problem]]:
    """Validate a YAML list of entries against `model`, collecting every problem."""
    raw = read_yaml(path)
    file = _rel(path)
    if not isinstance(raw, list):
        return [], [Problem(file, "-", "", "expected a list of entries at the top level")]
    entries: list[ModelT] = []
    problems: list[Problem] = []
    for index, item in enumerate(raw):
        entry_id = str(item.get("id", f"#{index + 1}")) if isinstance(item, dict) else f"#{index}"
        try:
            entries.append(model.model_validate(item))
        except ValidationError as exc:
            for err in exc.errors():
                field = ".".join(str(part) for part in err["loc"])
                problems.append(Problem.of_error(file, entry_id, field, err))
    return entries, problems


def validate_document(path: Path, model: type[ModelT]) -> tuple[ModelT | None, list[Problem]]:
    """Validate a YAML file that is one mapping against `model`, collecting every problem."""
    raw = read_yaml(path)
    try:
        return model.model_validate(raw), []
    except ValidationError as exc:
        file = _rel(path)
        return None, [
            Problem.of_error(file, "-", ".".join(str(part) for part in err["loc"]), err)
            for err in exc.errors()
        ]


def load_document(path: Path, model: type[ModelT]) -> ModelT:
    """`path` validated with `model` (RuleBaseError on any problem); a packaged file's value is
    kept validated between processes (validated_cache: the phrasebook's checks are ~0.05 s)."""

    def validated() -> ModelT:
        value, problems = validate_document(path, model)
        if value is None:
            raise RuleBaseError(problems)
        return value

    if path.parent != DATA_DIR:
        return validated()
    return cached(f"document-{path.stem}", content_hash(path), validated)


def load_entries(path: Path, model: type[ModelT]) -> list[ModelT]:
    entries, problems = validate_entries(path, model)
    if problems:
        raise RuleBaseError(problems)
    return entries


def _unique(file: str, entries: Iterable[BaseModel]) -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for entry in entries:
        entry_id = entry.id  # type: ignore[attr-defined]
        if entry_id in seen:
            problems.append(Problem(file, entry_id, "id", "duplicate id"))
        seen.add(entry_id)
    return problems


@dataclass(frozen=True)
class RuleBase:
    meta: RuleBaseMeta
    sources: dict[str, Source]
    institutions: dict[str, Institution]
    roles: dict[str, Role]
    principles: dict[str, Principle]
    triggers: dict[str, Trigger]
    checklist: dict[str, ChecklistAction]
    topics: dict[str, TopicCard]
    corpus_hash: str
    facts: dict[str, Fact] = field(default_factory=dict)
    """Atomic statements (facts/*.yaml), by id."""
    entities: dict[str, Entity] = field(default_factory=dict)
    """Things questions name (entities.yaml), by id."""
    premises: dict[str, Premise] = field(default_factory=dict)
    """False beliefs questions carry (premises.yaml), by id."""
    data_dir: Path | None = None
    """The folder it was loaded from; None: the packaged knowledge/data (found at call time)."""

    def data_file(self, name: str) -> Path:
        """The data file `name` of this rule base: in its own folder, else the packaged one (a
        fixture rule base need not carry the wording files: phrasebook.yaml, scope.yaml …)."""
        if self.data_dir is not None and (self.data_dir / name).is_file():
            return self.data_dir / name
        return DATA_DIR / name

    def document(self, name: str, model: type[ModelT]) -> ModelT:
        """The one-mapping data file `name` (phrasebook.yaml, scope.yaml …) validated with
        `model`, the model `kb check` validates it with (knowledge/check_files.py DOCUMENTS);
        a problem raises RuleBaseError naming the file and the field."""
        return load_document(self.data_file(name), model)

    def source(self, source_id: str) -> Source:
        return self.sources[source_id]

    @property
    def version(self) -> str:
        """A short id of this exact rule base: its as-of date and a prefix of the corpus hash."""
        return f"{self.meta.as_of:%Y%m%d}-{self.corpus_hash[:8]}"


FILES: dict[str, type[BaseModel]] = {
    "sources.yaml": Source,
    "institutions.yaml": Institution,
    "roles.yaml": Role,
    "principles.yaml": Principle,
    "triggers.yaml": Trigger,
    "checklist.yaml": ChecklistAction,
    "entities.yaml": Entity,
    "premises.yaml": Premise,
}

# Folders of list files whose ids are unique across the whole folder.
FOLDERS: dict[str, type[BaseModel]] = {"topics": TopicCard, "facts": Fact}


def data_files(data_dir: Path = DATA_DIR) -> list[Path]:
    """Every file that makes up the rule base, in a stable order (for the corpus hash)."""
    return sorted(p for p in data_dir.rglob("*.yaml") if p.is_file())


def corpus_hash(data_dir: Path = DATA_DIR) -> str:
    digest = hashlib.sha256()
    for path in data_files(data_dir):
        digest.update(path.relative_to(data_dir).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def load_rule_base_from(data_dir: Path) -> RuleBase:
    """Load and validate the rule base in `data_dir`; raise RuleBaseError listing all problems."""
    problems: list[Problem] = []
    loaded: dict[str, list] = {}
    for name, model in FILES.items():
        path = data_dir / name
        if not path.exists():
            problems.append(Problem(_rel(path), "-", "", "file is missing"))
            loaded[name] = []
            continue
        entries, found = validate_entries(path, model)
        problems += found + _unique(_rel(path), entries)
        loaded[name] = entries
    folders: dict[str, list] = {}
    for folder, model in FOLDERS.items():
        folders[folder] = []
        for path in sorted((data_dir / folder).glob("*.yaml")):
            entries, found = validate_entries(path, model)
            problems += found
            folders[folder] += entries
        problems += _unique(_rel(data_dir / folder), folders[folder])
    meta_path = data_dir / "meta.yaml"
    meta = None
    try:
        meta = RuleBaseMeta.model_validate(read_yaml(meta_path))
    except (ValidationError, FileNotFoundError) as exc:
        problems.append(Problem(_rel(meta_path), "meta", "", str(exc).splitlines()[0]))
    if problems or meta is None:
        raise RuleBaseError(problems)
    return RuleBase(
        meta=meta,
        sources={s.id: s for s in loaded["sources.yaml"]},
        institutions={i.id: i for i in loaded["institutions.yaml"]},
        roles={r.id: r for r in loaded["roles.yaml"]},
        principles={p.id: p for p in loaded["principles.yaml"]},
        triggers={t.id: t for t in loaded["triggers.yaml"]},
        checklist={c.id: c for c in loaded["checklist.yaml"]},
        topics={t.id: t for t in folders["topics"]},
        corpus_hash=corpus_hash(data_dir),
        facts={f.id: f for f in folders["facts"]},
        entities={e.id: e for e in loaded["entities.yaml"]},
        premises={p.id: p for p in loaded["premises.yaml"]},
        data_dir=data_dir,
    )


def load_packaged_rule_base() -> RuleBase:
    """The packaged rule base (knowledge/data), loaded and validated: validated again only when
    a data file or the code validating it changed since a process last did (validated_cache)."""
    data_dir = DATA_DIR  # read at call time: tests point the loader at a copy

    def packaged() -> RuleBase:  # its place not kept: a cached copy may serve another checkout
        return dataclasses.replace(load_rule_base_from(data_dir), data_dir=None)

    return cached("rule_base", corpus_hash(data_dir), packaged)


def load_rule_base() -> RuleBase:
    """The rule base in use: the packaged one, loaded once, unless swapped (knowledge.defaults)."""
    return defaults.rule_base()

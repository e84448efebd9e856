"""`shirube kb check`: schema and integrity checks over whatever rule-base files exist.

Each check is a plain function `(RuleBaseFiles) -> list[Problem]` in CHECKS, so a later check
(for example coverage of the official checklist rows) is one more function in that list.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from core.conditions import ConditionError, validate
from knowledge.changes import CHANGES_FILE, Change
from knowledge.check_facts import FACT_CHECKS
from knowledge.check_force import FORCE_CHECKS
from knowledge.check_ja import JA_CHECKS
from knowledge.check_ja_questions import QUESTION_CHECKS
from knowledge.check_refs import REF_CHECKS
from knowledge.hints import HintFile
from knowledge.loader import DATA_DIR, FILES, FOLDERS, Problem, RuleBaseError, _rel, read_yaml
from knowledge.schema import ChecklistAction, RuleBaseMeta, Source, TopicCard, Trigger
from knowledge.watchlist import check_watchlist

_M = TypeVar("_M", bound=BaseModel)

EARLIEST = dt.date(1900, 1, 1)
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Keys whose values are dates anywhere in the rule base.
DATE_KEYS = frozenset({"date", "as_of", "checked", "review_by"})
# Keys that name a date in the future by design (a review due date), so they may lie further out.
FUTURE_KEYS = frozenset({"review_by"})
# Keys whose values are lists of citations ({source, section}) anywhere in the rule base.
CITATION_KEYS = frozenset({"citations", "cite", "cites"})


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
                files.problems += _validation_problems(files.label(rel), "meta", exc)
            continue
        model = _model_for(rel)
        if model is not None:
            files.typed[rel] = _validate(files, rel, model)
    if "meta.yaml" not in files.raw:
        files.problems.append(Problem(files.label("meta.yaml"), "meta", "", "file is missing"))
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
        entry_id = _entry_id(item, index)
        try:
            entries.append(model.model_validate(item))
        except ValidationError as exc:
            files.problems += _validation_problems(files.label(rel), entry_id, exc)
    return entries


def _validation_problems(file: str, entry: str, exc: ValidationError) -> list[Problem]:
    return [
        Problem.of_error(file, entry, ".".join(str(p) for p in err["loc"]), err)
        for err in exc.errors()
    ]


def _entry_id(item: object, index: int) -> str:
    if isinstance(item, dict):
        for key in ("id", "role"):
            if key in item:
                return str(item[key])
    return f"#{index + 1}"


def _walk(node: object, path: str = "") -> Iterator[tuple[str, str, object]]:
    """Yield (field path, key, value) for every mapping key in a parsed YAML tree."""
    if isinstance(node, dict):
        for key, value in node.items():
            here = f"{path}.{key}" if path else str(key)
            yield here, str(key), value
            yield from _walk(value, here)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, f"{path}.{index}" if path else str(index))


def _entries(raw: object) -> Iterator[tuple[str, object]]:
    """(entry id, entry) for a list file; the whole mapping as one entry otherwise."""
    if isinstance(raw, list):
        for index, item in enumerate(raw):
            yield _entry_id(item, index), item
    elif isinstance(raw, dict):
        yield "-", raw


# --- checks -------------------------------------------------------------------------------


def check_unique_ids(files: RuleBaseFiles) -> list[Problem]:
    """Ids are unique within each file, and across each folder of FOLDERS (topics/, facts/)."""
    problems: list[Problem] = []
    folder_seen: dict[str, set[str]] = {folder: set() for folder in FOLDERS}
    for rel, raw in files.raw.items():
        seen: set[str] = set()
        folder = rel.split("/", 1)[0] if "/" in rel else ""
        across = folder_seen.get(folder, set())
        for entry_id, item in _entries(raw):
            if not (isinstance(item, dict) and "id" in item):
                continue
            if entry_id in seen or entry_id in across:
                problems.append(Problem(files.label(rel), entry_id, "id", "duplicate id"))
            seen.add(entry_id)
        across |= seen
    return problems


def check_citations(files: RuleBaseFiles) -> list[Problem]:
    """Every citation in every file names a source that exists in sources.yaml."""
    sources = files.ids("sources.yaml")
    problems: list[Problem] = []
    for rel, raw in files.raw.items():
        for entry_id, item in _entries(raw):
            for where, key, value in _walk(item):
                if key not in CITATION_KEYS or not isinstance(value, list):
                    continue
                for index, citation in enumerate(value):
                    source = citation.get("source") if isinstance(citation, dict) else None
                    if isinstance(source, str) and source not in sources:
                        problems.append(
                            Problem(
                                files.label(rel),
                                entry_id,
                                f"{where}.{index}.source",
                                f"cites unknown source '{source}' (not in sources.yaml)",
                            )
                        )
    return problems


def _dangling(
    files: RuleBaseFiles, rel: str, entry_id: str, name: str, refs: list[str], target: str
) -> list[Problem]:
    known = files.ids(target)
    return [
        Problem(files.label(rel), entry_id, name, f"refers to unknown id '{ref}' in {target}")
        for ref in refs
        if ref not in known
    ]


def check_references(files: RuleBaseFiles) -> list[Problem]:
    """Triggers, checklist actions, topics and role rules point only at ids that exist."""
    problems: list[Problem] = []
    for rel, trigger in files.of_type(Trigger):
        problems += _dangling(
            files, rel, trigger.id, "regulators", trigger.regulators, "institutions.yaml"
        )
    for rel, action in files.of_type(ChecklistAction):
        for name, refs, target in (
            ("applies_to_roles", action.applies_to_roles, "roles.yaml"),
            ("applies_to_triggers", action.applies_to_triggers, "triggers.yaml"),
            ("principles", action.principles, "principles.yaml"),
        ):
            problems += _dangling(files, rel, action.id, name, refs, target)
    topic_ids = {t.id for _, t in files.of_type(TopicCard)}
    for rel, card in files.of_type(TopicCard):
        problems += [
            Problem(files.label(rel), card.id, "related", f"refers to unknown topic '{ref}'")
            for ref in card.related
            if ref not in topic_ids
        ]
    role_rules = files.raw.get("role_rules.yaml")
    for entry_id, item in _entries(role_rules):
        if isinstance(item, dict) and isinstance(item.get("role"), str):
            problems += _dangling(
                files, "role_rules.yaml", entry_id, "role", [item["role"]], "roles.yaml"
            )
    return problems


def check_dates(files: RuleBaseFiles) -> list[Problem]:
    """Every date is ISO (YYYY-MM-DD) and between 1900-01-01 and one year after as_of."""
    latest = files.as_of.replace(year=files.as_of.year + 1)
    problems: list[Problem] = []
    for rel, raw in files.raw.items():
        for entry_id, item in _entries(raw):
            for where, key, value in _walk(item):
                if key not in DATE_KEYS:
                    continue
                date = _as_date(value)
                last = latest.replace(year=latest.year + 1) if key in FUTURE_KEYS else latest
                if date is None:
                    message = f"'{value}' is not an ISO date (write YYYY-MM-DD)"
                elif not EARLIEST <= date <= last:
                    message = f"{date.isoformat()} is outside {EARLIEST} .. {last} (a typo?)"
                else:
                    continue
                problems.append(Problem(files.label(rel), entry_id, where, message))
    return problems


def _as_date(value: object) -> dt.date | None:
    # YAML turns an unquoted YYYY-MM-DD into a date; anything else (20250604, 2025/06/04) is wrong.
    if isinstance(value, dt.datetime):
        return None
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and ISO_DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def check_source_review(files: RuleBaseFiles) -> list[Problem]:
    """No source is past its review date, and each is due after it was checked."""
    problems: list[Problem] = []
    for rel, source in files.of_type(Source):
        if source.review_by <= source.checked:
            message = f"review_by {source.review_by} is not after checked {source.checked}"
            problems.append(Problem(files.label(rel), source.id, "review_by", message))
        elif source.review_by < files.today:
            message = (
                f"source {source.id} was due for review on {source.review_by}; re-verify it "
                f"against {source.url} and update checked/review_by"
            )
            problems.append(Problem(files.label(rel), source.id, "review_by", message))
    return problems


def check_conditions(files: RuleBaseFiles) -> list[Problem]:
    """Every declarative `when` condition names real profile fields and allowed values."""
    problems = []
    for rel, raw in files.raw.items():
        for entry_id, item in _entries(raw):
            if isinstance(item, dict) and "when" in item and item["when"] is not None:
                try:
                    validate(item["when"], f"entry '{entry_id}'")
                except ConditionError as exc:
                    problems.append(Problem(files.label(rel), entry_id, "when", str(exc)))
    return problems


def check_use_case_hints(files: RuleBaseFiles) -> list[Problem]:
    """use_case_hints.yaml: valid patterns, real profile fields and allowed values."""
    rel = "use_case_hints.yaml"
    if rel not in files.raw:
        return []
    raw = files.raw[rel]
    try:
        HintFile.model_validate(raw)
    except ValidationError as exc:
        problems = []
        hints = raw.get("hints") if isinstance(raw, dict) else None
        for err in exc.errors():
            loc = list(err["loc"])
            entry = "-"
            if len(loc) > 1 and loc[0] == "hints" and isinstance(loc[1], int) and hints:
                entry = _entry_id(hints[loc[1]], loc[1]) if loc[1] < len(hints) else str(loc[1])
                loc = loc[2:]
            field = ".".join(str(p) for p in loc)
            problems.append(Problem.of_error(files.label(rel), entry, field, err))
        return problems
    return []


Check = Callable[[RuleBaseFiles], list[Problem]]
CHECKS: list[Check] = [
    check_unique_ids,
    check_citations,
    check_references,
    check_dates,
    check_source_review,
    check_conditions,
    check_use_case_hints,
    *FACT_CHECKS,
    check_watchlist,
    *REF_CHECKS,
    *FORCE_CHECKS,
    *JA_CHECKS,
    *QUESTION_CHECKS,
]


@dataclass(frozen=True)
class CheckReport:
    problems: list[Problem]
    counts: dict[str, int]
    """File (relative to the data dir) → number of entries, for the summary line."""
    as_of: dt.date | None


def run_checks(
    data_dir: Path = DATA_DIR, checks: list[Check] | None = None, today: dt.date | None = None
) -> CheckReport:
    files = read_files(data_dir, today)
    problems = list(files.problems)
    for check in CHECKS if checks is None else checks:
        problems += check(files)
    counts = {
        rel: len(raw) if isinstance(raw, list) else 1
        for rel, raw in files.raw.items()
        if rel != "meta.yaml"
    }
    return CheckReport(problems, counts, files.meta.as_of if files.meta else None)


def check_rule_base(data_dir: Path = DATA_DIR, today: dt.date | None = None) -> list[Problem]:
    """Schema problems plus every integrity problem in `data_dir`; empty when all is well."""
    return run_checks(data_dir, today=today).problems

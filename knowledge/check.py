"""`shirube kb check`: schema and integrity checks over whatever rule-base files exist.

Each check is a plain function `(RuleBaseFiles) -> list[Problem]` in CHECKS, so a later check
(for example coverage of the official checklist rows) is one more function in that list.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from core.conditions import ConditionError, validate
from knowledge.check_facts import FACT_CHECKS
from knowledge.check_files import RuleBaseFiles, entries, id_of, read_files, walk
from knowledge.check_force import FORCE_CHECKS
from knowledge.check_ja import JA_CHECKS
from knowledge.check_ja_questions import QUESTION_CHECKS
from knowledge.check_refs import REF_CHECKS
from knowledge.hints import HintFile
from knowledge.loader import DATA_DIR, FOLDERS, Problem
from knowledge.schema import ChecklistAction, Source, TopicCard, Trigger
from knowledge.ui_labels import ui_text
from knowledge.watchlist import check_watchlist

EARLIEST = dt.date(1900, 1, 1)
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Keys whose values are dates anywhere in the rule base.
DATE_KEYS = frozenset({"date", "as_of", "checked", "review_by"})
# Keys that name a date in the future by design (a review due date), so they may lie further out.
FUTURE_KEYS = frozenset({"review_by"})
# Keys whose values are lists of citations ({source, section}) anywhere in the rule base.
CITATION_KEYS = frozenset({"citations", "cite", "cites"})


def check_unique_ids(files: RuleBaseFiles) -> list[Problem]:
    """Ids are unique within each file, and across each folder of FOLDERS (topics/, facts/)."""
    problems: list[Problem] = []
    folder_seen: dict[str, set[str]] = {folder: set() for folder in FOLDERS}
    for rel, raw in files.raw.items():
        seen: set[str] = set()
        folder = rel.split("/", 1)[0] if "/" in rel else ""
        across = folder_seen.get(folder, set())
        for entry_id, item in entries(raw):
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
        for entry_id, item in entries(raw):
            for where, key, value in walk(item):
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
    for entry_id, item in entries(role_rules):
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
        for entry_id, item in entries(raw):
            for where, key, value in walk(item):
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
        for entry_id, item in entries(raw):
            if isinstance(item, dict) and "when" in item and item["when"] is not None:
                try:
                    validate(item["when"], ui_text("check_messages.where_entry", id=entry_id))
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
                entry = id_of(hints[loc[1]], loc[1]) if loc[1] < len(hints) else str(loc[1])
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

"""Checks between checklist.yaml and the official checklists, for `shirube kb check`.

- every official_refs entry resolves to an official item (see knowledge.official for the syntax);
- every worksheet row is covered by some action (reported per sheet);
- the official data itself is valid.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel

from knowledge.loader import Problem, load_rule_base
from knowledge.official import Official, coverage_map, validate_official
from knowledge.schema import ChecklistAction
from knowledge.ui_labels import ui_text

CHECKLIST_FILE = "knowledge/data/checklist.yaml"


class SheetCoverage(BaseModel):
    """Coverage of one worksheet sheet (or the 7A list) by the whole checklist."""

    sheet: str
    name: str
    total: int
    covered: int
    uncovered: list[str]


def _actions(checklist: Sequence[ChecklistAction] | None) -> Sequence[ChecklistAction]:
    return list(load_rule_base().checklist.values()) if checklist is None else checklist


def coverage_by_sheet(
    official: Official | None = None, checklist: Sequence[ChecklistAction] | None = None
) -> list[SheetCoverage]:
    """Per sheet (official order) and for checklist 7A: how many items some action covers."""
    if official is None:
        official, _problems = validate_official()
        if official is None:
            return []
    actions = _actions(checklist)
    covered = set(coverage_map(actions, official))
    result = []
    for sheet in official.sheets.values():
        refs = [row.id for row in official.sheet_rows(sheet.id)]
        missing = [ref for ref in refs if ref not in covered]
        result.append(
            SheetCoverage(
                sheet=sheet.id,
                name=sheet.name,
                total=len(refs),
                covered=len(refs) - len(missing),
                uncovered=missing,
            )
        )
    cited = {ref for action in actions for ref in action.official_refs}
    missing_7a = [q for q in official.questions_7a if q not in cited]
    total_7a = len(official.questions_7a)
    result.append(
        SheetCoverage(
            sheet="7a",
            name="チェックリスト 7A",
            total=total_7a,
            covered=total_7a - len(missing_7a),
            uncovered=missing_7a,
        )
    )
    return result


def official_coverage_problems(
    checklist: Sequence[ChecklistAction] | None = None,
) -> list[Problem]:
    """Every problem: invalid official data, unknown refs, and official items no action covers.

    `checklist` defaults to the packaged checklist.yaml (tests pass their own).
    """
    official, problems = validate_official()
    if official is None:
        return problems
    from core import conditions  # late import, as above

    for rel in official.relations:
        if rel.when is not None:
            try:
                where = ui_text("check_messages.where_relation", id=rel.id)
                conditions.validate(rel.when, where)
            except conditions.ConditionError as exc:
                problems.append(
                    Problem("knowledge/data/official/relations.yaml", rel.id, "when", str(exc))
                )
    actions = _actions(checklist)
    for action in actions:
        for ref in action.official_refs:
            if not official.ref_exists(ref):
                problems.append(
                    Problem(
                        CHECKLIST_FILE,
                        action.id,
                        "official_refs",
                        f"unknown official ref '{ref}' (syntax: common:2)①, gov:1-1, "
                        "dev:build:5)①, D-2) i., HCOC-①, 7A-4, AISI-6; see knowledge/official.py)",
                    )
                )
    for sheet in coverage_by_sheet(official, actions):
        for ref in sheet.uncovered:
            problems.append(
                Problem(
                    f"knowledge/data/official ({sheet.name})",
                    ref,
                    "",
                    f"no checklist action covers this official item "
                    f"({sheet.covered}/{sheet.total} of sheet '{sheet.sheet}' covered)",
                )
            )
    return problems

"""Pre-fill the official 7C worksheet from an assessment: pure data, no file formats here.

A row is covered by an action when the action's official_refs name the row, a role item worked
on that row, or (for a role sheet's "other" rows, which repeat the common sheet) the common row
with the same code. Rows limited to roles you do not hold carry the reason instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from core import conditions
from core.profile import UseCaseProfile
from knowledge.loader import load_rule_base
from knowledge.official import BUSINESS_ROLES, Official, Row, Sheet, coverage_map, load_official
from knowledge.schema import ChecklistAction
from tools.assess import Assessment
from tools.progress import STATUS_LABELS, ActionProgress, Status

ROLE_NAMES = {
    "developer": "AI developer (AI開発者)",
    "provider": "AI provider (AI提供者)",
    "business_user": "AI business user (AI利用者)",
}
NO_ACTION = "No Shirube action covers this row yet: decide your own approach and record it here."


class FilledRow(BaseModel):
    """One worksheet row with Shirube's pre-filled columns."""

    model_config = ConfigDict(frozen=True)

    ref: str
    group: str
    code: str
    item: str
    location: str
    applies: bool
    scope: str
    relations: str
    action_ids: list[str]
    approach: str
    done: bool = False
    """Every Shirube action behind the row is marked done (the official ✓ column)."""


class FilledSheet(BaseModel):
    model_config = ConfigDict(frozen=True)

    sheet: Sheet
    rows: list[FilledRow]


def held_roles(assessment: Assessment) -> list[str]:
    """The business roles (developer / provider / business user) the assessment found."""
    ids = {role.id for role in assessment.roles}
    return [role for role in BUSINESS_ROLES if role in ids]


def actions_of(assessment: Assessment) -> list[ChecklistAction]:
    """The assessment's actions as rule-base entries (the canonical refs and citations)."""
    known = load_rule_base().checklist
    # The checklist is built from these entries, so every id is known.
    return [known[item.id] for item in assessment.checklist]


def sheets_for(profile: UseCaseProfile, roles: Sequence[str], official: Official) -> list[Sheet]:
    """The sheets this profile's workbook holds, in the official order."""
    return [
        sheet
        for sheet in official.sheets.values()
        if (sheet.role is None or sheet.role in roles)
        and (not sheet.advanced_only or profile.advanced_model)
    ]


def row_applies(row: Row, roles: Sequence[str]) -> bool:
    universal = set(row.roles) >= set(BUSINESS_ROLES)
    return universal or bool(set(row.roles) & set(roles))


def _scope(row: Row, sheet: Sheet, roles: Sequence[str]) -> str:
    if not row_applies(row, roles):
        return row.na_reason or "Not applicable to the roles you hold."
    if sheet.role:
        return f"In scope: you act as {ROLE_NAMES[sheet.role]}."
    mine = [ROLE_NAMES[r] for r in roles if r in row.roles]
    if not mine:
        return "In scope: a common principle for every organisation that works with AI."
    return "In scope for you as " + ", ".join(mine) + "."


def _relations(row: Row, profile: UseCaseProfile, roles: Sequence[str], official: Official) -> str:
    notes = [
        rel.text
        for rel in official.relations
        if row.id in rel.rows
        and set(rel.roles_all) <= set(roles)
        and not set(rel.roles_none) & set(roles)
        and (rel.when is None or conditions.evaluate(rel.when, profile))
    ]
    return "\n".join(notes)


def approach_text(action: ChecklistAction, progress: ActionProgress) -> str:
    """One action's line; tools/worksheet_read.py parses it back, so change both together."""
    cites = "; ".join(c.label() for c in action.citations)
    reason = f": {progress.reason}" if progress.reason else ""
    evidence = f", evidence: {progress.evidence}" if progress.evidence else ""
    status = f"[Status: {STATUS_LABELS[progress.status]}{reason}{evidence}]"
    return f"• {action.title} [{action.id}]: {action.text.strip()} (Cites: {cites}) {status}"


def fill_worksheet(assessment: Assessment, official: Official | None = None) -> list[FilledSheet]:
    """Every sheet of the profile's workbook, each row pre-filled from the assessment."""
    official = official or load_official()
    roles = held_roles(assessment)
    actions = {a.id: a for a in actions_of(assessment)}
    covered = coverage_map(actions.values(), official)
    filled: list[FilledSheet] = []
    for sheet in sheets_for(assessment.profile, roles, official):
        rows = []
        for row in official.sheet_rows(sheet.id):
            applies = row_applies(row, roles)
            ids = covered.get(row.id, []) if applies else []
            states = assessment.progress
            # Every action shows its status, as the Markdown table does, so it can be edited there.
            approach = "\n".join(
                approach_text(actions[i], states.get(i, ActionProgress())) for i in ids
            )
            done = bool(ids) and all(i in states and states[i].status == Status.done for i in ids)
            rows.append(
                FilledRow(
                    ref=row.id,
                    group=f"{row.group_ja}\n({row.group_en})" if row.group_ja else row.group_en,
                    code=row.code,
                    item=row.item,
                    location=row.location,
                    applies=applies,
                    scope=_scope(row, sheet, roles),
                    relations=_relations(row, assessment.profile, roles, official),
                    action_ids=ids,
                    approach=approach if applies and ids else ("" if not applies else NO_ACTION),
                    done=done,
                )
            )
        filled.append(FilledSheet(sheet=sheet, rows=rows))
    return filled

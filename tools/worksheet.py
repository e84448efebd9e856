"""Write the pre-filled official worksheet (appendix 7C) as XLSX or CSV, and the plan appendix.

The workbook follows the official layout: a header with the three people the worksheet names
(author, checker, accountable person, left blank), then one row per official item with the
user columns pre-filled from the assessment.
"""

from __future__ import annotations

import csv
import io
import math
import os
import unicodedata
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from pydantic import BaseModel

from core.errors import UsageError
from knowledge.loader import load_rule_base
from knowledge.official import load_official
from tools.assess import Assessment
from tools.safe_output import write_output
from tools.terminal_text import clean
from tools.worksheet_fill import FilledRow, FilledSheet, actions_of, fill_worksheet

# (heading, width in character units); the headings pair the official Japanese with English.
COLUMNS: list[tuple[str, int]] = [
    ("大分類\nGroup", 20),
    ("分類\nCode", 8),
    ("項目\nItem", 38),
    ("対応箇所\nOfficial location", 22),
    (
        "各自の事業において検討対象とする事項（該当しない場合はその理由）\n"
        "In scope, or why it does not apply",
        38,
    ),
    ("他の主体との関係についての事項\nRelations with other actors", 38),
    ("✓", 5),
    ("具体的なアプローチ\nConcrete approach (Shirube's actions, with citations)", 70),
    ("最終検討日（見直し日）\nLast review date", 14),
    ("Shirube ref", 16),
]
HEADER_FIELDS = [
    "α. ワークシートの作成者 (author)",
    "β. 実施状況の確認を行う者 (checker)",
    "γ. 責任者 (accountable person)",
]
HEADER_ROW = 8  # the table heading; data rows follow it
_THIN = Side(style="thin", color="999999")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")


def row_values(row: FilledRow) -> list[str]:
    """One data row in column order (✓ when its actions are done; the review date is the user's)."""
    check = "✓" if row.done else ""
    return [row.group, row.code, row.item, row.location, row.scope, row.relations, check,
            row.approach, "", row.ref]  # fmt: skip


def _text_width(text: str) -> int:
    # Full-width (Japanese) characters take two columns in a spreadsheet cell.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _row_height(values: list[str]) -> float:
    lines = 1
    for value, (_, width) in zip(values, COLUMNS, strict=True):
        needed = sum(max(1, math.ceil(_text_width(part) / width)) for part in value.split("\n"))
        lines = max(lines, needed)
    return min(409.0, 15.0 * lines)


def _write_sheet(book: Workbook, filled: FilledSheet, name: str, as_of: str) -> None:
    ws = book.create_sheet(filled.sheet.name)
    ws["A1"] = filled.sheet.title_ja
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = filled.sheet.title_en
    # The name is the user's text: no control characters (openpyxl refuses them, terminals obey).
    ws["A3"] = (
        f"Use case: {clean(name) or '(unnamed)'}. Pre-filled by Shirube from its rule base as of "
        f"{as_of}; review every cell. Source: {filled.sheet.citation.label()}."
    )
    for offset, label in enumerate(HEADER_FIELDS):
        ws.cell(row=4 + offset, column=1, value=label).font = Font(bold=True)
        ws.cell(row=4 + offset, column=3).border = _BORDER  # left blank for the user
    fill = PatternFill("solid", fgColor="DDEBF7")
    for col, (heading, width) in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=HEADER_ROW, column=col, value=heading)
        cell.font, cell.fill, cell.alignment, cell.border = Font(bold=True), fill, _WRAP, _BORDER
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.row_dimensions[HEADER_ROW].height = 60
    for index, row in enumerate(filled.rows, start=HEADER_ROW + 1):
        values = row_values(row)
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=index, column=col, value=value or None)
            cell.alignment, cell.border = _WRAP, _BORDER
        if not row.applies:
            ws.cell(row=index, column=5).font = Font(italic=True, color="7F7F7F")
        ws.row_dimensions[index].height = _row_height(values)
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=3)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(COLUMNS))}{ws.max_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def write_xlsx(assessment: Assessment, path: str | Path) -> Path:
    """Write the pre-filled workbook to `path` (.xlsx); return the path written."""
    if Path(path).suffix.lower() != ".xlsx":
        raise UsageError(f"--output '{path}' must end in .xlsx for --format worksheet.")
    book = Workbook()
    book.remove(book.worksheets[0])  # the default empty sheet
    as_of = str(load_rule_base().meta.as_of)
    for filled in fill_worksheet(assessment):
        _write_sheet(book, filled, assessment.profile.name, as_of)
    workbook = io.BytesIO()  # whole in memory first: the file is replaced only once complete
    book.save(workbook)
    return write_output(path, workbook.getvalue())


def csv_paths(target: str | Path, sheet_ids: list[str]) -> list[Path]:
    """A folder (existing or ending in '/') gets worksheet-<id>.csv; else <prefix>-<id>.csv."""
    raw = os.fspath(target)
    target = Path(raw).expanduser()
    if raw.endswith(os.sep) or target.is_dir():
        return [target / f"worksheet-{sheet}.csv" for sheet in sheet_ids]
    stem = target.with_suffix("") if target.suffix.lower() == ".csv" else target
    return [stem.parent / f"{stem.name}-{sheet}.csv" for sheet in sheet_ids]


def write_csv(assessment: Assessment, target: str | Path) -> list[Path]:
    """One CSV per sheet, UTF-8 with BOM so spreadsheet programs read the Japanese correctly."""
    sheets = fill_worksheet(assessment)
    paths = csv_paths(target, [s.sheet.id for s in sheets])
    return [
        write_output(path, _csv_text(filled), encoding="utf-8-sig")
        for filled, path in zip(sheets, paths, strict=True)
    ]


def _csv_text(filled: FilledSheet) -> str:
    handle = io.StringIO(newline="")
    writer = csv.writer(handle)
    writer.writerow([heading.replace("\n", " / ") for heading, _ in COLUMNS])
    writer.writerows(row_values(row) for row in filled.rows)
    return handle.getvalue()


class Coverage(BaseModel):
    """How far the plan's actions cover the official items for the roles held."""

    applicable: int
    covered: int
    not_applicable: int
    uncovered: list[str]

    def line(self) -> str:
        return (
            f"covers {self.covered} of {self.applicable} official items that apply to your roles; "
            f"{self.not_applicable} marked not applicable with reasons"
        )


def coverage(sheets: list[FilledSheet]) -> Coverage:
    rows = [row for sheet in sheets for row in sheet.rows]
    applicable = [row for row in rows if row.applies]
    return Coverage(
        applicable=len(applicable),
        covered=sum(1 for row in applicable if row.action_ids),
        not_applicable=len(rows) - len(applicable),
        uncovered=[row.ref for row in applicable if not row.action_ids],
    )


def markdown_appendix(assessment: Assessment) -> str:
    """The plan appendix: each action's official references, then the coverage line."""
    official = load_official()
    lines = [
        "## Appendix: official checklist references",
        "",
        "Each action and the official items it puts into practice (AI Guidelines for Business "
        "appendices 2A and 7A-7C, Hiroshima items, AISI evaluation perspectives). "
        "`shirube assess PROFILE --format worksheet --output plan.xlsx` writes the official "
        "worksheet pre-filled with these actions.",
        "",
        "| Action | Official references |",
        "|---|---|",
    ]
    for action in actions_of(assessment):
        refs = "; ".join(f"`{ref}` {official.label(ref)}" for ref in action.official_refs)
        lines.append(f"| {action.title} (`{action.id}`) | {refs or '(none yet)'} |")
    result = coverage(fill_worksheet(assessment, official))
    lines += ["", f"Coverage: {result.line()}."]
    if result.uncovered:
        lines.append("Not yet covered by an action: " + ", ".join(result.uncovered) + ".")
    return "\n".join(lines) + "\n"

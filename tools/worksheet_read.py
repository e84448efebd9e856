"""Read progress back from a filled 7C worksheet (.xlsx or one sheet's .csv).

The worksheet writes each action as "• Title [action_id]: … [Status: Done, evidence: …]" in
its approach cell; the reader looks for those lines in every cell, so inserted columns or
reordered sheets do not matter. An action covers several official rows, so it can appear more
than once: the readings must agree, or the user is told which cells to reconcile.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from openpyxl import load_workbook
from pydantic import ValidationError

from core.errors import UsageError
from tools.progress import STATUS_LABELS, ActionProgress, ReadProgress, status_by_label

_LINE = re.compile(
    r"\[(?P<id>[a-z][a-z0-9_]*)\]:.*\[Status:\s*(?P<label>[^:,\]]+?)\s*"
    r"(?::\s*(?P<reason>.*?))?(?:,\s*evidence:\s*(?P<evidence>.*))?\]\s*$",
    re.DOTALL,
)
_BULLET = re.compile(r"\n(?=• )")  # one action per bullet, even when its text runs over lines


def _cells(path: Path) -> Iterator[tuple[str, str]]:
    """(where, text) for every non-empty cell: 'Sheet!H12' for a workbook, 'row 12' for CSV."""
    try:
        if path.suffix.lower() == ".csv":
            text = path.read_text(encoding="utf-8-sig")
            for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
                yield from ((f"row {number}", cell) for cell in row if cell)
            return
        book = load_workbook(path, read_only=True, data_only=True)
    except (OSError, UnicodeDecodeError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise UsageError(
            f"Cannot read the worksheet '{path}' ({exc}). Export it again with "
            "`shirube plan export ID --format worksheet -o plan.xlsx`."
        ) from None
    try:
        for sheet in book.worksheets:
            for cells in sheet.iter_rows():
                for cell in cells:
                    if isinstance(cell.value, str):
                        yield f"{sheet.title}!{cell.coordinate}", cell.value
    finally:
        book.close()


def _reading(match: re.Match[str], where: str, path: Path) -> ReadProgress:
    status = status_by_label().get(match["label"].lower())
    if status is None:
        raise UsageError(
            f"'{path}' {where}: the status '{match['label']}' of action '{match['id']}' is not "
            f"one of: {', '.join(STATUS_LABELS.values())}."
        )
    reading = ReadProgress(
        status=status,
        evidence=(match["evidence"] or "").strip(),
        reason=(match["reason"] or "").strip(),
    )
    try:  # the same rules as `plan set`, checked here so the message can name the cell
        ActionProgress(status=status, reason=reading.reason)
    except ValidationError as exc:
        raise UsageError(
            f"'{path}' {where}: action '{match['id']}': {exc.errors()[0]['msg']}."
        ) from None
    return reading


def read_worksheet_progress(path: Path) -> dict[str, ReadProgress]:
    """Each action's status and evidence as the worksheet's approach cells record them."""
    found: dict[str, tuple[str, ReadProgress]] = {}
    for where, text in _cells(path):
        for line in _BULLET.split(text):
            match = _LINE.search(line)
            if match is None:
                continue
            reading = _reading(match, where, path)
            first = found.setdefault(match["id"], (where, reading))
            if first[1] != reading:
                raise UsageError(
                    f"'{path}': action '{match['id']}' has one status in {first[0]} and another "
                    f"in {where}. Make the cells agree, then import again."
                )
    if not found:
        raise UsageError(
            f"'{path}' has no '[Status: …]' lines to read progress from. Export the worksheet "
            "with `shirube plan export ID --format worksheet -o plan.xlsx`."
        )
    return {action: reading for action, (_, reading) in found.items()}

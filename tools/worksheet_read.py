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

from knowledge.ui_labels import LabelledError, Phrase, os_kind, phrase
from knowledge.ui_labels import reading as reading_of
from tools.progress import ActionProgress, ReadProgress, status_by_label

_LINE = re.compile(
    r"\[(?P<id>[a-z][a-z0-9_]*)\]:.*\[Status:\s*(?P<label>[^:,\]]+?)\s*"
    r"(?::\s*(?P<reason>.*?))?(?:,\s*evidence:\s*(?P<evidence>.*))?\]\s*$",
    re.DOTALL,
)
_BULLET = re.compile(r"\n(?=• )")  # one action per bullet, even when its text runs over lines


def _cells(path: Path) -> Iterator[tuple[str | Phrase, str]]:
    """(where, text) for every non-empty cell: 'Sheet!H12' for a workbook, 'row 12' for CSV."""
    try:
        if path.suffix.lower() == ".csv":
            text = path.read_text(encoding="utf-8-sig")
            for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
                where = phrase("errors.worksheet_row", number=number)
                yield from ((where, cell) for cell in row if cell)
            return
        book = load_workbook(path, read_only=True, data_only=True)
    except (OSError, UnicodeDecodeError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        problem = os_kind(exc) if isinstance(exc, OSError) else phrase("errors.not_a_worksheet")
        raise LabelledError(
            "errors.worksheet_unreadable", path=str(path), problem=problem
        ) from None
    try:
        for sheet in book.worksheets:
            for cells in sheet.iter_rows():
                for cell in cells:
                    if isinstance(cell.value, str):
                        yield f"{sheet.title}!{cell.coordinate}", cell.value
    finally:
        book.close()


def _reading(match: re.Match[str], where: str | Phrase, path: Path) -> ReadProgress:
    status = status_by_label().get(match["label"].lower())
    if status is None:
        raise LabelledError(
            "errors.worksheet_bad_status",
            path=str(path),
            where=where,
            status=match["label"],
            id=match["id"],
            allowed=phrase("errors.import_statuses"),
        )
    reading = ReadProgress(
        status=status,
        evidence=(match["evidence"] or "").strip(),
        reason=(match["reason"] or "").strip(),
    )
    try:  # the same rules as `plan set`, checked here so the message can name the cell
        ActionProgress(status=status, reason=reading.reason)
    except ValidationError as exc:
        said = str(exc.errors()[0]["msg"]).removeprefix("Value error, ")
        problem = reading_of(said, "validator_messages") or said
        raise LabelledError(
            "errors.worksheet_bad_progress",
            path=str(path),
            where=where,
            id=match["id"],
            problem=problem,
        ) from None
    return reading


def read_worksheet_progress(path: Path) -> dict[str, ReadProgress]:
    """Each action's status and evidence as the worksheet's approach cells record them."""
    found: dict[str, tuple[str | Phrase, ReadProgress]] = {}
    for where, text in _cells(path):
        for line in _BULLET.split(text):
            match = _LINE.search(line)
            if match is None:
                continue
            reading = _reading(match, where, path)
            first = found.setdefault(match["id"], (where, reading))
            if first[1] != reading:
                raise LabelledError(
                    "errors.worksheet_disagree",
                    path=str(path),
                    id=match["id"],
                    first=first[0],
                    where=where,
                )
    if not found:
        raise LabelledError("errors.worksheet_no_lines", path=str(path))
    return {action: reading for action, (_, reading) in found.items()}

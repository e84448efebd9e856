"""Read progress back from an exported plan (JSON, Markdown, worksheet): status round-trips.

Returns what the file says for each action, keyed by action id (JSON) or title (Markdown);
the caller matches keys against the saved plan.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from knowledge.schema import LANGS, load_labels
from knowledge.ui_labels import LabelledError, os_kind, phrase
from tools.progress import ReadProgress, status_by_label
from tools.worksheet_read import read_worksheet_progress

_ESCAPE = re.compile(r"\\(.)")
# "Done (https://…)", "Not applicable: no video (note)" as the Markdown table writes them.
_STATUS = re.compile(r"^(?P<label>[^:(]+?)(?::\s*(?P<reason>[^(]*?))?\s*(?:\((?P<evidence>.*)\))?$")


def _from_json(text: str, path: Path) -> dict[str, ReadProgress]:
    try:
        data = json.loads(text)
        return {k: ReadProgress.model_validate(v) for k, v in data["progress"].items()}
    except (ValueError, KeyError, TypeError, AttributeError):
        raise LabelledError("errors.import_not_json", path=str(path)) from None


def _checklist_section(text: str) -> str:
    """The plan's checklist section, under its heading in whichever language it is written."""
    headings = {load_labels().text(lang).checklist for lang in LANGS}
    for heading in headings:
        if f"## {heading}\n" in text:
            return text.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    return text


def _plain(cell: str) -> str:
    return _ESCAPE.sub(r"\1", cell.strip())


def _from_markdown(text: str, path: Path) -> dict[str, ReadProgress]:
    found: dict[str, ReadProgress] = {}
    section = _checklist_section(text)
    for line in section.splitlines():
        cells = re.split(r"(?<!\\)\|", line)[1:-1]
        if len(cells) != 7 or not cells[0].strip().isdigit():
            continue
        title = _plain(cells[1]).split("**")[1] if "**" in cells[1] else _plain(cells[1])
        match = _STATUS.match(_plain(cells[5]))
        status = status_by_label().get(match["label"].strip().lower()) if match else None
        if match is None or status is None:
            raise LabelledError(
                "errors.import_bad_status",
                path=str(path),
                status=_plain(cells[5]),
                title=title,
                allowed=phrase("errors.import_statuses"),
            )
        due = _plain(cells[4])
        found[title] = ReadProgress(
            status=status,
            owner=_plain(cells[2]) or None,
            due=dt.date.fromisoformat(due) if due else None,
            evidence=(match["evidence"] or "").strip(),
            reason=(match["reason"] or "").strip(),
        )
    if not found:
        raise LabelledError("errors.import_no_table", path=str(path))
    return found


def read_progress(path: Path) -> dict[str, ReadProgress]:
    """The progress an exported plan records (UsageError names the file and the problem)."""
    if path.suffix.lower() in (".xlsx", ".csv"):
        return read_worksheet_progress(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problem = os_kind(exc) if isinstance(exc, OSError) else phrase("errors.not_utf8_text")
        raise LabelledError("errors.import_unreadable", path=str(path), problem=problem) from None
    if path.suffix.lower() == ".json":
        return _from_json(text, path)
    return _from_markdown(text, path)

"""Interview answers a shared database did not take, kept on this machine until it does.

When an answer cannot be written to the team's PostgreSQL (down, unreachable), it goes to a
JSON-lines file in the data dir; the next `shirube interview --resume ID` writes it, in order,
before asking anything. An answer whose question is no longer the one waiting stays in the
file and is named, never applied to another question.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from filelock import FileLock
from pydantic import BaseModel, ConfigDict, ValidationError

from core.config import Settings

FILE = "journal.jsonl"
Outcome = Literal["written", "already saved", "kept"]


class Entry(BaseModel):
    """One answer typed while the database was away."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    session: str
    question: str
    """The id of the question it answers; applied only while that question is waiting."""
    answer: str
    at: dt.datetime
    who: str
    where: str
    """The database that refused it (password masked)."""


def path(settings: Settings) -> Path:
    return settings.data_dir / FILE


def _lock(settings: Settings) -> FileLock:
    return FileLock(str(path(settings)) + ".lock", thread_local=False)


def keep(settings: Settings, entry: Entry) -> Path:
    """Append `entry` (flushed and synced: it is the only copy); the journal's path."""
    import os

    file = path(settings)
    file.parent.mkdir(parents=True, exist_ok=True)
    with _lock(settings), file.open("a", encoding="utf-8") as out:
        out.write(entry.model_dump_json() + "\n")
        out.flush()
        os.fsync(out.fileno())
    return file


def _read(file: Path) -> list[Entry | str]:
    """Every line: an Entry, or the raw line when it cannot be read (kept, never dropped)."""
    if not file.exists():
        return []
    kept: list[Entry | str] = []
    for line in file.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        try:
            kept.append(Entry.model_validate_json(line))
        except ValidationError:
            kept.append(line)  # half a line from a crash: left for the user to read
    return kept


def pending(settings: Settings, session_id: str | None = None) -> list[Entry]:
    """The answers still waiting (for one session, or all)."""
    return [
        e
        for e in _read(path(settings))
        if isinstance(e, Entry) and (session_id is None or e.session == session_id)
    ]


def replay(
    settings: Settings, session_id: str, write: Callable[[Entry], Outcome]
) -> list[tuple[Entry, Outcome]]:
    """Hand each waiting answer of `session_id` to `write`, oldest first; drop the written ones.

    An answer `write` keeps, and every later one of the session, stays in the journal (order
    matters in an interview); a failure inside `write` leaves the rest in the file too.
    """
    file = path(settings)
    done: list[tuple[Entry, Outcome]] = []
    with _lock(settings):
        lines = _read(file)
        left: list[Entry | str] = []
        index = 0
        try:
            for index, line in enumerate(lines):  # noqa: B007  read after the loop
                if not isinstance(line, Entry) or line.session != session_id:
                    left.append(line)
                    continue
                outcome = write(line)
                done.append((line, outcome))
                if outcome == "kept":
                    break
            else:
                index = len(lines)
        finally:
            # The entry that was kept or failed, and all after it, stay (unwritten ones in order).
            _rewrite(file, left + lines[index:])
    return done


def _rewrite(file: Path, lines: list[Entry | str]) -> None:
    if not file.exists():
        return
    if not lines:
        file.unlink()
        return
    temp = file.with_suffix(".tmp")
    temp.write_text(
        "".join((x.model_dump_json() if isinstance(x, Entry) else x) + "\n" for x in lines),
        encoding="utf-8",
    )
    temp.replace(file)

"""Sessions on disk: the SQLite checkpointer and a tiny registry of sessions in the same file.

The registry (id, kind, created, updated, title, status) is what `shirube sessions list` shows,
read without LangGraph so the list is instant; chat threads join it with kind "chat" by calling
`register_session` with their thread id.
"""

from __future__ import annotations

import datetime as dt
import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from core.config import Settings, get_settings
from core.errors import UsageError
from core.storage import StorageError, guarded

if TYPE_CHECKING:
    from langgraph.checkpoint.sqlite import SqliteSaver

_TABLE = """
CREATE TABLE IF NOT EXISTS shirube_sessions (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT ''
)
"""
# Databases made before the status column: add it ('' means "not recorded yet").
_ADD_STATUS = "ALTER TABLE shirube_sessions ADD COLUMN status TEXT NOT NULL DEFAULT ''"


class SessionInfo(BaseModel):
    """One row of the session registry."""

    model_config = ConfigDict(frozen=True)

    id: str
    kind: str
    created: str
    updated: str
    title: str
    status: str = ""


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def new_session_id() -> str:
    return secrets.token_hex(4)


class SessionsConnection(sqlite3.Connection):
    """A connection to the sessions database that remembers its file, to name it in errors."""

    path: Path


def guard(conn: sqlite3.Connection) -> AbstractContextManager[None]:
    """A SQLite failure in the block becomes one StorageError naming the file and the fix."""
    return guarded(getattr(conn, "path", Path("sessions.sqlite")))


@contextmanager
def reading(conn: sqlite3.Connection, session_id: str) -> Iterator[None]:
    """Read one session's saved state; a garbled checkpoint is named, not a traceback.

    Only for reads (no node of ours runs inside), so any failure is the saved bytes' fault.
    """
    try:
        with guard(conn):
            yield
    except StorageError:
        raise
    except Exception as exc:
        path = getattr(conn, "path", "the sessions database")
        raise StorageError(
            f"Session {session_id} in {path} cannot be read: its saved state is damaged "
            f"({type(exc).__name__}). Other sessions are not affected. Keep a copy of the "
            f"file, then remove this session with `shirube sessions delete {session_id}`."
        ) from None


def connect(settings: Settings | None = None) -> sqlite3.Connection:
    """Open the sessions database (created on first use) with the registry table in place."""
    path: Path = (settings or get_settings()).sessions_db
    path.parent.mkdir(parents=True, exist_ok=True)
    with guarded(path):
        # SqliteSaver locks the connection itself, so TUI worker threads may share it.
        conn = sqlite3.connect(path, check_same_thread=False, factory=SessionsConnection)
        conn.path = path
        try:
            conn.execute(_TABLE)
            columns = {row[1] for row in conn.execute("PRAGMA table_info(shirube_sessions)")}
            if "status" not in columns:
                conn.execute(_ADD_STATUS)
            conn.commit()
        except BaseException:
            conn.close()
            raise
    return conn


def checkpointer(conn: sqlite3.Connection) -> SqliteSaver:
    from langgraph.checkpoint.sqlite import SqliteSaver  # here: listing sessions needs no graph

    saver = SqliteSaver(conn)
    with guard(conn):
        saver.setup()
    return saver


@contextmanager
def opened(settings: Settings | None = None) -> Iterator[sqlite3.Connection]:
    conn = connect(settings)
    try:
        with guard(conn):
            yield conn
    finally:
        conn.close()


def register_session(conn: sqlite3.Connection, session_id: str, kind: str, title: str = "") -> None:
    now = _now()
    with guard(conn):
        conn.execute(
            "INSERT OR IGNORE INTO shirube_sessions (id, kind, created, updated, title) "
            "VALUES (?, ?, ?, ?, ?)",
            (session_id, kind, now, now, title),
        )
        conn.commit()


def touch_session(
    conn: sqlite3.Connection,
    session_id: str,
    title: str | None = None,
    *,
    status: str | None = None,
) -> None:
    """Mark a session as just used; set its title and its status line when given."""
    changes: dict[str, str] = {"updated": _now()}
    if title is not None:
        changes["title"] = title
    if status is not None:
        changes["status"] = status
    assignments = ", ".join(f"{column} = ?" for column in changes)  # fixed column names only
    with guard(conn):
        conn.execute(
            f"UPDATE shirube_sessions SET {assignments} WHERE id = ?",
            (*changes.values(), session_id),
        )
        conn.commit()


def set_status(conn: sqlite3.Connection, session_id: str, status: str) -> None:
    """Record a session's status line (as `sessions list` shows it) without touching `updated`."""
    with guard(conn):
        conn.execute("UPDATE shirube_sessions SET status = ? WHERE id = ?", (status, session_id))
        conn.commit()


def rename_session(conn: sqlite3.Connection, session_id: str, title: str) -> None:
    """Give a session a new title (UsageError naming the fix when it is empty or unknown)."""
    title = " ".join(title.split())
    if not title:
        raise UsageError("The new name is empty. Type a name, or press Esc to keep the old one.")
    get_session(conn, session_id)
    with guard(conn):
        conn.execute("UPDATE shirube_sessions SET title = ? WHERE id = ?", (title, session_id))
        conn.commit()


def list_sessions(conn: sqlite3.Connection, kind: str | None = None) -> list[SessionInfo]:
    """Every session, most recently used first (optionally one kind only)."""
    query = "SELECT id, kind, created, updated, title, status FROM shirube_sessions"
    args: tuple[str, ...] = ()
    if kind is not None:
        query += " WHERE kind = ?"
        args = (kind,)
    with guard(conn):
        rows = conn.execute(query + " ORDER BY updated DESC, created DESC", args).fetchall()
    return [
        SessionInfo(id=r[0], kind=r[1], created=r[2], updated=r[3], title=r[4], status=r[5])
        for r in rows
    ]


def get_session(conn: sqlite3.Connection, session_id: str) -> SessionInfo:
    """The registry row for `session_id`, or a UsageError that says how to list sessions."""
    for info in list_sessions(conn):
        if info.id == session_id:
            return info
    raise UsageError(
        f"No session with id '{session_id}'. Run `shirube sessions list` to see the saved sessions."
    )


def delete_session(conn: sqlite3.Connection, session_id: str) -> None:
    """Remove a session: its registry row and every checkpoint of its thread."""
    get_session(conn, session_id)
    saver = checkpointer(conn)
    with guard(conn):
        saver.delete_thread(session_id)
        conn.execute("DELETE FROM shirube_sessions WHERE id = ?", (session_id,))
        conn.commit()

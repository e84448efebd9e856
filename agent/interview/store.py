"""Where sessions live: the checkpointer and a tiny registry of sessions beside it.

One interface, two backends chosen by settings: the SQLite file in the data dir (the embedded
default) or, with SHIRUBE_DATABASE_URL, the team's PostgreSQL (agent.interview.store_postgres,
LangGraph's Postgres checkpointer). Every function takes the connection `connect` returned.

The registry (id, kind, created, updated, title, status) is what `shirube sessions list` shows,
read without LangGraph so the list is instant; chat threads join it with kind "chat" by calling
`register_session` with their thread id.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from core.errors import UsageError
from core.light_settings import StoreSettings, light_settings
from core.storage import StorageError, guarded, no_postgres_driver

if TYPE_CHECKING:
    from langgraph.checkpoint.base import BaseCheckpointSaver

    from agent.interview.store_postgres import SharedConnection

    Conn = sqlite3.Connection | SharedConnection

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


@dataclass(frozen=True, slots=True)
class SessionInfo:
    """One row of the session registry (a plain record, not a pydantic model: every field is a
    TEXT NOT NULL column this module wrote, and `sessions list` starts without pydantic)."""

    id: str
    kind: str
    created: str
    updated: str
    title: str
    status: str = ""


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def new_session_id() -> str:
    import secrets  # hmac and OpenSSL's hashes: not for the commands that only read

    return secrets.token_hex(4)


class SessionsConnection(sqlite3.Connection):
    """A connection to the sessions database that remembers its file, to name it in errors."""

    path: Path


def guard(conn: Conn) -> AbstractContextManager[None]:
    """A database failure in the block becomes one StorageError naming it and the fix."""
    if isinstance(conn, sqlite3.Connection):
        return guarded(getattr(conn, "path", Path("sessions.sqlite")))
    from agent.interview import store_postgres

    return store_postgres.guard(conn)


def where(conn: Conn) -> str:
    """The database in words for messages (a file path, or the URL with its password masked)."""
    if isinstance(conn, sqlite3.Connection):
        return str(getattr(conn, "path", "the sessions database"))
    from core.config import redacted_url

    return redacted_url(conn.url)


def _rows(conn: Conn, sql: str, args: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Run one registry statement (SQLite's `?` marks) on either backend; commit; its rows."""
    if isinstance(conn, sqlite3.Connection):
        rows = conn.execute(sql, args).fetchall()
        conn.commit()
        return rows
    from agent.interview import store_postgres

    return store_postgres.execute(conn, sql, args)


@contextmanager
def reading(conn: Conn, session_id: str) -> Iterator[None]:
    """Read one session's saved state; a garbled checkpoint is named, not a traceback.

    Only for reads (no node of ours runs inside), so any failure is the saved bytes' fault.
    """
    try:
        with guard(conn):
            yield
    except StorageError:
        raise
    except Exception as exc:
        path = where(conn)
        raise StorageError(
            f"Session {session_id} in {path} cannot be read: its saved state is damaged "
            f"({type(exc).__name__}). Other sessions are not affected. Keep a copy of the "
            f"file, then remove this session with `shirube sessions delete {session_id}`."
        ) from None


def connect(settings: StoreSettings | None = None) -> Conn:
    """Open the sessions database settings name (SQLite created on first use, or PostgreSQL).

    Without settings, the environment's (core.light_settings: the same values as
    core.config.Settings, without loading pydantic-settings for the local file)."""
    settings = settings or light_settings()
    if settings.database_url:
        return connect_shared(settings.database_url, settings.connect_timeout)
    return connect_local(settings)


def connect_shared(url: str, timeout: float) -> SharedConnection:
    """A team's PostgreSQL at `url` (StorageError naming it, masked, and the fix when down)."""
    try:
        from agent.interview import store_postgres
    except ImportError:
        raise no_postgres_driver() from None
    return store_postgres.connect(url, timeout, _TABLE)


def connect_local(settings: StoreSettings | None = None) -> SessionsConnection:
    """This machine's SQLite sessions file, whatever the settings (plan stamps, migration)."""
    path: Path = (settings or light_settings()).sessions_db
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


def checkpointer(conn: Conn) -> BaseCheckpointSaver[str]:
    """LangGraph's checkpointer of the connection's backend (imported here: listing needs none)."""
    if not isinstance(conn, sqlite3.Connection):
        from agent.interview import store_postgres

        return store_postgres.checkpointer(conn)
    from langgraph.checkpoint.sqlite import SqliteSaver

    saver = SqliteSaver(conn)
    with guard(conn):
        saver.setup()
    return saver


@contextmanager
def opened(settings: StoreSettings | None = None) -> Iterator[Conn]:
    conn = connect(settings)
    try:
        with guard(conn):
            yield conn
    finally:
        conn.close()


@contextmanager
def opened_local(settings: StoreSettings | None = None) -> Iterator[SessionsConnection]:
    """This machine's SQLite sessions file for one block, whatever SHIRUBE_DATABASE_URL says."""
    conn = connect_local(settings)
    try:
        with guard(conn):
            yield conn
    finally:
        conn.close()


def register_session(conn: Conn, session_id: str, kind: str, title: str = "") -> None:
    now = _now()
    adopt(conn, SessionInfo(id=session_id, kind=kind, created=now, updated=now, title=title))


def adopt(conn: Conn, info: SessionInfo) -> bool:
    """Add a registry row as it is (False, changing nothing, when the id is already there)."""
    with guard(conn):
        added = _rows(
            conn,
            "INSERT INTO shirube_sessions (id, kind, created, updated, title, status) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING id",
            (info.id, info.kind, info.created, info.updated, info.title, info.status),
        )
    return bool(added)


def touch_session(
    conn: Conn,
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
        _rows(
            conn,
            f"UPDATE shirube_sessions SET {assignments} WHERE id = ?",
            (*changes.values(), session_id),
        )


def set_status(conn: Conn, session_id: str, status: str) -> None:
    """Record a session's status line (as `sessions list` shows it) without touching `updated`."""
    with guard(conn):
        _rows(conn, "UPDATE shirube_sessions SET status = ? WHERE id = ?", (status, session_id))


def rename_session(conn: Conn, session_id: str, title: str) -> None:
    """Give a session a new title (UsageError naming the fix when it is empty or unknown)."""
    title = " ".join(title.split())
    if not title:
        raise UsageError("The new name is empty. Type a name, or press Esc to keep the old one.")
    get_session(conn, session_id)
    with guard(conn):
        _rows(conn, "UPDATE shirube_sessions SET title = ? WHERE id = ?", (title, session_id))


def list_sessions(conn: Conn, kind: str | None = None) -> list[SessionInfo]:
    """Every session, most recently used first (optionally one kind only)."""
    query = "SELECT id, kind, created, updated, title, status FROM shirube_sessions"
    args: tuple[str, ...] = ()
    if kind is not None:
        query += " WHERE kind = ?"
        args = (kind,)
    with guard(conn):
        rows = _rows(conn, query + " ORDER BY updated DESC, created DESC", args)
    return [
        SessionInfo(id=r[0], kind=r[1], created=r[2], updated=r[3], title=r[4], status=r[5])
        for r in rows
    ]


def get_session(conn: Conn, session_id: str) -> SessionInfo:
    """The registry row for `session_id`, or a UsageError that says how to list sessions."""
    for info in list_sessions(conn):
        if info.id == session_id:
            return info
    raise UsageError(
        f"No session with id '{session_id}'. Run `shirube sessions list` to see the saved sessions."
    )


def delete_session(conn: Conn, session_id: str) -> None:
    """Remove a session: its registry row and every checkpoint of its thread."""
    get_session(conn, session_id)
    saver = checkpointer(conn)
    with guard(conn):
        saver.delete_thread(session_id)
        _rows(conn, "DELETE FROM shirube_sessions WHERE id = ?", (session_id,))
    _forget_stamp(conn, session_id)


def _forget_stamp(conn: Conn, session_id: str) -> None:
    """Drop the session's plan stamp (stamps live in the local SQLite file, any backend)."""
    from agent.interview import stamps  # imported here: stamps imports this module

    if isinstance(conn, sqlite3.Connection):
        stamps.forget(conn, session_id)
        return
    if light_settings().sessions_db.exists():  # no local file: no stamp to drop
        with opened_local() as local:
            stamps.forget(local, session_id)

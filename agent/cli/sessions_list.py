"""`shirube sessions list`: the saved interviews and chat threads, most recent first.

Without typer (agent.cli.main runs `sessions list [--lang L]` straight here: typer's options
build pydantic adapters, ~0.1 s of a half-second target), so nothing here may import it.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from core.storage import StorageError
from tools.terminal_text import clean, plain

if TYPE_CHECKING:
    from rich.console import Console

    from agent.interview.store import SessionInfo
    from core.config import Settings

KINDS = ("interview", "chat")  # the session kinds with a label in ui_labels.yaml


def _status(row: SessionInfo) -> str:
    """The status line the session recorded; computed (and recorded) once for older databases.

    Only a session saved before status lines existed needs LangGraph to read it.
    """
    if row.status or row.kind not in ("interview", "chat"):
        return row.status
    from agent.interview import store

    if row.kind == "interview":
        from agent.interview.session import InterviewSession

        with InterviewSession.open(row.id) as session:
            status = session.status_line()
    else:
        from agent.chat.thread import ChatThread

        with ChatThread.open(row.id) as thread:
            status = thread.status_line()
    try:
        with store.opened() as conn:
            store.set_status(conn, row.id, status)
    except (StorageError, sqlite3.OperationalError):
        pass  # recording it is only a shortcut for next time (a read-only database lists too)
    return status


def _journal_notice(console: Console, settings: Settings) -> None:
    """Answers the shared database did not take yet, by session, and how to write them."""
    from agent.interview import journal

    waiting: dict[str, int] = {}
    for entry in journal.pending(settings):
        waiting[entry.session] = waiting.get(entry.session, 0) + 1
    for session_id, count in waiting.items():
        console.print(
            f"{count} answer(s) of interview {clean(session_id)} are not in the database yet "
            f"(kept in {journal.path(settings)}); write them with "
            f"`shirube interview --resume {clean(session_id)}`.",
            markup=False,
        )


def list_sessions(lang: str | None = None) -> None:
    """List saved sessions, most recent first (in --lang `lang`, else SHIRUBE_LANG's)."""
    from rich.console import Console
    from rich.table import Table

    from agent.cli.plan_lang import command_lang
    from agent.cli.sessions_diff import rule_base_cells
    from agent.interview import store
    from core.light_settings import light_settings
    from knowledge.ui_labels import reword, ui_text
    from tools.terminal_wrap import WrapText

    # Not core.config: reading the local file needs no pydantic-settings (start-up).
    settings = light_settings()
    words = command_lang(lang)  # SHIRUBE_LANG 'auto' (no question to read it from): English
    with store.opened(settings) as conn:
        rows = store.list_sessions(conn)
        rule_base = (
            rule_base_cells(conn, rows, words) if isinstance(conn, sqlite3.Connection) else {}
        )
    if settings.database_url and settings.sessions_db.exists():
        # Plan stamps stay on the machine that finished the interview (agent.interview.stamps).
        with store.opened_local(settings) as local:
            rule_base = rule_base_cells(local, rows, words)
    console = Console(highlight=False)
    if settings.database_url:
        from core.config import get_settings  # a shared database: the full settings

        _journal_notice(console, get_settings())
    if not rows:
        console.print(ui_text("cli.no_sessions", words))
        return
    columns = ("id", "kind", "status", "updated", "rule_base", "title")
    table = Table(*(ui_text(f"cli.col_{column}", words) for column in columns))
    for row in rows:
        try:
            status = reword(_status(row), "recorded", words)
        except StorageError:  # one garbled session must not hide the others
            status = ui_text("cli.damaged", words)
        kind = ui_text(f"sessions.kind_{row.kind}", words) if row.kind in KINDS else row.kind
        cells = (row.id, kind, status, row.updated, rule_base.get(row.id, ""), row.title)
        # WrapText: a Japanese cell (a title, a status) wraps where Japanese breaks, with
        # kinsoku, instead of Rich cutting a run with no spaces short with '…'.
        table.add_row(*(WrapText(plain(cell)) for cell in cells))
    console.print(table)

"""`shirube sessions list|show|delete|export`: saved interviews and chat threads."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from agent.cli.plan_lang import command_lang
from agent.cli.sessions_chat import export_chat, show_chat
from core.storage import StorageError
from tools.terminal_text import clean, plain

if TYPE_CHECKING:
    from rich.console import Console

    from agent.interview.store import SessionInfo
    from core.config import Settings

KINDS = ("interview", "chat")  # the session kinds with a label in ui_labels.yaml
LANG_HELP = "Language: ja (日本語) or en. Default: SHIRUBE_LANG, else English."


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


def register(app: typer.Typer) -> None:
    sessions = typer.Typer(
        help="List, show, delete or export saved sessions.", no_args_is_help=True
    )
    app.add_typer(sessions, name="sessions")

    @sessions.command("list")
    def list_(
        lang: Annotated[str | None, typer.Option("--lang", help=LANG_HELP)] = None,
    ) -> None:
        """List saved sessions, most recent first."""
        from rich.console import Console
        from rich.table import Table

        from agent.cli.sessions_diff import rule_base_cells
        from agent.interview import store
        from core.light_settings import light_settings
        from core.storage import StorageError
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

    @sessions.command("migrate")
    def migrate_(
        to: Annotated[str, typer.Option("--to", help="postgresql://user:pass@host:5432/db")],
    ) -> None:
        """Copy this machine's saved plans (with history) to a team's PostgreSQL, once each."""
        from agent.cli.sessions_migrate import run_migrate

        run_migrate(to)

    @sessions.command("diff")
    def diff(
        session_id: Annotated[str, typer.Argument(help="Session id (see `sessions list`).")],
        lang: Annotated[str | None, typer.Option("--lang", help=LANG_HELP)] = None,
    ) -> None:
        """What today's rule base changes in a finished interview's plan, and why."""
        from agent.cli.sessions_diff import show_diff

        show_diff(session_id, command_lang(lang))

    @sessions.command("show")
    def show(
        session_id: Annotated[str, typer.Argument(help="Session id (see `sessions list`).")],
        lang: Annotated[str | None, typer.Option("--lang", help=LANG_HELP)] = None,
    ) -> None:
        """Show an interview's answers so far, or a chat thread's turns with their sources."""
        from rich.console import Console

        from agent.interview import store
        from agent.interview.session import InterviewSession
        from agent.interview.state import applicable_questions
        from knowledge.ui_labels import ui_text
        from tools.terminal_wrap import WrapText

        said = command_lang(lang)
        with store.opened() as conn:
            info = store.get_session(conn, session_id)
        console = Console(highlight=False)

        def say(key: str, **values: object) -> None:
            console.print(WrapText(clean(ui_text(key, said, **values))))

        kind = ui_text(f"sessions.kind_{info.kind}", said) if info.kind in KINDS else info.kind
        say("cli.session_head", id=info.id, kind=kind, created=info.created, updated=info.updated)
        if info.title:
            say("cli.session_title", title=info.title)
        if info.kind == "chat":
            show_chat(session_id, said)
            return
        if info.kind != "interview":
            return
        with InterviewSession.open(session_id) as session:
            answers = session.answers
            for question in applicable_questions(answers):
                if question.id in answers:
                    value = question.label_of(answers[question.id], "ja" if said == "ja" else "en")
                    console.print(WrapText(f"  {question.id}: {clean(value)}"))
            if session.done:
                say("cli.session_finished", path=session.plan_path)
                return
            view = session.current
            if view is not None:
                pending = (
                    view.text
                    if view.kind == "question"
                    else ui_text("cli.session_confirm_next", said)
                )
                say("cli.session_next", pending=pending)
            say("cli.session_resume", id=session_id)

    @sessions.command("delete")
    def delete(
        session_id: Annotated[str, typer.Argument(help="Session id (see `sessions list`).")],
        lang: Annotated[str | None, typer.Option("--lang", help=LANG_HELP)] = None,
    ) -> None:
        """Delete a session and everything stored for it."""
        from agent.interview import session_lock, store
        from core.config import get_settings
        from knowledge.ui_labels import ui_text

        said = command_lang(lang)
        settings = get_settings()
        # Never pull a session from under a process that is answering it.
        with session_lock.held(settings, session_id), store.opened(settings) as conn:
            store.delete_session(conn, session_id)
        print(ui_text("cli.session_deleted", said, id=clean(session_id)))

    @sessions.command("export")
    def export(
        session_id: Annotated[str, typer.Argument(help="Session id (see `sessions list`).")],
        output: Annotated[
            Path | None,
            typer.Option(
                "--output",
                "-o",
                help="Output file (default ./shirube-profile-<id>.yaml, "
                "or ./shirube-chat-<id>.md for a chat).",
            ),
        ] = None,
        lang: Annotated[str | None, typer.Option("--lang", help=LANG_HELP)] = None,
    ) -> None:
        """Write an interview's profile (YAML for `shirube assess`) or a chat as Markdown."""
        import yaml

        from agent.interview import store
        from agent.interview.session import InterviewSession
        from knowledge.ui_labels import ui_text

        said = command_lang(lang)
        with store.opened() as conn:
            info = store.get_session(conn, session_id)
        if info.kind == "chat":
            export_chat(session_id, output, said)
            return

        from tools.safe_output import write_output

        path = output or Path.cwd() / f"shirube-profile-{session_id}.yaml"
        with InterviewSession.open(session_id) as session:
            profile = session.profile_so_far
            done = session.done
        from agent.cli.sessions_diff import profile_header

        text = yaml.safe_dump(profile.model_dump(mode="json"), sort_keys=False, allow_unicode=True)
        path = write_output(path, profile_header(session_id) + text)
        print(ui_text("cli.profile_exported", said, path=clean(path)))
        if not done:
            print(ui_text("cli.profile_unfinished", said))

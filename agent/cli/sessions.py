"""`shirube sessions list|show|delete|export`: saved interviews and chat threads."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from agent.cli.plan_lang import command_lang
from agent.cli.sessions_chat import export_chat, show_chat
from agent.cli.sessions_list import KINDS, list_sessions
from tools.terminal_text import clean

LANG_HELP = "Language: ja (日本語) or en. Default: SHIRUBE_LANG, else English."


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
        list_sessions(lang)  # `sessions list [--lang L]` alone runs it without typer (start-up)

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
        path = write_output(path, profile_header(session_id, said) + text)
        print(ui_text("cli.profile_exported", said, path=clean(path)))
        if not done:
            print(ui_text("cli.profile_unfinished", said))

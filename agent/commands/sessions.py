"""`shirube sessions list|show|delete|export`: saved interviews (and, later, chat threads)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from agent.errors import UsageError


def _status(session_id: str) -> str:
    from agent.interview.session import InterviewSession

    session = InterviewSession.open(session_id)
    try:
        if session.done:
            return "finished"
        view = session.current
        if view is None:
            return "not started"
        answered, total = view.progress
        return f"in progress ({answered}/{total})" if view.kind == "question" else "to confirm"
    finally:
        session.close()


def register(app: typer.Typer) -> None:
    sessions = typer.Typer(
        help="List, show, delete or export saved sessions.", no_args_is_help=True
    )
    app.add_typer(sessions, name="sessions")

    @sessions.command("list")
    def list_() -> None:
        """List saved sessions, most recent first."""
        from rich.console import Console
        from rich.table import Table

        from agent.interview import store

        with store.opened() as conn:
            rows = store.list_sessions(conn)
        console = Console(highlight=False)
        if not rows:
            console.print("No saved sessions. Start one with `shirube interview`.")
            return
        table = Table("id", "kind", "status", "updated", "title")
        for row in rows:
            status = _status(row.id) if row.kind == "interview" else ""
            table.add_row(row.id, row.kind, status, row.updated, row.title)
        console.print(table)

    @sessions.command("show")
    def show(
        session_id: Annotated[str, typer.Argument(help="Session id (see `sessions list`).")],
    ) -> None:
        """Show a session's answers so far and what comes next."""
        from rich.console import Console

        from agent.interview import store
        from agent.interview.session import InterviewSession
        from agent.interview.state import applicable_questions

        with store.opened() as conn:
            info = store.get_session(conn, session_id)
        console = Console(highlight=False)
        console.print(
            f"Session {info.id} ({info.kind}) created {info.created}, updated {info.updated}"
        )
        if info.title:
            console.print(f"Title: {info.title}")
        if info.kind != "interview":
            return
        with InterviewSession.open(session_id) as session:
            answers = session.answers
            for question in applicable_questions(answers):
                if question.id in answers:
                    console.print(f"  {question.id}: {question.label_of(answers[question.id])}")
            if session.done:
                console.print(f"Finished; plan written to {session.plan_path}")
                return
            view = session.current
            if view is not None:
                pending = view.text if view.kind == "question" else "confirm the profile summary"
                console.print(f"Next: {pending}")
            console.print(f"Continue with: shirube interview --resume {session_id}")

    @sessions.command("delete")
    def delete(
        session_id: Annotated[str, typer.Argument(help="Session id (see `sessions list`).")],
    ) -> None:
        """Delete a session and everything stored for it."""
        from agent.interview import store

        with store.opened() as conn:
            store.delete_session(conn, session_id)
        print(f"Deleted session {session_id}.")

    @sessions.command("export")
    def export(
        session_id: Annotated[str, typer.Argument(help="Session id (see `sessions list`).")],
        output: Annotated[
            Path | None,
            typer.Option(
                "--output", "-o", help="Profile file (default ./shirube-profile-<id>.yaml)."
            ),
        ] = None,
    ) -> None:
        """Write an interview's profile as a YAML file that `shirube assess` accepts."""
        import yaml

        from agent.interview.session import InterviewSession

        path = output or Path.cwd() / f"shirube-profile-{session_id}.yaml"
        if not path.expanduser().resolve().parent.is_dir():
            raise UsageError(f"Cannot write '{path}': its folder does not exist.")
        with InterviewSession.open(session_id) as session:
            profile = session.profile_so_far
            done = session.done
        text = yaml.safe_dump(profile.model_dump(mode="json"), sort_keys=False, allow_unicode=True)
        path.write_text(text, encoding="utf-8")
        print(f"Profile written to {path}")
        if not done:
            print("Note: the interview is not finished; unanswered questions keep their defaults.")

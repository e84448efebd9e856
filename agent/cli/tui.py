"""`shirube tui`: open the terminal app."""

import typer


def open_app() -> None:
    from core.config import get_settings

    get_settings()  # bad settings stop here, before the app imports the model client
    from tui.app import run_app

    run_app()


def register(app: typer.Typer) -> None:
    app.command("tui", help="Open the terminal app (the default with no command).")(open_app)

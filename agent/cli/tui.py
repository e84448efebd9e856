"""`shirube tui`, and `shirube` with no command: open the terminal app.

`launch` imports neither typer nor the other commands: `shirube` alone goes straight to it
(agent.cli.main), so the app's first screen waits for no command-line machinery.
"""

from typing import TYPE_CHECKING, Annotated

if TYPE_CHECKING:
    import typer

LANG_HELP = (
    "Open in en or ja (F8 switches; the choice is remembered). Default: SHIRUBE_LANG, else the "
    "last one chosen, else English."
)


def launch(lang: str | None = None) -> None:
    """Check the settings, then open the app."""
    from core.light_settings import light_settings

    # Bad settings stop here, before the app opens: light_settings hands anything it cannot
    # vouch for to the full Settings, which names the variable (core.light_settings).
    light_settings()
    from tui.app import run_app

    run_app(lang)


def register(app: "typer.Typer") -> None:
    import typer

    from agent.cli.ask import AnswerLang

    def open_app(
        lang: Annotated[AnswerLang | None, typer.Option("--lang", help=LANG_HELP)] = None,
    ) -> None:
        launch(lang.value if lang is not None else None)

    app.command("tui", help="Open the terminal app (the default with no command).")(open_app)

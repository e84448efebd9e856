"""`shirube tui`: open the terminal app."""

from typing import Annotated

import typer

from agent.cli.ask import AnswerLang

LANG_HELP = (
    "Open in en or ja (F8 switches; the choice is remembered). Default: SHIRUBE_LANG, else the "
    "last one chosen, else English."
)


def open_app(
    lang: Annotated[AnswerLang | None, typer.Option("--lang", help=LANG_HELP)] = None,
) -> None:
    from core.config import get_settings

    get_settings()  # bad settings stop here, before the app imports the model client
    from tui.app import run_app

    run_app(lang.value if lang is not None else None)


def register(app: typer.Typer) -> None:
    app.command("tui", help="Open the terminal app (the default with no command).")(open_app)

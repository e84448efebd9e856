"""`shirube ask "QUESTION"`: one grounded, cited answer (offline whenever no model answers)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer


class AskFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


class AnswerLang(StrEnum):
    """The answer's language; auto answers in the question's own (SHIRUBE_LANG sets the default)."""

    auto = "auto"
    en = "en"
    ja = "ja"


LANG_HELP = (
    "Answer in en or ja; auto (default, or SHIRUBE_LANG) answers in the question's language."
)


def register(app: typer.Typer) -> None:
    @app.command("ask")
    def ask_command(
        question: str = typer.Argument("", help="Your question about AI regulation in Japan."),
        fmt: Annotated[
            AskFormat, typer.Option("--format", "-f", help="text (rich), markdown or json.")
        ] = AskFormat.text,
        offline: bool = typer.Option(
            False, "--offline", help="Never call a model: answer from the rule base only."
        ),
        explain: bool = typer.Option(
            False, "--explain", help="Also print how the question was understood and routed."
        ),
        lang: Annotated[AnswerLang | None, typer.Option("--lang", help=LANG_HELP)] = None,
    ) -> None:
        """Ask a question; the answer cites the official instruments it rests on."""
        # Heavy imports here so `shirube --help` stays fast.
        from agent.cli.ask_render import render

        if not question.strip():
            from knowledge.ui_labels import LabelledError

            raise LabelledError("errors.no_question")
        from agent.answer.lang import choose
        from agent.qa import ask
        from core.config import get_settings
        from knowledge.index.store import ensure_index
        from knowledge.loader import RuleBaseError
        from knowledge.ui_labels import BrokenRuleBase

        settings = get_settings()
        chosen = lang.value if lang is not None else None
        # Any "Building the search index" line in the answer's language (--lang, else the
        # question's or SHIRUBE_LANG's), not only SHIRUBE_LANG's.
        said = choose(chosen or settings.lang, question)
        try:
            # The progress bar goes to stderr.
            ensure_index(settings.model_copy(update={"lang": said}), progress=True)
            answer = ask(question, settings=settings, offline=offline, lang=chosen)
        except RuleBaseError as exc:
            raise BrokenRuleBase(exc) from exc
        render(answer, fmt.value)
        if explain:
            from agent.cli.ask_render import render_explanation

            render_explanation(answer)

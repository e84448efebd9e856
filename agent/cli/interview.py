"""`shirube interview`: the line-mode interview (works with piped stdin) and `--answers FILE`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, cast

import typer

from agent.cli.interview_show import (
    gap,
    in_lang,
    say,
    session_lang,
    show_finished,
    show_question,
    show_result,
    show_resumed,
)
from core.errors import UsageError
from tools.terminal_text import markup

if TYPE_CHECKING:
    from rich.console import Console

    from agent.interview.session import InterviewSession, Step
    from agent.interview.state import PlanFormat
    from knowledge.questions import Lang

FORMATS = ("markdown", "json", "docx")
INTERVIEW_LANGS = ("en", "ja")


def _check_lang(lang: str | None) -> Lang | None:
    if lang is None:
        return None
    if lang not in INTERVIEW_LANGS:
        raise UsageError(
            f"Unknown --lang '{lang}'. Use en (English) or ja (Japanese), or set SHIRUBE_LANG."
        )
    return cast("Lang", lang)


def _check_options(fmt: str, output: Path | None, force: bool = False) -> None:
    if fmt not in FORMATS:
        raise UsageError(f"Unknown --format '{fmt}'. Use one of: {', '.join(FORMATS)}.")
    if output is not None and not output.expanduser().resolve().parent.is_dir():
        raise UsageError(
            f"Cannot write the plan to '{output}': its folder does not exist. "
            "Create the folder or pass another --output path."
        )
    if output is not None:
        from tools.output_target import check_target
        from tools.render import SUFFIXES

        check_target(output, fmt, SUFFIXES, force=force)


def _read_line(console: Console) -> str | None:
    console.print("> ", end="")
    console.file.flush()
    line = sys.stdin.readline()
    return None if line == "" else line.rstrip("\r\n")  # "" only at end of input


def run_interactive(console: Console, session: InterviewSession) -> None:
    """Ask until done, quit or end of input; every answer is saved before the next question."""
    from agent.interview.parse import command_of

    resume_hint = f"shirube interview --resume {session.session_id}"
    while True:
        view = session.current
        if view is None:
            show_finished(console, session)
            return
        show_question(console, view)
        text = _read_line(console)
        if text is None or command_of(text) == "quit":
            saved = say("saved", view.lang, command=markup(resume_hint))
            console.print(f"\n{saved}", highlight=False)
            return
        if view.id == "description" and session.assisted and text.strip():
            console.print(say("reading_description", view.lang), highlight=False)
        step = session.answer(text)
        if step.done:
            show_finished(console, session, step)
            return


def load_answers(path: Path) -> dict[str, str]:
    from agent.interview.answers_file import load_answers as load  # late: keeps --help fast

    return load(path)


def run_answers(session: InterviewSession, answers: dict[str, str], path: Path) -> Step:
    """Answer every question from the file through the same parser as typed answers."""
    from agent.interview.parse import command_of

    while (view := session.current) is not None:
        if view.kind != "question":
            step = session.answer("yes")  # the summary: the file is the user's confirmation
        elif view.id in answers:
            text = answers[view.id]
            if command_of(text) not in (None, "skip"):
                raise UsageError(
                    f"Answers file '{path}', question '{view.id}': '{text}' is a command; "
                    "give the answer itself."
                )
            step = session.answer(text)
            if step.error:
                raise UsageError(f"Answers file '{path}', question '{view.id}': {step.error}")
        elif view.skip_means is not None:
            step = session.answer("skip")  # the default, or 'not sure' where none is safe
        else:
            raise UsageError(
                f"Answers file '{path}' has no answer for '{view.id}' ({view.text}). "
                f"Add a line such as `{view.id}: ...`."
            )
        if step.done:
            return step
    raise UsageError(f"Session {session.session_id} was already finished.")  # pragma: no cover


def _mode(session: InterviewSession, lang: Lang) -> str:
    if session.assisted:
        return say("mode_model", lang, model=session.settings.model)
    return say("mode_offline", lang)


def register(app: typer.Typer) -> None:
    @app.command("interview")
    def interview(
        resume: Annotated[
            str | None, typer.Option("--resume", help="Continue a saved session.")
        ] = None,
        answers: Annotated[
            Path | None,
            typer.Option(
                "--answers", help="YAML/JSON map of question id to answer (non-interactive)."
            ),
        ] = None,
        fmt: Annotated[
            str, typer.Option("--format", help="Plan format: markdown, json or docx.")
        ] = "markdown",
        output: Annotated[
            Path | None,
            typer.Option("--output", "-o", help="Plan file (default ./shirube-plan-<session>.md)."),
        ] = None,
        offline: Annotated[
            bool,
            typer.Option("--offline", help="Use no model: no suggested answers, every question."),
        ] = False,
        force: Annotated[
            bool, typer.Option("--force", help="Replace the --output file if it exists.")
        ] = False,
        lang: Annotated[
            str | None,
            typer.Option(
                "--lang",
                help="Ask in en (English) or ja (日本語); default SHIRUBE_LANG, else English. "
                "A resumed session keeps its language.",
                show_default=False,
            ),
        ] = None,
    ) -> None:
        """Answer plain-language questions about your AI use case; get a cited governance plan."""
        from core.config import get_settings

        chosen = _check_lang(lang)
        # Bad settings stop here, before the model client loads (it parses them).
        settings = get_settings()
        if chosen is not None:
            settings = settings.model_copy(update={"lang": chosen})
        from rich.console import Console

        from agent.interview.session import InterviewSession

        _check_options(fmt, output, force)
        if resume and answers:
            raise UsageError("Use --resume or --answers, not both.")
        out = str(output) if output else None
        plan_fmt = cast("PlanFormat", fmt)  # checked by _check_options above
        console = Console(highlight=False)
        if answers is not None:
            given = load_answers(answers)
            # No model: a scripted run is exactly the parser's reading of the file.
            session = InterviewSession.start(settings, output=out, fmt=plan_fmt)
            try:
                step = run_answers(session, given, answers)
            except UsageError:
                # A failed scripted run leaves no half-made session behind.
                session.delete()
                raise
            finally:
                session.close()
            said: Lang = "ja" if settings.lang == "ja" else "en"
            if step.assessment is not None:
                from core.profile import UseCaseProfile

                profile = UseCaseProfile.model_validate(step.profile)
                show_result(console, in_lang(step.assessment, profile, said), said)
            written = say("plan_written", said)
            console.print(f"{written}{gap(said)}{markup(step.plan_path)}", highlight=False)
            return
        assist = not offline
        if resume:
            session = InterviewSession.resume(
                resume, settings, output=out, fmt=plan_fmt, assist=assist
            )
            show_resumed(console, session, chosen)
        else:
            session = InterviewSession.start(settings, output=out, fmt=plan_fmt, assist=assist)
            said = session_lang(session)
            mode = markup(_mode(session, said))
            console.print(say("started", said, sid=session.session_id, mode=mode))
        with session:
            run_interactive(console, session)

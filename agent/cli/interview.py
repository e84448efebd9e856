"""`shirube interview`: the line-mode interview (works with piped stdin) and `--answers FILE`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, cast

import typer

from core.errors import UsageError
from tools.terminal_text import markup

if TYPE_CHECKING:
    from rich.console import Console

    from agent.interview.session import InterviewSession, QuestionView, Step, SummaryRow
    from agent.interview.state import PlanFormat
    from tools.assess import Assessment

FORMATS = ("markdown", "json", "docx")
_ANSWER_COMMANDS = ("back", "why", "help", "?", "quit", "exit")


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


def show_question(console: Console, view: QuestionView) -> None:
    """Print the pending question (or summary) in plain lines that also read well when piped."""
    answered, total = view.progress
    if view.notice:
        console.print(f"[yellow]Note:[/] {markup(view.notice)}", highlight=False)
    if view.error:
        console.print(f"[bold red]![/] {markup(view.error)}", highlight=False)
    if view.shown_help:
        console.print(f"[cyan]Why we ask:[/] {markup(view.shown_help)}", highlight=False)
    if view.kind == "question":
        console.print(f"\n[bold]\\[{answered + 1}/{total}] {markup(view.text)}[/]", highlight=False)
        for number, choice in enumerate(view.choices, 1):
            console.print(
                f"  {number}) {markup(choice.label)} [dim]({markup(choice.value)})[/]",
                highlight=False,
            )
        if view.examples:
            console.print(f"  [dim]e.g. {markup(' · '.join(view.examples))}[/]", highlight=False)
        if view.previous is not None:
            console.print(f"  [dim]current answer: {markup(view.previous)}[/]", highlight=False)
        if view.mapped is not None:
            console.print(
                f"  I read that as: [bold]{markup(view.mapped)}[/] — correct? (yes/no)",
                highlight=False,
            )
        elif view.suggestion is not None:
            console.print(
                f"  Suggested from your description: [bold]{markup(view.suggestion)}[/] — "
                "press Enter to accept, or answer",
                highlight=False,
            )
        hints = ["'not sure'", "'why'", "'back'", "'quit'"]
        if view.skip_means is not None:
            hints.append(f"'skip' (= {view.skip_means})")
        console.print(f"  [dim]Also: {markup(', '.join(hints))}[/]", highlight=False)
        return
    console.print("\n[bold]Your answers:[/]", highlight=False)
    show_answers(console, view.summary)
    console.print(f"[bold]{markup(view.text)}[/]", highlight=False)


def show_answers(console: Console, summary: list[SummaryRow]) -> None:
    """The answers so far, one numbered line each, with plain labels."""
    for row in summary:
        name = row.label or row.id
        console.print(f"  {row.number:>2}. {markup(name)}: {markup(row.answer)}", highlight=False)


def show_result(console: Console, assessment: Assessment) -> None:
    """What the plan says, on screen: roles, layers, start here, counts and what to confirm."""
    roles = ", ".join(r.name for r in assessment.roles) or "none"
    layers = "; ".join(t.title for t in assessment.triggers)
    before = sum(1 for i in assessment.checklist if i.timing == "before_launch")
    console.print(f"\n[bold]Your roles:[/] {markup(roles)}", highlight=False)
    console.print(f"[bold]Layers engaged ({len(assessment.triggers)}):[/] {markup(layers)}")
    console.print(
        f"[bold]{len(assessment.checklist)} actions[/], {before} before launch. Start here:",
        highlight=False,
    )
    for number, top in enumerate(assessment.start_here, 1):
        console.print(f"  {number}. [bold]{markup(top.title)}[/] ({markup(top.owner)})")
        console.print(f"     [dim]{markup(top.why)}[/]", highlight=False)
    for assumption in assessment.to_confirm:
        console.print(
            f"[yellow]To confirm:[/] {markup(assumption.label)}. {markup(assumption.change)}",
            highlight=False,
        )


def _read_line(console: Console) -> str | None:
    console.print("> ", end="")
    console.file.flush()
    line = sys.stdin.readline()
    return None if line == "" else line.rstrip("\r\n")  # "" only at end of input


def _finished(console: Console, session: InterviewSession, step: Step | None = None) -> None:
    from tools.assess import assess

    path = step.plan_path if step else session.plan_path
    show_result(
        console, step.assessment if step and step.assessment else assess(session.profile_so_far)
    )
    console.print(f"\n[green]Governance plan written to[/] {markup(path)}", highlight=False)
    sid = markup(session.session_id)
    console.print(
        f"Session {sid} is finished. Track progress with `shirube plan show {sid}`.",
        highlight=False,
    )


def run_interactive(console: Console, session: InterviewSession) -> None:
    """Ask until done, quit or end of input; every answer is saved before the next question."""
    resume_hint = f"shirube interview --resume {session.session_id}"
    while True:
        view = session.current
        if view is None:
            _finished(console, session)
            return
        show_question(console, view)
        text = _read_line(console)
        if text is None or text.strip().lower() in ("quit", "exit"):
            console.print(f"\nSaved. Resume any time with: {markup(resume_hint)}", highlight=False)
            return
        if view.id == "description" and session.assisted and text.strip():
            console.print("Reading your description for suggested answers…", highlight=False)
        step = session.answer(text)
        if step.done:
            _finished(console, session, step)
            return


def load_answers(path: Path) -> dict[str, str]:
    from agent.interview.answers_file import load_answers as load  # late: keeps --help fast

    return load(path)


def run_answers(session: InterviewSession, answers: dict[str, str], path: Path) -> Step:
    """Answer every question from the file through the same parser as typed answers."""
    while (view := session.current) is not None:
        if view.kind != "question":
            step = session.answer("yes")  # the summary: the file is the user's confirmation
        elif view.id in answers:
            text = answers[view.id]
            if text.strip().lower() in _ANSWER_COMMANDS:
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


def _mode(session: InterviewSession) -> str:
    if session.assisted:
        return (
            f"model {session.settings.model} suggests answers from your description; "
            "you confirm or change each one"
        )
    return "offline: no model is used; every question is asked"


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
    ) -> None:
        """Answer plain-language questions about your AI use case; get a cited governance plan."""
        from core.config import get_settings

        get_settings()  # bad settings stop here, before the model client loads (it parses them)
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
            session = InterviewSession.start(output=out, fmt=plan_fmt)
            try:
                step = run_answers(session, given, answers)
            except UsageError:
                # A failed scripted run leaves no half-made session behind.
                session.delete()
                raise
            finally:
                session.close()
            if step.assessment is not None:
                show_result(console, step.assessment)
            console.print(f"Governance plan written to {markup(step.plan_path)}", highlight=False)
            return
        assist = not offline
        if resume:
            session = InterviewSession.resume(resume, output=out, fmt=plan_fmt, assist=assist)
            console.print(f"Resuming session {markup(session.session_id)}.")
            recap = session.recap()
            if recap:
                console.print("[bold]Your answers so far:[/]", highlight=False)
                show_answers(console, recap)
        else:
            session = InterviewSession.start(output=out, fmt=plan_fmt, assist=assist)
            console.print(
                f"Session {session.session_id} started ({markup(_mode(session))}). Type 'quit' to "
                f"stop; resume with `shirube interview --resume {session.session_id}`."
            )
        with session:
            run_interactive(console, session)

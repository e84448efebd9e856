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
    from core.profile import UseCaseProfile
    from knowledge.questions import Lang
    from tools.assess import Assessment

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


def _say(key: str, lang: Lang, **fields: object) -> str:
    from agent.interview.texts import say  # late: keeps --help fast

    return say(key, lang, **fields)


def _gap(lang: Lang) -> str:
    """What follows a heading that ends in a colon: a Japanese '：' needs no space after it."""
    return "" if lang == "ja" else " "


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


def _print(console: Console, line: str) -> None:
    """A markup line wrapped by display width: Japanese breaks between characters, and a run
    after a Latin word (AI, Enter) is not moved whole to the next line (tools.terminal_wrap)."""
    from tools.terminal_wrap import wrapped

    console.print(wrapped(line), highlight=False)


def show_question(console: Console, view: QuestionView) -> None:
    """Print the pending question (or summary) in plain lines that also read well when piped,
    in the session's language."""
    answered, total = view.progress
    lang = view.lang
    if view.notice:
        note = f"[yellow]{_say('note', lang)}[/]{_gap(lang)}{markup(view.notice)}"
        _print(console, note)
    if view.error:
        _print(console, f"[bold red]![/] {markup(view.error)}")
    if view.shown_help:
        why = _say("why_we_ask", lang)
        _print(console, f"[cyan]{why}[/]{_gap(lang)}{markup(view.shown_help)}")
    if view.kind == "question":
        _print(console, f"\n[bold]\\[{answered + 1}/{total}] {markup(view.text)}[/]")
        for number, choice in enumerate(view.choices, 1):
            # The value is typeable in English; a Japanese reader types the number or the name.
            value = f" [dim]({markup(choice.value)})[/]" if lang == "en" else ""
            _print(console, f"  {number}) {markup(choice.label)}{value}")
        if view.examples:
            examples = _say("examples", lang, examples=" · ".join(view.examples))
            _print(console, f"  [dim]{markup(examples)}[/]")
        if view.previous is not None:
            current = _say("current_answer", lang, answer=view.previous)
            _print(console, f"  [dim]{markup(current)}[/]")
        if view.mapped is not None:
            _print(console, f"  {_say('read_as', lang, mapped=markup(view.mapped))}")
        elif view.suggestion is not None:
            suggestion = _say("suggestion", lang, suggestion=markup(view.suggestion))
            _print(console, f"  {suggestion}")
        means = view.skip_means
        skip = "" if means is None else _say("hint_skip", lang, means=means)
        _print(console, f"  [dim]{markup(_say('hints', lang, skip=skip))}[/]")
        return
    _print(console, f"\n[bold]{_say('your_answers', lang)}[/]")
    show_answers(console, view.summary, lang)
    _print(console, f"[bold]{markup(view.text)}[/]")


def show_answers(console: Console, summary: list[SummaryRow], lang: Lang = "en") -> None:
    """The answers so far, one numbered line each, with plain labels."""
    colon = "：" if lang == "ja" else ": "
    for row in summary:
        name = row.label or row.id
        line = f"  {row.number:>2}. {markup(name)}{colon}{markup(row.answer)}"
        _print(console, line)


def show_result(console: Console, assessment: Assessment, lang: Lang = "en") -> None:
    """What the plan says, on screen: roles, layers, start here, counts and what to confirm."""
    from rich.table import Table
    from rich.text import Text

    from agent.interview.result import result_view
    from tools.terminal_wrap import WrapText, wrapped

    result = result_view(assessment, lang)
    roles = _say("role_sep", lang).join(result.roles) or _say("no_role", lang)
    layers = _say("layer_sep", lang).join(result.layers)
    _print(console, f"\n[bold]{_say('roles', lang)}[/]{_gap(lang)}{markup(roles)}")
    heading = _say("layers", lang, count=len(result.layers))
    _print(console, f"[bold]{heading}[/]{_gap(lang)}{markup(layers)}")
    actions = _say("actions", lang, count=result.actions, before=result.before_launch)
    _print(console, actions)
    # A grid, not "  1. title": Rich wraps at spaces, so a long Japanese title (no spaces) would
    # start on the line after its number; in a column it wraps under itself.
    starts = Table.grid(padding=(0, 1))
    starts.add_column(justify="right", no_wrap=True, min_width=3)
    starts.add_column(overflow="fold")
    for number, top in enumerate(result.start_here, 1):
        title = _say("start_item", lang, title=markup(top.title), owner=markup(top.owner))
        starts.add_row(f"{number}.", wrapped(title))
        starts.add_row("", WrapText(Text(top.why, style="dim")))
    console.print(starts, highlight=False)
    for line in result.to_confirm:
        confirm = f"[yellow]{_say('to_confirm', lang)}[/]{_gap(lang)}{markup(line)}"
        _print(console, confirm)


def _read_line(console: Console) -> str | None:
    console.print("> ", end="")
    console.file.flush()
    line = sys.stdin.readline()
    return None if line == "" else line.rstrip("\r\n")  # "" only at end of input


def session_lang(session: InterviewSession) -> Lang:
    """The session's language: stored with its first answer, shown with every question."""
    stored = session.values.get("lang")
    if stored is None and (pending := session.current) is not None:
        return pending.lang
    return "ja" if stored == "ja" else "en"  # English for a session saved before issue 18


def _in_lang(assessment: Assessment | None, profile: UseCaseProfile, lang: Lang) -> Assessment:
    """The assessment worded in the session's language (a step's may be in English)."""
    from tools.assess import assess

    if assessment is not None and assessment.lang == lang:
        return assessment
    return assess(profile, lang)


def _finished(console: Console, session: InterviewSession, step: Step | None = None) -> None:
    lang = session_lang(session)
    path = step.plan_path if step else session.plan_path
    show_result(
        console, _in_lang(step.assessment if step else None, session.profile_so_far, lang), lang
    )
    written = f"\n[green]{_say('plan_written', lang)}[/]{_gap(lang)}{markup(path)}"
    console.print(written, highlight=False)
    sid = markup(session.session_id)
    console.print(_say("finished", lang, sid=sid), highlight=False)


def run_interactive(console: Console, session: InterviewSession) -> None:
    """Ask until done, quit or end of input; every answer is saved before the next question."""
    from agent.interview.parse import command_of

    resume_hint = f"shirube interview --resume {session.session_id}"
    while True:
        view = session.current
        if view is None:
            _finished(console, session)
            return
        show_question(console, view)
        text = _read_line(console)
        if text is None or command_of(text) == "quit":
            saved = _say("saved", view.lang, command=markup(resume_hint))
            console.print(f"\n{saved}", highlight=False)
            return
        if view.id == "description" and session.assisted and text.strip():
            console.print(_say("reading_description", view.lang), highlight=False)
        step = session.answer(text)
        if step.done:
            _finished(console, session, step)
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
        return _say("mode_model", lang, model=session.settings.model)
    return _say("mode_offline", lang)


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
                show_result(console, _in_lang(step.assessment, profile, said), said)
            written = _say("plan_written", said)
            console.print(f"{written}{_gap(said)}{markup(step.plan_path)}", highlight=False)
            return
        assist = not offline
        if resume:
            session = InterviewSession.resume(
                resume, settings, output=out, fmt=plan_fmt, assist=assist
            )
            _resumed(console, session, chosen)
        else:
            session = InterviewSession.start(settings, output=out, fmt=plan_fmt, assist=assist)
            said = session_lang(session)
            mode = markup(_mode(session, said))
            console.print(_say("started", said, sid=session.session_id, mode=mode))
        with session:
            run_interactive(console, session)


def _resumed(console: Console, session: InterviewSession, chosen: Lang | None) -> None:
    """Say which session goes on, in its own language, with the answers given so far."""
    from agent.interview.views import recap

    lang = session_lang(session)
    console.print(_say("resuming", lang, sid=markup(session.session_id)))
    if chosen is not None and chosen != lang:
        console.print(f"[yellow]{_say('note', lang)}[/]{_gap(lang)}{_say('kept_language', lang)}")
    rows = recap(session.answers, lang)
    if rows:
        console.print(f"[bold]{_say('answers_so_far', lang)}[/]", highlight=False)
        show_answers(console, rows, lang)

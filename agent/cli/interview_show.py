"""What the line-mode interview prints: the pending question, the answers so far, the result.

Plain lines that also read well when piped, in the session's language (ui_labels `interview_text`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tools.terminal_text import markup

if TYPE_CHECKING:
    from rich.console import Console

    from agent.interview.session import InterviewSession, QuestionView, Step, SummaryRow
    from core.profile import UseCaseProfile
    from knowledge.questions import Lang
    from tools.assess import Assessment


def say(key: str, lang: Lang, **fields: object) -> str:
    """The interview's sentence `key` in `lang` (ui_labels.yaml `interview_text`)."""
    from agent.interview.texts import say as text_of  # late: keeps --help fast

    return text_of(key, lang, **fields)


def gap(lang: Lang) -> str:
    """What follows a heading that ends in a colon: a Japanese '：' needs no space after it."""
    return "" if lang == "ja" else " "


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
        note = f"[yellow]{say('note', lang)}[/]{gap(lang)}{markup(view.notice)}"
        _print(console, note)
    if view.error:
        _print(console, f"[bold red]![/] {markup(view.error)}")
    if view.shown_help:
        why = say("why_we_ask", lang)
        _print(console, f"[cyan]{why}[/]{gap(lang)}{markup(view.shown_help)}")
    if view.kind == "question":
        _print(console, f"\n[bold]\\[{answered + 1}/{total}] {markup(view.text)}[/]")
        for number, choice in enumerate(view.choices, 1):
            # The value is typeable in English; a Japanese reader types the number or the name.
            value = f" [dim]({markup(choice.value)})[/]" if lang == "en" else ""
            _print(console, f"  {number}) {markup(choice.label)}{value}")
        if view.examples:
            examples = say("examples", lang, examples=" · ".join(view.examples))
            _print(console, f"  [dim]{markup(examples)}[/]")
        if view.previous is not None:
            current = say("current_answer", lang, answer=view.previous)
            _print(console, f"  [dim]{markup(current)}[/]")
        if view.mapped is not None:
            _print(console, f"  {say('read_as', lang, mapped=markup(view.mapped))}")
        elif view.suggestion is not None:
            suggestion = say("suggestion", lang, suggestion=markup(view.suggestion))
            _print(console, f"  {suggestion}")
        means = view.skip_means
        skip = "" if means is None else say("hint_skip", lang, means=means)
        _print(console, f"  [dim]{markup(say('hints', lang, skip=skip))}[/]")
        return
    _print(console, f"\n[bold]{say('your_answers', lang)}[/]")
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
    roles = say("role_sep", lang).join(result.roles) or say("no_role", lang)
    layers = say("layer_sep", lang).join(result.layers)
    _print(console, f"\n[bold]{say('roles', lang)}[/]{gap(lang)}{markup(roles)}")
    heading = say("layers", lang, count=len(result.layers))
    _print(console, f"[bold]{heading}[/]{gap(lang)}{markup(layers)}")
    actions = say("actions", lang, count=result.actions, before=result.before_launch)
    _print(console, actions)
    # A grid, not "  1. title": Rich wraps at spaces, so a long Japanese title (no spaces) would
    # start on the line after its number; in a column it wraps under itself.
    starts = Table.grid(padding=(0, 1))
    starts.add_column(justify="right", no_wrap=True, min_width=3)
    starts.add_column(overflow="fold")
    for number, top in enumerate(result.start_here, 1):
        title = say("start_item", lang, title=markup(top.title), owner=markup(top.owner))
        starts.add_row(f"{number}.", wrapped(title))
        starts.add_row("", WrapText(Text(top.why, style="dim")))
    console.print(starts, highlight=False)
    for line in result.to_confirm:
        confirm = f"[yellow]{say('to_confirm', lang)}[/]{gap(lang)}{markup(line)}"
        _print(console, confirm)


def session_lang(session: InterviewSession) -> Lang:
    """The session's language: stored with its first answer, shown with every question."""
    stored = session.values.get("lang")
    if stored is None and (pending := session.current) is not None:
        return pending.lang
    return "ja" if stored == "ja" else "en"  # English for a session saved before issue 18


def in_lang(assessment: Assessment | None, profile: UseCaseProfile, lang: Lang) -> Assessment:
    """The assessment worded in the session's language (a step's may be in English)."""
    from tools.assess import assess

    if assessment is not None and assessment.lang == lang:
        return assessment
    return assess(profile, lang)


def show_finished(console: Console, session: InterviewSession, step: Step | None = None) -> None:
    lang = session_lang(session)
    path = step.plan_path if step else session.plan_path
    show_result(
        console, in_lang(step.assessment if step else None, session.profile_so_far, lang), lang
    )
    written = f"\n[green]{say('plan_written', lang)}[/]{gap(lang)}{markup(path)}"
    console.print(written, highlight=False)
    sid = markup(session.session_id)
    console.print(say("finished", lang, sid=sid), highlight=False)


def show_resumed(console: Console, session: InterviewSession, chosen: Lang | None) -> None:
    """Say which session goes on, in its own language, with the answers given so far."""
    from agent.interview.views import recap

    lang = session_lang(session)
    console.print(say("resuming", lang, sid=markup(session.session_id)))
    if chosen is not None and chosen != lang:
        console.print(f"[yellow]{say('note', lang)}[/]{gap(lang)}{say('kept_language', lang)}")
    rows = recap(session.answers, lang)
    if rows:
        console.print(f"[bold]{say('answers_so_far', lang)}[/]", highlight=False)
        show_answers(console, rows, lang)

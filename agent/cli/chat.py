"""`shirube chat`: a line-mode conversation (rich output, input history, piped stdin works)."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from agent.cli.ask import LANG_HELP, AnswerLang
from tools.terminal_text import clean, markup

if TYPE_CHECKING:
    from rich.console import Console

    from agent.chat.state import Turn


def _read(console: Console, prompt: str = "you> ") -> str | None:
    """One line, or None at end of input; readline gives history when a person types."""
    if sys.stdin.isatty():
        with contextlib.suppress(ImportError):  # Windows without pyreadline: no history
            import readline  # noqa: F401  (importing it is what turns on history for input())
        try:
            return input(prompt)
        except EOFError:
            return None
    console.print(prompt, end="", markup=False)
    console.file.flush()
    line = sys.stdin.readline()
    if line == "":
        return None
    console.print(
        clean(line.rstrip("\r\n")), highlight=False, markup=False
    )  # echo: transcripts read well
    return line.rstrip("\r\n")


def show_turn(console: Console, turn: Turn, last_notice: str | None, lang: str = "en") -> None:
    from agent.cli.ask_render import print_source
    from knowledge.ui_labels import ui_text
    from tools.terminal_markdown import WrapMarkdown
    from tools.terminal_wrap import wrapped

    # Wrapped by display width: Japanese breaks between characters, never inside 第30条の4.
    if turn.followup:
        understood = ui_text("cli.chat_understood", lang, text=turn.resolved)
        console.print(wrapped(f"[dim]{markup(understood)}[/]"), highlight=False)
    if turn.notice and turn.notice != last_notice:
        console.print(wrapped(f"[yellow]{markup(turn.notice)}[/]"), highlight=False)
    console.print(WrapMarkdown(clean(turn.answer)))
    for number, cite in enumerate(turn.citations, 1):
        print_source(console, number, cite)
    console.print()


def register(app: typer.Typer) -> None:
    @app.command("chat")
    def chat(
        thread: Annotated[
            str | None, typer.Option("--thread", help="Continue a saved chat thread.")
        ] = None,
        profile: Annotated[
            Path | None,
            typer.Option("--profile", help="Link a use-case profile (YAML/JSON) to the chat."),
        ] = None,
        offline: bool = typer.Option(
            False, "--offline", help="Never call a model: answer from the rule base only."
        ),
        lang: Annotated[
            AnswerLang | None,
            typer.Option("--lang", help=f"{LANG_HELP} Kept with the thread."),
        ] = None,
    ) -> None:
        """Talk about Japan's AI rules: follow-ups and questions about your own use case."""
        from rich.console import Console

        from agent.answer.lang import detect
        from agent.chat.commands import run_command
        from agent.chat.thread import ChatThread
        from agent.cli.interview import run_interactive
        from core.config import get_settings
        from knowledge.index.store import ensure_index
        from knowledge.loader import load_rule_base
        from knowledge.ui_labels import ui_text
        from tools.profile_io import load_profile

        settings = get_settings()
        linked = load_profile(profile) if profile is not None else None  # bad file: exit 2
        # A saved thread is opened first: its remembered language is the command's language.
        resumed = ChatThread.resume(thread, settings, offline=offline) if thread else None
        if resumed is not None and lang is not None:
            resumed.set_lang(lang.value)
        remembered = resumed.lang if resumed is not None else None
        wanted = lang.value if lang is not None else remembered or settings.lang
        try:
            # Any "Building the search index" line in the command's language: --lang, else the
            # thread's, else SHIRUBE_LANG.
            ensure_index(
                settings.model_copy(update={"lang": "ja" if wanted == "ja" else "en"}),
                progress=True,
            )
        except BaseException:
            if resumed is not None:
                resumed.close()
            raise
        console = Console(highlight=False)
        current = resumed or ChatThread.start(settings, offline=offline)
        if resumed is None and lang is not None:
            current.set_lang(lang.value)
        # The CLI's own lines: the thread's language, else SHIRUBE_LANG=ja, else English.
        said = current.lang or ("ja" if settings.lang == "ja" else "en")

        def say(key: str, **values: object) -> None:
            console.print(clean(ui_text(key, said, **values)), markup=False)

        say("cli.chat_rules_as_of", date=load_rule_base().meta.as_of)
        if thread:
            say("cli.chat_continuing", id=thread, count=len(current.turns))
        else:
            say("cli.chat_started", id=current.thread_id)
        if linked is not None:
            current.link_profile(linked, str(profile))
            say("cli.chat_profile_linked", path=profile)
        last_notice: str | None = None
        try:
            while (line := _read(console, ui_text("cli.chat_prompt", said))) is not None:
                if not line.strip():
                    continue
                if line.strip().startswith("/"):
                    outcome = run_command(line, current, console, run_interactive, said)
                    current = outcome.thread
                    if outcome.quit:
                        break
                    continue
                turn = current.ask(line)
                # No language kept with the thread: the CLI's own lines (prompt, commands,
                # "Saved") follow the last question's, as its answer does.
                said = current.lang or detect(turn.question)
                show_turn(console, turn, last_notice, said)
                last_notice = turn.notice or last_notice
        finally:
            say("cli.chat_saved", id=current.thread_id)
            current.close()

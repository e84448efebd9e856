"""Slash commands inside a chat: /interview /plan /profile /sources /export /new /help /quit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from agent.answer.numbering import numbered, source_line
from core.errors import UsageError
from knowledge.ui_labels import LabelledError, error_in, joined, ui_text
from tools.terminal_text import clean, markup

if TYPE_CHECKING:
    from rich.console import Console

    from agent.chat.thread import ChatThread
    from agent.interview.session import InterviewSession

InterviewRunner = Callable[["Console", "InterviewSession"], None]


@dataclass(frozen=True)
class SlashCommand:
    """One chat command, as both surfaces list it (`/help` in the terminal and in the TUI)."""

    usage: str
    text: str
    key: str | None = None
    """The TUI's key for the same action, shown there as '(or press F2)'."""

    @property
    def name(self) -> str:
        return self.usage.split()[0]

    def usage_in(self, lang: str = "en") -> str:
        """The usage with its argument named in `lang` ('/export ファイル名')."""
        name, _, arg = self.usage.partition(" ")
        return f"{name} {ui_text(f'commands.arg_{arg.lower()}', lang)}" if arg else name


def usage_column(lang: str = "en") -> list[str]:
    """Every command's usage in `lang`, padded to one width in terminal cells (a CJK
    character takes two), so the texts beside them line up."""
    from rich.cells import cell_len

    usages = [c.usage_in(lang) for c in COMMANDS]
    width = max(14, *(cell_len(u) + 1 for u in usages))
    return [u + " " * (width - cell_len(u)) for u in usages]


# The one table of chat commands: the terminal chat and the TUI list and accept these.
COMMANDS: tuple[SlashCommand, ...] = (
    SlashCommand("/interview", "describe your use case; links the profile at the end", "F2"),
    SlashCommand("/plan", "show the governance plan for the linked profile"),
    SlashCommand("/profile FILE", "link a saved profile (YAML/JSON) to this chat", "F4"),
    SlashCommand("/sources", "the citations of the last answer, in full"),
    SlashCommand("/export FILE", "write the conversation as Markdown with its citations"),
    SlashCommand("/new", "start a new thread (the linked profile stays linked)"),
    SlashCommand("/help", "this list"),
    SlashCommand("/quit", "leave (the thread is saved; shirube chat --thread ID or F3 resumes it)"),
)
NAMES = [command.name for command in COMMANDS]


def help_text(*, with_keys: bool = False, lang: str = "en") -> str:
    """The command list in `lang` (ui_labels `commands`); `with_keys` adds the TUI's key for
    each action that has one."""
    rows = []
    for c, usage in zip(COMMANDS, usage_column(lang), strict=True):
        text = ui_text(f"commands.{c.name.lstrip('/')}", lang)
        if with_keys and c.key:
            text += " " + ui_text("chat.or_press", lang, key=c.key)
        rows.append(f"  {usage} {text}")
    return "\n".join(rows)


def unknown_message(name: str, lang: str = "en") -> str:
    return ui_text("chat_command.unknown", lang, name=name, names=joined(NAMES, lang, "items"))


class Outcome:
    """What the chat loop does after a command: keep going with `thread`, or quit."""

    def __init__(self, thread: ChatThread, *, quit: bool = False) -> None:
        self.thread = thread
        self.quit = quit


def _arg(name: str, arg: str, example: str) -> str:
    if not arg:
        raise LabelledError("chat_command.needs_file", name=name, example=example)
    return arg


def link_file(thread: ChatThread, arg: str) -> str:
    """Link the profile file named by `arg` (UsageError naming the problem); returns the path."""
    from tools.profile_io import load_profile

    path = _arg("/profile", arg, "profile.yaml")
    thread.link_profile(load_profile(path), path)
    return path


def _profile(thread: ChatThread, arg: str, console: Console, lang: str) -> None:
    path = link_file(thread, arg)
    console.print(markup(ui_text("chat.linked_file", lang, source=path)), highlight=False)


def _plan(thread: ChatThread, console: Console, lang: str) -> None:
    from rich.markdown import Markdown

    from tools.assess import assess
    from tools.render import render_plan

    profile = thread.profile
    if profile is None:
        raise LabelledError("chat_command.no_profile")
    console.print(
        Markdown(render_plan(assess(profile, "ja" if lang == "ja" else "en"), "markdown"))
    )


def sources_text(thread: ChatThread, lang: str = "en") -> str | None:
    """The citations of the last cited answer, in full (None before any cited answer)."""
    last = next((t for t in reversed(thread.turns) if t.citations), None)
    if last is None:
        return None
    lines = [ui_text("chat_command.sources_for", lang, question=last.question)]
    for number, cite in numbered(last.citations):
        lines.append(f"{source_line(number, cite)}\n    {cite.excerpt}")
    return "\n".join(lines)


def _sources(thread: ChatThread, console: Console, lang: str) -> None:
    text = sources_text(thread, lang)
    if text is None:
        console.print(ui_text("chat.no_sources", lang), highlight=False)
        return
    console.print(clean(text), highlight=False, markup=False)


def write_export(thread: ChatThread, arg: str) -> Path:
    """Write the conversation as Markdown to the file named by `arg`; returns the path."""
    from tools.safe_output import write_output

    path = _arg("/export", arg, "chat.md")
    if not thread.turns:
        raise LabelledError("chat.nothing_to_export")
    return write_output(path, thread.export_markdown())


def _export(thread: ChatThread, arg: str, console: Console, lang: str) -> None:
    path = write_export(thread, arg)
    console.print(markup(ui_text("chat.exported", lang, path=path)), highlight=False)


def new_thread(thread: ChatThread) -> ChatThread:
    """Close `thread` and start a fresh one with the same model, keeping the linked profile."""
    from agent.chat.thread import ChatThread

    profile, source = thread.profile, thread.profile_source
    fresh = ChatThread.start(
        thread.settings, chat_model=thread._context.chat_model, offline=thread._context.offline
    )
    thread.close()
    if profile is not None and source is not None:
        fresh.link_profile(profile, source)
    return fresh


def _new(thread: ChatThread, console: Console, lang: str) -> ChatThread:
    fresh = new_thread(thread)
    console.print(ui_text("chat_command.new_thread", lang, id=fresh.thread_id), highlight=False)
    return fresh


def _interview(
    thread: ChatThread, console: Console, run_interview: InterviewRunner, lang: str
) -> None:
    from agent.interview.session import InterviewSession

    settings = thread.settings.model_copy(update={"lang": lang})  # asked in the chat's language
    with InterviewSession.start(settings) as session:
        console.print(ui_text("chat_command.interview", lang, id=session.session_id))
        run_interview(console, session)
        if session.done:
            thread.link_profile(session.profile_so_far, f"interview {session.session_id}")
            console.print(ui_text("chat_command.profile_linked", lang))


def parse(line: str) -> tuple[str, str]:
    """'/Export  chat.md ' → ('/export', 'chat.md')."""
    name, _, arg = line.strip().partition(" ")
    return name.lower(), arg.strip()


def run_command(
    line: str,
    thread: ChatThread,
    console: Console,
    run_interview: InterviewRunner,
    lang: str = "en",
) -> Outcome:
    """Run one slash command; a bad command or argument prints one clear line and goes on.

    `run_interview` is the surface's own interview loop (the CLI's prompt loop), passed in so the
    chat package never imports a surface.
    """
    name, arg = parse(line)
    actions: dict[str, Callable[[], object]] = {
        "/interview": lambda: _interview(thread, console, run_interview, lang),
        "/plan": lambda: _plan(thread, console, lang),
        "/profile": lambda: _profile(thread, arg, console, lang),
        "/sources": lambda: _sources(thread, console, lang),
        "/export": lambda: _export(thread, arg, console, lang),
        # soft_wrap: Rich wraps at spaces, which a Japanese line has few of.
        "/help": lambda: console.print(
            help_text(lang=lang), highlight=False, markup=False, soft_wrap=True
        ),
    }
    if name in ("/quit", "/exit"):
        return Outcome(thread, quit=True)
    if name == "/new":
        return Outcome(_new(thread, console, lang))
    if name not in actions:
        console.print(clean(unknown_message(name, lang)), highlight=False, markup=False)
        return Outcome(thread)
    try:
        actions[name]()
    except UsageError as exc:
        console.print(f"[bold red]![/] {markup(error_in(exc, lang))}", highlight=False)
    return Outcome(thread)

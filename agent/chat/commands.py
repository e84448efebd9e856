"""Slash commands inside a chat: /interview /plan /profile /sources /export /new /help /quit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from agent.answer.numbering import numbered, source_line
from core.errors import UsageError
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
NO_SOURCES = "No answer with citations yet: ask a question first."


def help_text(*, with_keys: bool = False) -> str:
    """The command list; `with_keys` adds the TUI's key for each action that has one."""
    rows = [
        (c.usage, f"{c.text} (or press {c.key})" if with_keys and c.key else c.text)
        for c in COMMANDS
    ]
    return "\n".join(f"  {usage:<14} {text}" for usage, text in rows)


def unknown_message(name: str) -> str:
    return f"Unknown command '{name}'. Commands: {', '.join(NAMES)}. Type /help for details."


class Outcome:
    """What the chat loop does after a command: keep going with `thread`, or quit."""

    def __init__(self, thread: ChatThread, *, quit: bool = False) -> None:
        self.thread = thread
        self.quit = quit


def _arg(name: str, arg: str, example: str) -> str:
    if not arg:
        raise UsageError(f"{name} needs a file name, e.g. {name} {example}")
    return arg


def link_file(thread: ChatThread, arg: str) -> str:
    """Link the profile file named by `arg` (UsageError naming the problem); returns the path."""
    from tools.profile_io import load_profile

    path = _arg("/profile", arg, "profile.yaml")
    thread.link_profile(load_profile(path), path)
    return path


def _profile(thread: ChatThread, arg: str, console: Console) -> None:
    path = link_file(thread, arg)
    console.print(
        f"Linked profile {markup(path)}. Ask e.g. 'which rules apply to us?'", highlight=False
    )


def _plan(thread: ChatThread, console: Console) -> None:
    from rich.markdown import Markdown

    from tools.assess import assess
    from tools.render import render_plan

    profile = thread.profile
    if profile is None:
        raise UsageError("No profile is linked. Run /interview or /profile FILE first.")
    console.print(Markdown(render_plan(assess(profile), "markdown")))


def sources_text(thread: ChatThread) -> str | None:
    """The citations of the last cited answer, in full (None before any cited answer)."""
    last = next((t for t in reversed(thread.turns) if t.citations), None)
    if last is None:
        return None
    lines = [f"Sources for: {last.question}"]
    for number, cite in numbered(last.citations):
        lines.append(f"{source_line(number, cite)}\n    {cite.excerpt}")
    return "\n".join(lines)


def _sources(thread: ChatThread, console: Console) -> None:
    text = sources_text(thread)
    if text is None:
        console.print(NO_SOURCES, highlight=False)
        return
    console.print(clean(text), highlight=False, markup=False)


def write_export(thread: ChatThread, arg: str) -> Path:
    """Write the conversation as Markdown to the file named by `arg`; returns the path."""
    from tools.safe_output import write_output

    path = _arg("/export", arg, "chat.md")
    if not thread.turns:
        raise UsageError("Nothing to export yet: ask a question first.")
    return write_output(path, thread.export_markdown())


def _export(thread: ChatThread, arg: str, console: Console) -> None:
    path = write_export(thread, arg)
    console.print(f"Conversation written to {markup(path)}", highlight=False)


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


def _new(thread: ChatThread, console: Console) -> ChatThread:
    fresh = new_thread(thread)
    console.print(f"New thread {fresh.thread_id}.", highlight=False)
    return fresh


def _interview(thread: ChatThread, console: Console, run_interview: InterviewRunner) -> None:
    from agent.interview.session import InterviewSession

    with InterviewSession.start(thread.settings) as session:
        console.print(f"Interview {session.session_id}: type 'quit' to go back to the chat.")
        run_interview(console, session)
        if session.done:
            thread.link_profile(session.profile_so_far, f"interview {session.session_id}")
            console.print("Profile linked to this chat. Ask 'what should we do first?'")


def parse(line: str) -> tuple[str, str]:
    """'/Export  chat.md ' → ('/export', 'chat.md')."""
    name, _, arg = line.strip().partition(" ")
    return name.lower(), arg.strip()


def run_command(
    line: str, thread: ChatThread, console: Console, run_interview: InterviewRunner
) -> Outcome:
    """Run one slash command; a bad command or argument prints one clear line and goes on.

    `run_interview` is the surface's own interview loop (the CLI's prompt loop), passed in so the
    chat package never imports a surface.
    """
    name, arg = parse(line)
    actions: dict[str, Callable[[], object]] = {
        "/interview": lambda: _interview(thread, console, run_interview),
        "/plan": lambda: _plan(thread, console),
        "/profile": lambda: _profile(thread, arg, console),
        "/sources": lambda: _sources(thread, console),
        "/export": lambda: _export(thread, arg, console),
        "/help": lambda: console.print(help_text(), highlight=False, markup=False),
    }
    if name in ("/quit", "/exit"):
        return Outcome(thread, quit=True)
    if name == "/new":
        return Outcome(_new(thread, console))
    if name not in actions:
        console.print(clean(unknown_message(name)), highlight=False, markup=False)
        return Outcome(thread)
    try:
        actions[name]()
    except UsageError as exc:
        console.print(f"[bold red]![/] {markup(exc)}", highlight=False)
    return Outcome(thread)

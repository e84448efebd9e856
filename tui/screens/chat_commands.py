"""Slash commands typed in the TUI chat: the `shirube chat` commands, shown the app's way.

The work itself is agent.chat.commands (export, new thread, profile link, sources); this module
only decides where the result appears: a note in the conversation, a notification or a screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from agent.chat.commands import (
    NO_SOURCES,
    link_file,
    new_thread,
    parse,
    sources_text,
    unknown_message,
    write_export,
)
from agent.chat.commands import help_text as commands_help
from core.errors import UsageError

if TYPE_CHECKING:
    from tui.screens.chat import ChatScreen

NO_PROFILE = (
    "No profile is linked to this chat. Press F2 for the interview, F4 to open a profile "
    "file, or type /profile FILE."
)


def help_text() -> str:
    return "Chat commands:\n" + commands_help(with_keys=True)


async def run_slash(screen: ChatScreen, line: str) -> None:
    """Run one command; a bad command or argument becomes one clear notification."""
    name, arg = parse(line)
    try:
        await _run(screen, name, arg)
    except UsageError as exc:
        screen.notify(str(exc), title=name, severity="error", timeout=8)


async def _run(screen: ChatScreen, name: str, arg: str) -> None:
    app = screen.app
    if name == "/help":
        screen.note(help_text())
    elif name == "/new":
        await _new(screen)
    elif name == "/plan":
        _plan(screen)
    elif name == "/profile":
        path = link_file(screen.ensure_thread(), arg)
        screen.note(f"Linked profile {path} to this chat. Ask e.g. 'which rules apply to us?'")
    elif name == "/interview":
        app.action_interview()  # type: ignore[attr-defined]
    elif name == "/sources":
        text = sources_text(screen.thread) if screen.thread else None
        if text is None:
            screen.notify(NO_SOURCES, severity="warning")
        else:
            screen.note(text)
    elif name == "/export":
        if screen.thread is None:
            raise UsageError("Nothing to export yet: ask a question first.")
        written = write_export(screen.thread, arg)
        screen.notify(f"Conversation written to {written.resolve()}", title="Exported")
    elif name in ("/quit", "/exit"):
        app.exit()
    else:
        screen.notify(unknown_message(name), severity="error", timeout=8)


async def _new(screen: ChatScreen) -> None:
    old = screen.thread
    if old is None:
        fresh = screen.ensure_thread()
    else:
        screen.thread = None  # new_thread closes it
        fresh = new_thread(old)
    await screen.replace_thread(fresh)
    linked = f" Profile {fresh.profile_source} stays linked." if fresh.profile_source else ""
    screen.note(f"New chat {fresh.thread_id}: earlier questions no longer apply.{linked}")


def _plan(screen: ChatScreen) -> None:
    from tools.assess import assess
    from tui.screens.plan import PlanScreen

    thread = screen.thread
    profile = thread.profile if thread else None
    if thread is None or profile is None:
        raise UsageError(NO_PROFILE)
    screen.app.push_screen(PlanScreen(assess(profile), session_id=thread.thread_id))

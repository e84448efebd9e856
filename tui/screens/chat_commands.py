"""Slash commands typed in the TUI chat: the `shirube chat` commands, shown the app's way.

The work itself is agent.chat.commands (export, new thread, profile link, sources); this module
only decides where the result appears: a note in the conversation, a notification or a screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from agent.chat.commands import (
    COMMANDS,
    link_file,
    new_thread,
    parse,
    sources_text,
    unknown_message,
    usage_column,
    write_export,
)
from core.errors import UsageError
from tui.lang import current_lang, error_text, t

if TYPE_CHECKING:
    from tui.screens.chat import ChatScreen


def help_text() -> str:
    """The command list in the app's language, with the TUI's key for each that has one."""
    rows = []
    for c, usage in zip(COMMANDS, usage_column(current_lang()), strict=True):
        text = t(f"commands.{c.name.lstrip('/')}")
        if c.key:
            text += " " + t("chat.or_press", key=c.key)
        rows.append(f"  {usage} {text}")
    return "\n".join([t("chat.commands_title"), *rows])


async def run_slash(screen: ChatScreen, line: str) -> None:
    """Run one command; a bad command or argument becomes one clear notification."""
    name, arg = parse(line)
    try:
        await _run(screen, name, arg)
    except UsageError as exc:
        screen.notify(error_text(exc), title=name, severity="error", timeout=8)


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
        screen.note(t("chat.linked_file", source=path))
    elif name == "/interview":
        app.action_interview()  # type: ignore[attr-defined]
    elif name == "/sources":
        text = sources_text(screen.thread, current_lang()) if screen.thread else None
        if text is None:
            screen.notify(t("chat.no_sources"), severity="warning")
        else:
            screen.note(text)
    elif name == "/export":
        if screen.thread is None:
            raise UsageError(t("chat.nothing_to_export"))
        written = write_export(screen.thread, arg)
        screen.notify(t("chat.exported", path=written.resolve()), title=t("chat.exported_title"))
    elif name in ("/quit", "/exit"):
        app.exit()
    else:
        screen.notify(unknown_message(name, current_lang()), severity="error", timeout=8)


async def _new(screen: ChatScreen) -> None:
    old = screen.thread
    if old is None:
        fresh = screen.ensure_thread()
    else:
        screen.thread = None  # new_thread closes it
        fresh = new_thread(old)
    await screen.replace_thread(fresh)
    linked = t("chat.profile_stays", source=fresh.profile_source) if fresh.profile_source else ""
    screen.note(t("chat.new_thread", id=fresh.thread_id) + linked)


def _plan(screen: ChatScreen) -> None:
    from tools.assess import assess
    from tui.screens.plan import PlanScreen

    thread = screen.thread
    profile = thread.profile if thread else None
    if thread is None or profile is None:
        raise UsageError(t("chat.no_profile"))
    plan = assess(profile, current_lang())
    screen.app.push_screen(PlanScreen(plan, session_id=thread.thread_id))

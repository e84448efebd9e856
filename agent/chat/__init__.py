"""Multi-turn chat threads: follow-ups resolved from the thread, answers personalised to a profile.

Entry point for the CLI and the TUI: `ChatThread` (agent.chat.thread):
`ChatThread.start(settings=None, chat_model=None, offline=False)`, `ChatThread.resume(thread_id)`,
`.thread_id`, `.ask(text) -> Turn`, `.link_profile(profile, source)`, `.turns`, `.topic`,
`.profile`, `.export_markdown()`. Slash commands: `agent.chat.commands.run_command`.
`start`/`resume` hold the thread's lock until `.close()` (one writer per thread, across
processes); `ChatThread.open(thread_id)` reads without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from agent.chat.state import Topic, Turn
    from agent.chat.thread import ChatThread

__all__ = ["ChatThread", "Topic", "Turn"]


def __getattr__(name: str) -> Any:
    # Lazy: importing the package must not pull in LangGraph or the index.
    if name == "ChatThread":
        from agent.chat.thread import ChatThread

        return ChatThread
    if name in ("Topic", "Turn"):
        from agent.chat import state

        return getattr(state, name)
    raise AttributeError(name)

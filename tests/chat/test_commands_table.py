"""One table of slash commands: the terminal chat, the TUI's /help and its key screen list it."""

from __future__ import annotations

from agent.chat.commands import COMMANDS, help_text, unknown_message
from tui.screens.chat_commands import help_text as tui_help_text
from tui.screens.help import KEYS


def test_every_surface_lists_every_command() -> None:
    shown_in_keys = {key for where, key, _ in KEYS if where == "help.chat"}  # label names
    for command in COMMANDS:
        assert command.usage in help_text()
        assert command.usage in tui_help_text()
        assert command.usage in shown_in_keys
        assert command.name in unknown_message("/nope")


def test_the_tui_help_names_the_key_for_an_action_that_has_one() -> None:
    assert "(or press F2)" in tui_help_text()
    assert "(or press F2)" not in help_text()

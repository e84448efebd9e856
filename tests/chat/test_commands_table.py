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


def test_the_terminal_chat_says_its_commands_in_japanese() -> None:
    """/help, a mistyped command and a command's usage error in the thread's language."""
    from types import SimpleNamespace
    from typing import Any

    from rich.console import Console

    from agent.chat.commands import run_command

    thread: Any = SimpleNamespace(profile=None, turns=[])
    console = Console(record=True, width=200)
    for line in ("/help", "/frobnicate", "/plan", "/export", "/sources"):
        run_command(line, thread, console, lambda *_: None, "ja")
    said = console.export_text()
    assert "/sources       直前の回答の出典をすべて表示" in said
    assert "コマンド「/frobnicate」はありません。使えるコマンド：/interview" in said
    assert "プロファイルがひも付いていません。" in said
    assert "/export にはファイル名を指定してください（例：/export chat.md）" in said
    assert "出典つきの回答がまだありません。" in said
    assert "Unknown" not in said and "No profile" not in said and "needs a file" not in said

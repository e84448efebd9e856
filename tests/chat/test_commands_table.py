"""One table of slash commands: the terminal chat, the TUI's /help and its key screen list it."""

from __future__ import annotations

import re

from agent.chat.commands import COMMANDS, help_text, unknown_message
from tui.screens.chat_commands import help_text as tui_help_text
from tui.screens.help import KEYS


def test_every_surface_lists_every_command() -> None:
    shown_in_keys = {key for where, key, _ in KEYS if where == "help.chat"}  # names, usages
    for command in COMMANDS:
        assert command.usage in help_text()
        assert command.usage in tui_help_text()
        assert f"usage:{command.usage}" in shown_in_keys
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
    assert re.search(r"/sources +直前の回答の出典をすべて表示", said)
    assert "コマンド「/frobnicate」はありません。使えるコマンド：/interview" in said
    assert "プロファイルがひも付いていません。" in said
    assert "/export にはファイル名を指定してください（例：/export chat.md）" in said
    assert "出典つきの回答がまだありません。" in said
    # A command's argument is named in Japanese, its column still aligned (CJK: two cells).
    from rich.cells import cell_len

    def column(text: str) -> int:  # the terminal column `text` starts in (CJK: two cells)
        line = next(line for line in said.splitlines() if text in line)
        return cell_len(line[: line.index(text)])

    assert column("保存したプロファイル") == column("直前の回答の出典") == column("この一覧")
    assert "/profile ファイル名 " in said and "FILE" not in said
    assert "Unknown" not in said and "No profile" not in said and "needs a file" not in said

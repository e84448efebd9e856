"""The key bindings, one screen (F1 or ? anywhere)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Label, Static

from agent.chat.commands import COMMANDS

KEYS: list[tuple[str, str, str]] = [
    ("Anywhere", "F1 / ?", "This help"),
    ("Anywhere", "Ctrl+P", "Command palette (every action below is there too)"),
    ("Anywhere", "F2", "Start the interview"),
    ("Anywhere", "F3", "Resume a saved interview or chat thread"),
    ("Anywhere", "F4", "Open a profile file: show its plan, link it to the chat"),
    ("Anywhere", "Ctrl+Q", "Quit"),
    ("Chat", "Enter", "Ask the question typed below"),
    ("Chat", "Tab / Shift+Tab", "Move to a suggested question or a source"),
    ("Chat", "Enter on a source", "Open the source passage"),
    ("Chat", "Ctrl+Y", "Copy the last answer to the clipboard"),
    # The chat's slash commands come from their one table (agent.chat.commands.COMMANDS).
    *(("Chat", command.usage, command.text) for command in COMMANDS),
    ("Interview", "Enter", "Send the typed answer (a number, a name, yes/no)"),
    ("Interview", "F5 / 'back'", "Go back to the previous question"),
    ("Interview", "F6 / 'skip'", "Skip (use the default)"),
    ("Interview", "F7 / 'why'", "Why we ask (with its official source)"),
    ("Interview", "Esc", "Leave the interview (saved; resume with F3)"),
    ("Plan", "M / J", "Export the plan as Markdown / JSON"),
    ("Plan", "Esc", "Back"),
]


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,f1,q", "close", "Close")]

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog", classes="dialog"):
            yield Label("Shirube 道標 — keys", classes="dialog-title")
            yield DataTable(id="help-keys", cursor_type="row", zebra_stripes=True)
            yield Static(
                "Answers cite official instruments. With no model server, answers come from "
                "the rule base (offline mode).",
                classes="dialog-note",
            )
            yield Button("Close (Esc)", id="help-close", variant="primary")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Where", "Key", "What it does")
        table.add_rows(KEYS)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)

"""The key bindings, one screen (F1 or ? anywhere), in the app's language."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Button, Label, Static

from agent.chat.commands import COMMANDS
from tui.lang import LocalModal, current_lang, t

# (where, key, what it does): label names in ui_labels.yaml, except the keys themselves.
KEYS: list[tuple[str, str, str]] = [
    ("help.anywhere", "F1 / ?", "help.k_help"),
    ("help.anywhere", "Ctrl+P", "help.k_palette"),
    ("help.anywhere", "F2", "help.k_interview"),
    ("help.anywhere", "F3", "help.k_sessions"),
    ("help.anywhere", "F4", "help.k_profile"),
    ("help.anywhere", "F8", "help.k_lang"),
    ("help.anywhere", "Ctrl+Q", "help.k_quit"),
    ("help.chat", "Enter", "help.k_ask"),
    ("help.chat", "Tab / Shift+Tab", "help.k_tab"),
    ("help.chat", "help.enter_on_source", "help.k_source"),
    ("help.chat", "Ctrl+Y", "help.k_copy"),
    # The chat's slash commands come from their one table (agent.chat.commands.COMMANDS).
    *(("help.chat", f"usage:{c.usage}", f"commands.{c.name.lstrip('/')}") for c in COMMANDS),
    ("help.interview", "Enter", "help.k_send"),
    ("help.interview", "help.key_back", "help.k_back"),
    ("help.interview", "help.key_skip", "help.k_skip"),
    ("help.interview", "help.key_why", "help.k_why"),
    ("help.interview", "Esc", "help.k_leave"),
    ("help.plan", "M / J", "help.k_export"),
    ("help.plan", "Esc", "help.k_close"),
]


def key_rows() -> list[tuple[str, str, str]]:
    """The table in the app's language (a key column entry that names a label is translated)."""
    return [(t(where), _key(key), t(what)) for where, key, what in KEYS]


def _key(key: str) -> str:
    """A key as shown: a label's text, a chat command's usage in the app's language, or as is."""
    if key.startswith("help."):
        return t(key)
    if key.startswith("usage:"):
        usage = key.removeprefix("usage:")
        return next(c for c in COMMANDS if c.usage == usage).usage_in(current_lang())
    return key


def key_table(rows: list[tuple[str, str, str]]) -> Table:
    """The rows as a table whose last column wraps, so no line is cut at 80 columns."""
    table = Table(box=None, padding=(0, 2, 0, 0), expand=True, row_styles=["", "dim"])
    table.add_column(t("help.col_where"), no_wrap=True, style="bold")
    table.add_column(t("help.col_key"), no_wrap=True)
    table.add_column(t("help.col_what"), ratio=1, overflow="fold")  # Japanese has no spaces
    for row in rows:
        table.add_row(*row, style="")
    return table


class HelpScreen(LocalModal[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,f1,q", "close", "close")]

    def compose(self) -> ComposeResult:
        self.rows = key_rows()
        with Vertical(id="help-dialog", classes="dialog"):
            yield Label(t("help.title"), classes="dialog-title")
            with VerticalScroll(id="help-body"):
                yield Static(key_table(self.rows), id="help-keys")
            yield Static(t("help.note"), classes="dialog-note")
            yield Button(t("help.close"), id="help-close", variant="primary")

    async def relabel(self) -> None:
        await self.recompose()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)

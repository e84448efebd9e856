"""Textual's header, its icon's tooltip ('Open the command palette') in the app's language."""

from __future__ import annotations

from textual.widgets import Header
from textual.widgets._header import HeaderIcon

from tui.lang import current_lang, textual_word

OPEN_PALETTE = "Open the command palette"  # Textual's tooltip, which the label replaces


class LocalHeader(Header):
    """The header; `relabel` after a language switch."""

    def on_mount(self) -> None:
        self.call_after_refresh(self.relabel)  # after the icon has set Textual's tooltip

    def relabel(self) -> None:
        if self.app.ENABLE_COMMAND_PALETTE:
            for icon in self.query(HeaderIcon):
                icon.tooltip = textual_word(OPEN_PALETTE, current_lang())

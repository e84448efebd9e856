"""Textual's command palette, its own words in the app's language: the search prompt and the
'No matches found' line (Textual writes that one in the palette's code, no setting names it)."""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

from tui.lang import t


class LocalPalette(CommandPalette):
    """The palette, saying it found nothing in the app's language."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own method (textual 8.2) with the one line it says from a label.
        self._stop_no_matches_countdown()

        def _show_no_matches() -> None:
            if search_value:
                said = Text(t("app.palette_no_matches"), style="not bold")
                option = Option(Align.center(said), disabled=True, id=self._NO_MATCHES)
                self.query_one(CommandList).add_option(option)
                self._list_visible = True
            else:  # discover mode: nothing typed, nothing to say
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, _show_no_matches)

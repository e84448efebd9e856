"""The side panel of the interview: the profile as it fills in, one line per answer."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from tools.terminal_text import plain
from tui.lang import t

NAME_WIDTH = 22  # cells: the longest English name ('Kind of organisation') on one line


class ProfilePanel(Static):
    """Shows every answered question as 'name: answer'; unanswered ones are left out."""

    DEFAULT_CLASSES = "profile-panel"

    rows: list[tuple[str, str]]

    def show(self, rows: list[tuple[str, str]], labels: dict[str, str] | None = None) -> None:
        """`rows` are (field, answer); `labels` name each field (else the field id shows)."""
        self.rows = rows
        labels = labels or {}
        if not rows:
            self.update(Text(t("interview.nothing_yet"), style="dim"))
            return
        # A name wraps past NAME_WIDTH cells (CJK takes two a character), so a long one never
        # pushes the answer out of the panel.
        table = Table.grid(padding=(0, 1))
        table.add_column(style="bold", max_width=NAME_WIDTH, overflow="fold")
        table.add_column()
        for field, answer in rows:
            table.add_row(plain(labels.get(field, field)), plain(answer))
        self.update(table)

"""An Input that remembers what was asked: Up recalls the previous entry, Down the next."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import Input


class HistoryInput(Input):
    """Up/Down walk the history like a shell; Down past the newest brings back the draft."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "recall(-1)", "previous_question", show=False),
        Binding("down", "recall(1)", "next_question", show=False),
    ]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.history: list[str] = []
        self._position = 0  # == len(history): editing a new entry
        self._draft = ""

    def remember(self, text: str) -> None:
        """Add an entry (not twice in a row) and start a fresh draft."""
        if text and (not self.history or self.history[-1] != text):
            self.history.append(text)
        self._position = len(self.history)
        self._draft = ""

    def load(self, entries: list[str]) -> None:
        """Replace the history (a resumed thread brings its questions)."""
        self.history = []
        for entry in entries:
            self.remember(entry)

    def action_recall(self, step: int) -> None:
        if not self.history:
            return
        if self._position == len(self.history):
            self._draft = self.value
        self._position = max(0, min(len(self.history), self._position + step))
        at_draft = self._position == len(self.history)
        self.value = self._draft if at_draft else self.history[self._position]
        self.cursor_position = len(self.value)

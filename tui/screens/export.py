"""A file-name dialog: returns the chosen path, or None when cancelled."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from tools.terminal_text import clean


class FileNameScreen(ModalScreen[Path | None]):
    """Ask for a file name; `must_exist` for files to open, else the folder must exist."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, default: str, *, must_exist: bool = False) -> None:
        self.title_text = title
        self.default = default
        self.must_exist = must_exist
        super().__init__()

    def compose(self) -> ComposeResult:
        with Vertical(id="file-dialog", classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Input(self.default, id="file-name", select_on_focus=False)
            yield Static("", id="file-error", classes="error-line", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("OK", id="file-ok", variant="primary")
                yield Button("Cancel", id="file-cancel")

    def on_mount(self) -> None:
        blink = getattr(self.app, "blink", True)
        self.query_one(Input).cursor_blink = blink

    def _problem(self, path: Path) -> str | None:
        if not str(path).strip():
            return "Type a file name."
        if self.must_exist and not path.is_file():
            return f"'{path}' does not exist. Type the path of an existing file."
        if not self.must_exist and not path.parent.is_dir():
            return f"The folder '{path.parent}' does not exist. Create it or pick another one."
        if not self.must_exist and path.is_dir():
            return f"'{path}' is a folder. Type a file name."
        return None

    def _submit(self) -> None:
        text = self.query_one(Input).value.strip()
        path = Path(text).expanduser()
        problem = self._problem(path) if text else "Type a file name."
        if problem:
            self.query_one("#file-error", Static).update(clean(problem))
            return
        self.dismiss(path)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "file-ok":
            self._submit()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)

"""A file-name dialog: returns the chosen path, or None when cancelled."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from tools.terminal_text import clean
from tui.lang import LocalModal, t


class FileNameScreen(LocalModal[Path | None]):
    """Ask for a file name; `must_exist` for files to open, else the folder must exist."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "cancel")]

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
                yield Button(t("dialog.ok"), id="file-ok", variant="primary")
                yield Button(t("dialog.cancel"), id="file-cancel")

    def on_mount(self) -> None:
        blink = getattr(self.app, "blink", True)
        self.query_one(Input).cursor_blink = blink

    def _problem(self, path: Path) -> str | None:
        if not str(path).strip():
            return t("dialog.type_file_name")
        if self.must_exist and not path.is_file():
            return t("dialog.no_such_file", path=path)
        if not self.must_exist and not path.parent.is_dir():
            return t("dialog.no_such_folder", path=path.parent)
        if not self.must_exist and path.is_dir():
            return t("dialog.is_folder", path=path)
        return None

    def _submit(self) -> None:
        text = self.query_one(Input).value.strip()
        path = Path(text).expanduser()
        problem = self._problem(path) if text else t("dialog.type_file_name")
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

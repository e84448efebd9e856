"""Ask for a new name for a saved session; dismisses with the name, or None when cancelled."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from tui.lang import LocalModal, t


class RenameScreen(LocalModal[str | None]):
    """An input filled with the current name; Enter or OK keeps a non-empty name."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "cancel")]

    def __init__(self, session_id: str, current: str) -> None:
        self.session_id = session_id
        self.current = current
        super().__init__()

    def compose(self) -> ComposeResult:
        with Vertical(id="rename-dialog", classes="dialog"):
            yield Label(
                t("sessions.rename_title", id=self.session_id), classes="dialog-title", markup=False
            )
            yield Input(
                self.current, placeholder=t("sessions.rename_placeholder"), id="rename-input"
            )
            yield Static("", id="rename-error", classes="error-line", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("sessions.rename_ok"), id="rename-ok", variant="primary")
                yield Button(t("dialog.cancel"), id="rename-cancel")

    def on_mount(self) -> None:
        self.query_one(Input).cursor_blink = getattr(self.app, "blink", True)

    def _submit(self) -> None:
        name = " ".join(self.query_one(Input).value.split())
        if not name:
            self.query_one("#rename-error", Static).update(t("sessions.rename_empty"))
            return
        self.dismiss(name)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "rename-ok":
            self._submit()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)

"""The status bar: model state, rule-base as-of date and the current session id."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict
from rich.text import Text
from textual.widgets import Static

from tools.terminal_text import clean

OFFLINE_LINE = "offline: answers from the rule base"


class StatusInfo(BaseModel):
    """What the status bar shows; the app owns one and pushes it to every bar."""

    model_config = ConfigDict(frozen=True)

    model_line: str = "checking the model…"
    online: bool = False
    as_of: str = ""
    session_id: str | None = None


class StatusBar(Static):
    """One line at the bottom of every screen."""

    DEFAULT_CLASSES = "status-bar"

    def show(self, info: StatusInfo) -> None:
        text = Text()
        text.append("● ", style="bold green" if info.online else "bold yellow")
        text.append(clean(info.model_line))
        text.append("  │  ", style="dim")
        text.append(f"rule base as of {info.as_of}")
        text.append("  │  ", style="dim")
        text.append(clean(f"session {info.session_id or '—'}"))
        self.update(text)

    def on_mount(self) -> None:
        status = getattr(self.app, "status", None)
        if isinstance(status, StatusInfo):
            self.show(status)

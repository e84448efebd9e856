"""The status bar: model state, rule-base as-of date, the session id and the language key."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict
from rich.text import Text
from textual.widgets import Static

from tools.terminal_text import clean
from tui.lang import t


class StatusInfo(BaseModel):
    """What the status bar shows; the app owns one and pushes it to every bar.

    The model's state, not its wording: the bar says it in the app's language."""

    model_config = ConfigDict(frozen=True)

    model: Literal["checking", "online", "offline"] = "checking"
    model_name: str | None = None
    as_of: str = ""
    session_id: str | None = None

    @property
    def online(self) -> bool:
        return self.model == "online"


def model_line(info: StatusInfo) -> str:
    if info.model == "online":
        return t("status.online", name=info.model_name or "")
    return t(f"status.{info.model}")


class StatusBar(Static):
    """One line at the bottom of every screen."""

    DEFAULT_CLASSES = "status-bar"

    def show(self, info: StatusInfo) -> None:
        text = Text()
        text.append("● ", style="bold green" if info.online else "bold yellow")
        text.append(clean(model_line(info)))
        text.append(" │ ", style="dim")
        text.append(t("status.rules_as_of", date=info.as_of))
        text.append(" │ ", style="dim")
        text.append(clean(t("status.session", id=info.session_id or "—")))
        text.append(" │ ", style="dim")
        text.append(t("status.lang"))
        self.update(text)

    def on_mount(self) -> None:
        status = getattr(self.app, "status", None)
        if isinstance(status, StatusInfo):
            self.show(status)

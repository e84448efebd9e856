"""Saved interviews and chat threads, most recent first; Enter resumes the highlighted one."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from agent.interview.store import SessionInfo
from tools.terminal_text import clean

KIND_LABEL = {"interview": "interview", "chat": "chat"}


def changed_line(changed: int) -> str:
    """A line under a session whose plan today's rule base changes."""
    if not changed:
        return ""
    return f"\n   rule base changed since this plan: {changed} change{'s' * (changed != 1)}"


class SessionsScreen(ModalScreen[str | None]):
    """Pick a saved interview or chat; dismisses with its id (None on Esc)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, sessions: list[SessionInfo]) -> None:
        self.sessions = sessions
        super().__init__()

    def compose(self) -> ComposeResult:
        with Vertical(id="sessions-dialog", classes="dialog"):
            yield Label("Resume a saved interview or chat", classes="dialog-title")
            if not self.sessions:
                yield Static(
                    "No saved sessions yet. Ask a question, or press F2 for the interview.",
                    id="no-sessions",
                )
            changed = self._rule_base_changes()
            options = [
                Option(
                    Content(
                        clean(
                            f"{s.id}  {KIND_LABEL.get(s.kind, s.kind):<9}  "
                            f"{s.updated[:16].replace('T', ' ')}  {s.title or '(untitled)'}"
                            + changed_line(changed.get(s.id, 0))
                        )
                    ),
                    id=s.id,
                )
                for s in self.sessions
            ]
            yield OptionList(*options, id="sessions-list")
            yield Static("Enter: resume · Esc: cancel", classes="dialog-note")

    def _rule_base_changes(self) -> dict[str, int]:
        """Session id → changes today's rule base makes to its plan (none when unreadable)."""
        from agent.interview import stamps, store
        from core.errors import UsageError

        ids = {s.id for s in self.sessions if s.kind == "interview"}
        try:
            with store.opened() as conn:
                return stamps.changed_counts(conn, ids)
        except UsageError:  # the list still opens; the sessions themselves say what is wrong
            return {}

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)

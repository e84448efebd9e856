"""Saved interviews and chat threads, most recent first, each with its status.

Enter resumes the highlighted one; `r` renames it; `d` deletes it after a confirmation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from core.errors import UsageError
from tools.terminal_text import clean
from tui.screens.confirm import ConfirmScreen
from tui.screens.rename import RenameScreen

if TYPE_CHECKING:
    from agent.interview.store import SessionInfo
    from core.config import Settings

KIND_LABEL = {"interview": "interview", "chat": "chat"}
EMPTY = "No saved sessions yet. Ask a question, or press F2 for the interview."


def option_text(s: SessionInfo, changed: int = 0) -> str:
    """Id, kind, status and last use on the first line; the title on the second (it wraps);
    a third when today's rule base changes the session's plan."""
    status = s.status or "status not recorded"
    when = s.updated[:16].replace("T", " ")
    kind = KIND_LABEL.get(s.kind, s.kind)
    text = f"{s.id}  {kind:<9}  {when}  {status}\n   {s.title or '(untitled)'}"
    return clean(text + changed_line(changed))


def changed_line(changed: int) -> str:
    """A line under a session whose plan today's rule base changes."""
    if not changed:
        return ""
    return f"\n   rule base changed since this plan: {changed} change{'s' * (changed != 1)}"


class SessionsScreen(ModalScreen[str | None]):
    """Pick a saved interview or chat; dismisses with its id (None on Esc)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("r", "rename", "Rename"),
        Binding("d,delete", "delete", "Delete"),
    ]

    def __init__(
        self,
        sessions: list[SessionInfo],
        settings: Settings | None = None,
        *,
        open_id: str | None = None,
    ) -> None:
        self.sessions = sessions
        self.settings = settings
        self.open_id = open_id  # the session on screen now: deleting it would pull it away
        super().__init__()

    def compose(self) -> ComposeResult:
        with Vertical(id="sessions-dialog", classes="dialog"):
            yield Label("Resume a saved interview or chat", classes="dialog-title")
            yield Static(EMPTY, id="no-sessions")
            yield OptionList(id="sessions-list")
            yield Static("", id="sessions-error", classes="error-line", markup=False)
            yield Static(
                "Enter: resume · r: rename · d: delete · Esc: cancel", classes="dialog-note"
            )

    def on_mount(self) -> None:
        self._show()

    def _show(self, highlight: str | None = None) -> None:
        options = self.query_one("#sessions-list", OptionList)
        options.clear_options()
        changed = self._rule_base_changes()
        options.add_options(
            [Option(Content(option_text(s, changed.get(s.id, 0))), id=s.id) for s in self.sessions]
        )
        self.query_one("#no-sessions").display = not self.sessions
        ids = [s.id for s in self.sessions]
        if ids:
            options.highlighted = ids.index(highlight) if highlight in ids else 0

    def _rule_base_changes(self) -> dict[str, int]:
        """Session id → changes today's rule base makes to its plan (none when unreadable)."""
        from agent.interview import stamps, store
        from knowledge.loader import RuleBaseError

        ids = {s.id for s in self.sessions if s.kind == "interview"}
        try:
            with store.opened(self.settings) as conn:
                return stamps.changed_counts(conn, ids)
        except (UsageError, RuleBaseError):  # the list still opens; kb check names the problem
            return {}

    def _reload(self, highlight: str | None = None) -> None:
        from agent.interview import store

        with store.opened(self.settings) as conn:
            self.sessions = store.list_sessions(conn)
        self._show(highlight)

    def highlighted(self) -> SessionInfo | None:
        options = self.query_one("#sessions-list", OptionList)
        if options.highlighted is None or not self.sessions:
            return None
        return self.sessions[options.highlighted]

    def _error(self, message: str) -> None:
        self.query_one("#sessions-error", Static).update(clean(message))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_rename(self) -> None:
        session = self.highlighted()
        if session is None:
            return

        def renamed(name: str | None) -> None:
            if name is None:
                return
            from agent.interview import store

            try:
                with store.opened(self.settings) as conn:
                    store.rename_session(conn, session.id, name)
                self._reload(session.id)
            except UsageError as exc:
                self._error(str(exc))
                return
            self._error("")

        self.app.push_screen(RenameScreen(session.id, session.title), renamed)

    def action_delete(self) -> None:
        session = self.highlighted()
        if session is None:
            return
        if session.id == self.open_id:
            self._error(
                f"Session {session.id} is open on screen. Start a new chat (/new) or leave the "
                "interview first, then delete it."
            )
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._delete(session.id)

        title = clean(session.title or "(untitled)")
        question = (
            f"Delete {session.kind} {session.id} “{title}” and everything saved for it? "
            "This cannot be undone."
        )
        self.app.push_screen(ConfirmScreen("Delete a session", question), confirmed)

    def _delete(self, session_id: str) -> None:
        from agent.interview import session_lock, store
        from core.config import get_settings

        settings = self.settings or get_settings()
        try:
            # Never pull a session from under a process that is answering it.
            with session_lock.held(settings, session_id), store.opened(settings) as conn:
                store.delete_session(conn, session_id)
            self._reload()
        except UsageError as exc:
            self._error(str(exc))
            return
        self._error("")
        self.app.notify(f"Deleted session {session_id}.")

"""Saved interviews and chat threads, most recent first, each with its status.

Enter resumes the highlighted one; `r` renames it; `d` deletes it after a confirmation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from core.errors import UsageError
from knowledge.ui_labels import reword
from tools.terminal_text import clean
from tui.lang import LocalModal, current_lang, error_text, t
from tui.screens.confirm import ConfirmScreen
from tui.screens.rename import RenameScreen

if TYPE_CHECKING:
    from agent.interview.store import SessionInfo
    from core.config import Settings


def option_text(s: SessionInfo, changed: int = 0) -> str:
    """Id, kind, status and last use on the first line; the title on the second (it wraps);
    a third when today's rule base changes the session's plan."""
    # Recorded in English ('3 turns'); shown in the app's language.
    status = reword(s.status, "recorded", current_lang()) if s.status else t("sessions.no_status")
    when = s.updated[:16].replace("T", " ")
    text = f"{s.id}  {kind_label(s.kind)}  {when}  {status}\n   {s.title or t('sessions.untitled')}"
    return clean(text + changed_line(changed))


def kind_label(kind: str) -> str:
    """'interview' or 'chat' in the app's language, padded to one width (CJK counts double)."""
    from rich.cells import cell_len

    label = t(f"sessions.kind_{kind}") if kind in ("interview", "chat") else kind
    widest = max(cell_len(t(f"sessions.kind_{k}")) for k in ("interview", "chat"))
    return label + " " * max(0, widest - cell_len(label))


def changed_line(changed: int) -> str:
    """A line under a session whose plan today's rule base changes."""
    if not changed:
        return ""
    return "\n   " + (
        t("sessions.changed_one") if changed == 1 else t("sessions.changed", count=changed)
    )


class SessionsScreen(LocalModal[str | None]):
    """Pick a saved interview or chat; dismisses with its id (None on Esc)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "cancel"),
        Binding("r", "rename", "rename"),
        Binding("d,delete", "delete", "delete"),
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
            yield Label(t("sessions.title"), classes="dialog-title")
            yield Static(t("sessions.empty"), id="no-sessions")
            yield OptionList(id="sessions-list")
            yield Static("", id="sessions-error", classes="error-line", markup=False)
            yield Static(t("sessions.note"), classes="dialog-note")

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
            # Plan stamps stay in this machine's file, whichever store holds the sessions.
            with store.opened_local(self.settings) as conn:
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
                self._error(error_text(exc))
                return
            self._error("")

        self.app.push_screen(RenameScreen(session.id, session.title), renamed)

    def action_delete(self) -> None:
        session = self.highlighted()
        if session is None:
            return
        if session.id == self.open_id:
            self._error(t("sessions.open_now", id=session.id))
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._delete(session.id)

        title = clean(session.title or t("sessions.untitled"))
        kind = kind_label(session.kind).strip()
        question = t("sessions.delete_question", kind=kind, id=session.id, title=title)
        self.app.push_screen(ConfirmScreen(t("sessions.delete_title"), question), confirmed)

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
            self._error(error_text(exc))
            return
        self._error("")
        self.app.notify(t("sessions.deleted", id=session_id))

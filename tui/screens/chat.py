"""The chat: a persisted chat thread (agent.chat) shown as questions, answers and citations.

The same threads as `shirube chat`: follow-ups resolve from the thread, a linked profile
answers "what should we do first?", and F3 reopens a saved thread with its turns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.events import Click
from textual.message import Message
from textual.widgets import Input, LoadingIndicator, Static

from core.errors import UsageError
from tools.terminal_text import clean
from tui.lang import LocalScreen, error_text, t
from tui.screens.citation import CitationScreen
from tui.widgets.answer import AnswerView, ChatNote, CitationItem, QuestionBubble
from tui.widgets.footer import AppFooter
from tui.widgets.header import LocalHeader
from tui.widgets.history_input import HistoryInput
from tui.widgets.status import StatusBar

if TYPE_CHECKING:  # LangChain and LangGraph load with the first question, not at start-up
    from agent.chat.state import Turn
    from agent.chat.thread import ChatThread
    from core.profile import UseCaseProfile

STARTERS = 5  # suggested first questions: chat.starter_1 … chat.starter_5 in ui_labels.yaml


class Starter(Static, can_focus=True):
    """A suggested first question; Enter or a click asks it."""

    DEFAULT_CLASSES = "starter"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter,space", "pick", "ask_this")]

    class Picked(Message):
        def __init__(self, question: str) -> None:
            self.question = question
            super().__init__()

    def __init__(self, question: str, *, id: str | None = None) -> None:
        self.question = question
        super().__init__(f"› {question}", id=id)

    def set_question(self, question: str) -> None:
        self.question = question
        self.update(f"› {question}")

    def action_pick(self) -> None:
        self.post_message(self.Picked(self.question))

    def on_click(self, event: Click) -> None:
        event.stop()
        self.action_pick()


class ChatScreen(LocalScreen[None]):
    """The thread starts with the first question (or linked profile), not when the app opens."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+y", "copy_last", "copy_answer"),
        # From the input too: the conversation scrolls while the cursor stays where you type.
        Binding("pageup", "scroll_messages(-1)", "scroll_up", show=False),
        Binding("pagedown", "scroll_messages(1)", "scroll_down", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.thread: ChatThread | None = None
        self.turns: list[Turn] = []
        self.busy = False

    def compose(self) -> ComposeResult:
        yield LocalHeader(icon="道")
        with VerticalScroll(id="messages"), Vertical(id="starters"):
            yield Static(t("chat.welcome"), id="welcome")
            for i in range(1, STARTERS + 1):
                yield Starter(t(f"chat.starter_{i}"), id=f"starter-{i}")
        with Vertical(id="index-banner"):
            yield LoadingIndicator()
            yield Static(t("chat.index_banner"), id="index-text")
        yield LoadingIndicator(id="thinking")
        yield HistoryInput(placeholder=t("chat.placeholder"), id="question")
        yield StatusBar(id="status")
        yield AppFooter()

    def on_mount(self) -> None:
        question = self.query_one("#question", Input)
        question.cursor_blink = getattr(self.app, "blink", True)
        self.query_one("#thinking").display = False
        self.set_index_ready(getattr(self.app, "index_ready", False))
        question.focus()

    async def relabel(self) -> None:
        """The welcome, suggested questions, banner and prompt in the app's new language; the
        thread answers in it from now on (answers already given stay as they were)."""
        for welcome in self.query("#welcome").results(Static):
            welcome.update(t("chat.welcome"))
        for starter in self.query(Starter):
            number = (starter.id or "").removeprefix("starter-")
            starter.set_question(t(f"chat.starter_{number}"))
        self.query_one("#index-text", Static).update(t("chat.index_banner"))
        self.query_one("#question", HistoryInput).placeholder = t("chat.placeholder")
        if self.thread is not None:
            self._answer_lang(self.thread)

    def _answer_lang(self, thread: ChatThread) -> None:
        """Japanese display: Japanese answers; English: each question's own language (or
        SHIRUBE_LANG), so a question typed in Japanese is still answered in Japanese."""
        japanese = getattr(self.app, "lang", "en") == "ja"
        try:
            thread.set_lang("ja" if japanese else "auto")
        except UsageError as exc:  # a read-only sessions database: the thread still answers
            self.notify(error_text(exc), severity="warning")

    def on_screen_resume(self) -> None:
        # Back from the plan or the interview: the status bar shows this chat's thread again.
        self._show_session()
        if self.focused is None:  # typing must land in the question, never on a global key
            self.focus_question()

    def focus_question(self) -> None:
        self.query_one("#question", HistoryInput).focus()

    def action_scroll_messages(self, direction: int) -> None:
        messages = self.query_one("#messages", VerticalScroll)
        if direction < 0:
            messages.scroll_page_up(animate=False)
        else:
            messages.scroll_page_down(animate=False)

    def on_screen_suspend(self) -> None:
        # Leaving the chat (help, interview, a citation) shows any answer being revealed whole.
        self.finish_reveals()

    def finish_reveals(self) -> None:
        for view in self.query(AnswerView):
            view.finish_reveal()

    def on_unmount(self) -> None:
        if self.thread is not None:
            self.thread.close()

    def set_index_ready(self, ready: bool) -> None:
        self.query_one("#index-banner").display = not ready

    # ── the thread ────────────────────────────────────────────────────────
    def _show_session(self) -> None:
        set_session = getattr(self.app, "set_session", None)
        if set_session is not None:
            set_session(self.thread.thread_id if self.thread else None)

    def ensure_thread(self) -> ChatThread:
        """The current thread, started (and registered in the session list) on first use."""
        from agent.chat.thread import ChatThread

        if self.thread is None:
            settings = getattr(self.app, "settings", None)
            self.thread = ChatThread.start(
                settings,
                chat_model=getattr(self.app, "chat_model", None),
                offline=bool(settings and settings.offline),
                surface="tui",
            )
            if getattr(self.app, "lang", "en") == "ja":
                self._answer_lang(self.thread)
            self._show_session()
        return self.thread

    async def replace_thread(self, thread: ChatThread) -> None:
        """Show `thread` instead of the current one: its turns rendered, its id in the status."""
        if self.thread is not None and self.thread is not thread:
            self.thread.close()
        self.thread = thread
        self.turns = []
        messages = self.query_one("#messages", VerticalScroll)
        await messages.remove_children()  # awaited: the new turns reuse the old widget ids
        for turn in thread.turns:
            self._mount_turn(turn)
        messages.scroll_end(animate=False)
        self.query_one("#question", HistoryInput).load([t.question for t in self.turns])
        self._show_session()
        self.focus_question()

    async def open_thread(self, thread_id: str) -> None:
        """Reopen a saved chat thread (from the sessions list)."""
        from agent.chat.thread import ChatThread

        if self.thread is not None and self.thread.thread_id == thread_id:
            return  # already open here: its own lock would refuse a second copy
        settings = getattr(self.app, "settings", None)
        try:
            thread = ChatThread.resume(
                thread_id,
                settings,
                chat_model=getattr(self.app, "chat_model", None),
                offline=bool(settings and settings.offline),
                surface="tui",
            )
        except UsageError as exc:
            self.notify(error_text(exc), severity="error")
            return
        await self.replace_thread(thread)
        self.note(t("chat.resumed", id=thread_id, count=len(self.turns)))

    def link_profile(self, profile: UseCaseProfile, source: str) -> None:
        """Answer "us" questions from this profile (after an interview or F4)."""
        self.ensure_thread().link_profile(profile, source)
        self.note(t("chat.linked", source=source))

    def note(self, text: str) -> None:
        self._clear_starters()
        messages = self.query_one("#messages", VerticalScroll)
        messages.mount(ChatNote(clean(text), markup=False))
        messages.scroll_end(animate=False)

    # ── asking ────────────────────────────────────────────────────────────
    @on(Input.Submitted, "#question")
    async def _submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            self.notify(t("chat.empty_question"), severity="warning")
            return
        if self.busy:
            self.notify(t("chat.busy"), severity="warning")
            return
        event.input.value = ""
        if isinstance(event.input, HistoryInput):
            event.input.remember(text)
        if text.startswith("/"):
            from tui.screens.chat_commands import run_slash

            await run_slash(self, text)
            return
        self.ask(text)

    @on(Starter.Picked)
    def _starter(self, event: Starter.Picked) -> None:
        self.ask(event.question)

    @on(CitationItem.Selected)
    def _citation(self, event: CitationItem.Selected) -> None:
        self.app.push_screen(CitationScreen(event.citation, event.number))

    def _clear_starters(self) -> None:
        starters = self.query("#starters")
        if starters:
            starters.first().remove()

    def ask(self, question: str) -> None:
        thread = self.ensure_thread()
        self.finish_reveals()  # a new question: the last answer is shown whole at once
        self._clear_starters()
        messages = self.query_one("#messages", VerticalScroll)
        messages.mount(QuestionBubble(clean(question), classes="question-bubble", markup=False))
        messages.scroll_end(animate=False)
        self.query_one("#thinking").display = True
        self.busy = True
        self._ask_worker(thread, question)

    @work(exclusive=True, thread=True, group="ask")
    def _ask_worker(self, thread: ChatThread, question: str) -> None:
        app = self.app
        try:
            turn = thread.ask(question)
        except Exception as exc:  # a model or index failure must become a message, not a crash
            app.call_from_thread(self._failed, exc)
            return
        app.call_from_thread(self._show_turn, turn)

    def _failed(self, exc: Exception) -> None:
        # Worded here, on the app's thread: a worker thread does not see the app's language.
        self.busy = False
        self.query_one("#thinking").display = False
        if isinstance(exc, UsageError):
            self.notify(error_text(exc), severity="warning")
        else:
            self.notify(t("chat.could_not_answer", error=error_text(exc)), severity="error")

    def _mount_turn(self, turn: Turn) -> None:
        self.turns.append(turn)
        messages = self.query_one("#messages", VerticalScroll)
        messages.mount(
            QuestionBubble(clean(turn.question), classes="question-bubble", markup=False)
        )
        messages.mount(AnswerView(turn, len(self.turns)))

    def _show_turn(self, turn: Turn) -> None:
        self.busy = False
        self.query_one("#thinking").display = False
        self.turns.append(turn)
        messages = self.query_one("#messages", VerticalScroll)
        # Only a fresh model answer is revealed progressively (AnswerView checks the mode).
        interval = float(getattr(self.app, "reveal_interval", 0.0))
        messages.mount(AnswerView(turn, len(self.turns), reveal_interval=interval))
        messages.scroll_end(animate=False)
        if turn.model is not None and turn.model.failed:
            warn = getattr(self.app, "warn_offline", None)
            if warn is not None:
                warn(turn.model)

    def action_copy_last(self) -> None:
        if not self.turns:
            self.notify(t("chat.nothing_to_copy"), severity="warning")
            return
        self.app.copy_to_clipboard(self.turns[-1].answer)
        self.notify(t("chat.copied"))

"""The chat: ask about Japan's AI regulation; answers in Markdown with numbered citations."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.events import Click
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, LoadingIndicator, Static

from agent.errors import UsageError
from agent.state import Answer
from tui.screens.citation import CitationScreen
from tui.widgets.answer import AnswerView, CitationItem, QuestionBubble
from tui.widgets.status import StatusBar

STARTERS: tuple[str, ...] = (
    "Does Japan have an AI Act?",
    "What does Article 13 of the AI Promotion Act do?",
    "Are the AI Guidelines for Business binding?",
    "Can staff put personal data into a generative AI service?",
    "What applies when a ministry procures generative AI?",
)


class Starter(Static, can_focus=True):
    """A suggested first question; Enter or a click asks it."""

    DEFAULT_CLASSES = "starter"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter,space", "pick", "Ask this")]

    class Picked(Message):
        def __init__(self, question: str) -> None:
            self.question = question
            super().__init__()

    def __init__(self, question: str, *, id: str | None = None) -> None:
        self.question = question
        super().__init__(f"› {question}", id=id)

    def action_pick(self) -> None:
        self.post_message(self.Picked(self.question))

    def on_click(self, event: Click) -> None:
        event.stop()
        self.action_pick()


class ChatScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+y", "copy_last", "Copy answer")]

    def __init__(self) -> None:
        super().__init__()
        self.answers: list[Answer] = []

    def compose(self) -> ComposeResult:
        yield Header(icon="道")
        with VerticalScroll(id="messages"), Vertical(id="starters"):
            yield Static(
                "Ask anything about Japan's AI regulation. Every answer cites the official "
                "instrument. Press F2 for the interview that builds your governance plan.",
                id="welcome",
            )
            for i, question in enumerate(STARTERS, 1):
                yield Starter(question, id=f"starter-{i}")
        with Vertical(id="index-banner"):
            yield LoadingIndicator()
            yield Static("Preparing the search index (first start only)…", id="index-text")
        yield LoadingIndicator(id="thinking")
        yield Input(placeholder="Ask a question and press Enter", id="question")
        yield StatusBar(id="status")
        yield Footer()

    def on_mount(self) -> None:
        question = self.query_one("#question", Input)
        question.cursor_blink = getattr(self.app, "blink", True)
        self.query_one("#thinking").display = False
        self.set_index_ready(getattr(self.app, "index_ready", False))
        question.focus()

    def set_index_ready(self, ready: bool) -> None:
        self.query_one("#index-banner").display = not ready

    @on(Input.Submitted, "#question")
    def _submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            self.notify(
                "Type a question first, e.g. 'Does Japan have an AI Act?'", severity="warning"
            )
            return
        event.input.value = ""
        self.ask(text)

    @on(Starter.Picked)
    def _starter(self, event: Starter.Picked) -> None:
        self.ask(event.question)

    @on(CitationItem.Selected)
    def _citation(self, event: CitationItem.Selected) -> None:
        self.app.push_screen(CitationScreen(event.citation, event.number))

    def ask(self, question: str) -> None:
        starters = self.query("#starters")
        if starters:
            starters.first().remove()
        messages = self.query_one("#messages", VerticalScroll)
        messages.mount(QuestionBubble(question, classes="question-bubble"))
        messages.scroll_end(animate=False)
        self.query_one("#thinking").display = True
        self._ask_worker(question)

    @work(exclusive=True, thread=True, group="ask")
    def _ask_worker(self, question: str) -> None:
        from agent.qa import ask

        app = self.app
        history = [(a.question, a.answer) for a in self.answers[-3:]]
        try:
            answer = ask(
                question,
                settings=getattr(app, "settings", None),
                chat_model=getattr(app, "chat_model", None),
                history=history,
            )
        except UsageError as exc:
            app.call_from_thread(self._failed, str(exc), "warning")
            return
        except Exception as exc:  # a model or index failure must become a message, not a crash
            app.call_from_thread(self._failed, f"Could not answer: {exc}", "error")
            return
        app.call_from_thread(self._show_answer, answer)

    def _failed(self, message: str, severity: str) -> None:
        self.query_one("#thinking").display = False
        self.notify(message, severity=severity)  # type: ignore[arg-type]

    def _show_answer(self, answer: Answer) -> None:
        self.query_one("#thinking").display = False
        self.answers.append(answer)
        messages = self.query_one("#messages", VerticalScroll)
        messages.mount(AnswerView(answer, len(self.answers)))
        messages.scroll_end(animate=False)
        if answer.notice and "unavailable" in answer.notice.lower():
            warn = getattr(self.app, "warn_offline", None)
            if warn is not None:
                warn(answer.notice)

    def action_copy_last(self) -> None:
        if not self.answers:
            self.notify("Nothing to copy yet: ask a question first.", severity="warning")
            return
        self.app.copy_to_clipboard(self.answers[-1].answer)
        self.notify("Copied the last answer to the clipboard.")

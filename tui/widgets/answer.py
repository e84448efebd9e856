"""A chat turn: the user's question, or an answer in Markdown followed by its numbered citations."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.events import Click
from textual.message import Message
from textual.widgets import Markdown, Static

from agent.chat.state import Turn
from agent.state import Answer, AnswerCitation
from tui.legal import short_name


class QuestionBubble(Static):
    """What the user asked."""

    DEFAULT_CLASSES = "question-bubble"


class ChatNote(Static):
    """A line from the app inside the conversation: command results, linked profile, help."""

    DEFAULT_CLASSES = "chat-note"


class CitationItem(Static, can_focus=True):
    """One numbered citation; Enter or a click opens the source passage."""

    DEFAULT_CLASSES = "citation-item"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,space", "open", "Open source", show=True)
    ]

    class Selected(Message):
        """The user picked this citation."""

        def __init__(self, citation: AnswerCitation, number: int) -> None:
            self.citation = citation
            self.number = number
            super().__init__()

    def __init__(self, citation: AnswerCitation, number: int, *, id: str | None = None) -> None:
        self.citation = citation
        self.number = number
        label = Text()
        label.append(f"[{number}] ", style="bold")
        label.append(short_name(citation.id, citation.title))
        if citation.section:
            label.append(f" · {citation.section}", style="bold")
        label.append(f"  ({citation.legal_force_label})", style="dim")
        super().__init__(label, id=id)

    def action_open(self) -> None:
        self.post_message(self.Selected(self.citation, self.number))

    def on_click(self, event: Click) -> None:
        event.stop()
        self.action_open()


class AnswerView(Vertical):
    """An answer (a chat-thread turn or a single answer): Markdown, the follow-up and notice
    lines, then the citations as selectable items."""

    DEFAULT_CLASSES = "answer-view"

    def __init__(self, answer: Turn | Answer, turn: int) -> None:
        self.answer = answer
        self.turn = turn
        super().__init__(id=f"answer-{turn}")

    def compose(self) -> ComposeResult:
        if isinstance(self.answer, Turn) and self.answer.followup:
            # Say how a follow-up was read, so a wrong reading is visible at once.
            yield Static(
                f"Understood as: {self.answer.resolved}", classes="answer-resolved", markup=False
            )
        yield Markdown(self.answer.answer, classes="answer-markdown")
        if self.answer.notice:
            yield Static(self.answer.notice, classes="answer-notice")
        if self.answer.citations:
            yield Static("Sources (Tab to a source, Enter to open it)", classes="sources-title")
            for number, citation in enumerate(self.answer.citations, 1):
                yield CitationItem(citation, number, id=f"cite-{self.turn}-{number}")
        mode = "rule base (offline)" if self.answer.mode == "offline" else self.answer.mode
        yield Static(f"answered from {mode}", classes="answer-mode")

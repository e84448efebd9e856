"""A chat turn: the user's question, or an answer in Markdown followed by its numbered citations.

A model answer is revealed word group by word group ("streams in"), but only after the agent
has verified the whole of it: the reveal is presentation, never unverified text.
"""

from __future__ import annotations

import asyncio
import math
import re
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.events import Click
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static

from agent.answer.numbering import numbered
from tools.terminal_text import clean
from tui.lang import t
from tui.legal import short_name

if TYPE_CHECKING:
    from agent.chat.state import Turn  # only named: importing it loads LangChain
    from agent.state import Answer, AnswerCitation  # pydantic models, built when first drawn

# textual's Markdown (markdown-it, pygments) is imported where an answer is drawn: the first
# screen has none, and loading it there cost the start-up a tenth of a second.

# A long answer still finishes its reveal in about this many ticks (~2 s at 25 ms a tick).
REVEAL_TICKS = 80
_WORD = re.compile(r"\s*\S+")  # a word with the whitespace before it, so joins are exact


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
        Binding("enter,space", "open", "open_source", show=True)
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
        if citation.label is not None:  # a Japanese answer's own label: '（拘束力のある法律…）'
            label.append(f"（{citation.label}）", style="dim")
        else:
            label.append(f"  ({citation.legal_force_label})", style="dim")
        super().__init__(label, id=id)

    def action_open(self) -> None:
        self.post_message(self.Selected(self.citation, self.number))

    def on_click(self, event: Click) -> None:
        event.stop()
        self.action_open()


class AnswerView(Vertical):
    """An answer (a chat-thread turn or a single answer): Markdown, the follow-up and notice
    lines, then the citations as selectable items.

    With `reveal_interval` > 0 a model answer ("model:..." mode) is revealed a word group per
    tick; the notice, sources and mode line appear when the reveal finishes. Offline answers
    (and `reveal_interval` 0) appear whole at once.
    """

    DEFAULT_CLASSES = "answer-view"

    def __init__(self, answer: Turn | Answer, turn: int, *, reveal_interval: float = 0.0) -> None:
        self.answer = answer
        self.turn = turn
        self.reveal_interval = reveal_interval
        words = _WORD.findall(answer.answer)
        # Reveal whole words only; the text at the end is the verified answer, byte for byte.
        self.revealing = reveal_interval > 0 and answer.mode.startswith("model:") and bool(words)
        self._words = words
        self._shown = 0
        self._step = max(2, math.ceil(len(words) / REVEAL_TICKS))
        self._tail: list[Widget] = []  # shown when the reveal finishes
        self._timer: Timer | None = None
        # The timer ticks in its own task; one lock keeps Markdown updates in order.
        self._lock = asyncio.Lock()
        super().__init__(id=f"answer-{turn}")

    def compose(self) -> ComposeResult:
        from agent.state import Answer

        if not isinstance(self.answer, Answer) and self.answer.followup:  # a chat Turn
            # Say how a follow-up was read, so a wrong reading is visible at once.
            yield Static(
                clean(t("chat.understood_as", question=self.answer.resolved)),
                classes="answer-resolved",
                markup=False,
            )
        from textual.widgets import Markdown

        yield Markdown("" if self.revealing else self.answer.answer, classes="answer-markdown")
        yield from self._hidden_while_revealing(self._tail_widgets())

    def _tail_widgets(self) -> list[Widget]:
        tail: list[Widget] = []
        if self.answer.notice:
            tail.append(Static(clean(self.answer.notice), classes="answer-notice", markup=False))
        if self.answer.citations:
            tail.append(Static(t("chat.sources_title"), classes="sources-title"))
            for number, citation in numbered(self.answer.citations):
                tail.append(CitationItem(citation, number, id=f"cite-{self.turn}-{number}"))
        mode = t("chat.mode_offline") if self.answer.mode == "offline" else self.answer.mode
        tail.append(
            Static(clean(t("chat.answered_from", mode=mode)), classes="answer-mode", markup=False)
        )
        return tail

    def _hidden_while_revealing(self, tail: list[Widget]) -> list[Widget]:
        if self.revealing:
            for widget in tail:
                widget.display = False  # hidden widgets take no focus, so no half-shown sources
            self._tail = tail
        return tail

    def on_mount(self) -> None:
        if self.revealing:
            self._timer = self.set_interval(self.reveal_interval, self._tick)

    @property
    def shown_text(self) -> str:
        """The Markdown source on screen now (the whole answer once the reveal is over)."""
        from textual.widgets import Markdown

        return self.query_one(".answer-markdown", Markdown).source

    async def _tick(self) -> None:
        await self._advance(self._shown + self._step)

    def finish_reveal(self) -> None:
        """Show the whole answer and its sources now (a new question, or leaving the chat)."""
        if self.revealing:
            self._shown = len(self._words)  # a tick already waiting on the lock ends it too
            self.call_later(self._advance, len(self._words))

    async def _advance(self, upto: int) -> None:
        async with self._lock:
            if not self.revealing:
                return
            self._shown = min(max(upto, self._shown), len(self._words))
            scroller = self.parent
            follow = isinstance(scroller, Widget) and scroller.is_vertical_scroll_end
            from textual.widgets import Markdown

            markdown = self.query_one(".answer-markdown", Markdown)
            done = self._shown >= len(self._words)
            # At the end, exactly the verified text (its own leading/trailing whitespace too).
            partial = "".join(self._words[: self._shown]).lstrip()
            await markdown.update(self.answer.answer if done else partial)
            if done:
                self.revealing = False
                for widget in self._tail:
                    widget.display = True
                if self._timer is not None:
                    # Stopped under the lock, so it never interrupts an update.
                    self._timer.stop()
            if follow and isinstance(scroller, Widget):
                scroller.scroll_end(animate=False)

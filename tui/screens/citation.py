"""The source passage behind one citation: instrument, section, legal force, dates, URL, excerpt."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from agent.state import AnswerCitation
from tui.legal import source_dates


class CitationScreen(ModalScreen[None]):
    """A modal over the chat; Esc or the button closes it, `c` copies the official URL."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("c", "copy_url", "Copy URL"),
    ]

    def __init__(self, citation: AnswerCitation, number: int) -> None:
        self.citation = citation
        self.number = number
        super().__init__()

    def compose(self) -> ComposeResult:
        c = self.citation
        dates = source_dates(c.id) or ["not recorded in the rule base"]
        with Vertical(id="citation-dialog", classes="dialog"):
            yield Static(
                f"[{self.number}] {c.title}",
                id="citation-title",
                classes="dialog-title",
                markup=False,
            )
            with VerticalScroll(id="citation-body"):
                yield Static(f"[b]Article / section:[/] {c.section or '—'}", id="citation-section")
                yield Static(f"[b]Legal force:[/] {c.legal_force_label}", id="citation-force")
                yield Static("[b]Dates:[/] " + "; ".join(dates), id="citation-dates")
                yield Static(f"[b]Official text:[/] {c.url}", id="citation-url", markup=True)
                yield Static("[b]Passage[/]", classes="citation-heading")
                yield Static(c.excerpt, id="citation-excerpt", markup=False)
            yield Button("Close (Esc)", id="citation-close", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_copy_url(self) -> None:
        self.app.copy_to_clipboard(self.citation.url)
        self.app.notify(f"Copied {self.citation.url}")

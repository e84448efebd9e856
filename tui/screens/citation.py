"""The source passage behind one citation: instrument, section, legal force, dates, URL, excerpt."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Button, Static

from knowledge.ui_labels import joined
from tui.lang import LocalModal, current_lang, t
from tui.legal import source_dates

if TYPE_CHECKING:
    from agent.state import AnswerCitation


def _field(label: str, value: str, *, id: str) -> Static:
    """'Label: value' with the label in bold (plain text: values carry brackets)."""
    return Static(Text.assemble((t(label), "bold"), " ", value), id=id)


class CitationScreen(LocalModal[None]):
    """A modal over the chat; Esc or the button closes it, `c` copies the official URL."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "close"),
        Binding("c", "copy_url", "copy_url"),
    ]

    def __init__(self, citation: AnswerCitation, number: int) -> None:
        self.citation = citation
        self.number = number
        super().__init__()

    def compose(self) -> ComposeResult:
        c = self.citation
        dates = source_dates(c.id) or [t("citation.no_dates")]
        with Vertical(id="citation-dialog", classes="dialog"):
            yield Static(
                f"[{self.number}] {c.title}",
                id="citation-title",
                classes="dialog-title",
                markup=False,
            )
            with VerticalScroll(id="citation-body"):
                yield _field("citation.section", c.section or "—", id="citation-section")
                # A Japanese answer's own label, as its source line shows ('拘束力のある法律…').
                force = c.label if c.label is not None else c.legal_force_label
                yield _field("citation.force", force, id="citation-force")
                yield _field("citation.dates", joined(dates, current_lang()), id="citation-dates")
                yield _field("citation.url", c.url, id="citation-url")
                yield Static(Text(t("citation.passage"), style="bold"), classes="citation-heading")
                yield Static(c.excerpt, id="citation-excerpt", markup=False)
            yield Button(t("dialog.close"), id="citation-close", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_copy_url(self) -> None:
        self.app.copy_to_clipboard(self.citation.url)
        self.app.notify(t("citation.copied", url=self.citation.url))

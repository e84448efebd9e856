"""The interview question: text, choices as buttons or a selection list, hints and errors."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, SelectionList, Static

from tools.terminal_text import clean
from tui.lang import t

if TYPE_CHECKING:  # the interview's graph loads when F2 opens it
    from agent.interview.views import QuestionView


class QuestionWidget(Vertical):
    """Renders one QuestionView; choosing posts `Answered` with the text the CLI would take."""

    DEFAULT_CLASSES = "question-widget"

    class Answered(Message):
        def __init__(self, text: str) -> None:
            self.text = text
            super().__init__()

    def __init__(self, view: QuestionView, *, id: str | None = None) -> None:
        self.view = view
        super().__init__(id=id)

    def compose(self) -> ComposeResult:
        view = self.view
        if view.error:
            yield Static(clean(f"! {view.error}"), id="q-error", classes="error-line", markup=False)
        if view.shown_help:
            yield Static(
                clean(t("interview.why_prefix", text=view.shown_help)),
                id="q-help",
                classes="help-line",
                markup=False,
            )
        if view.kind != "question":
            for row in view.summary:
                yield Static(
                    clean(f"{row.number:>2}. {row.label or row.id}: {row.answer}"),
                    classes="summary-row",
                    markup=False,
                )
        yield Static(clean(view.text), id="q-text", markup=False)
        if view.type == "yes_no":
            with Horizontal(classes="choices"):
                yield Button(t("interview.yes"), id="choice-yes", variant="success")
                yield Button(t("interview.no"), id="choice-no", variant="error")
        elif view.type == "one_of" and view.kind == "question":
            with Vertical(classes="choices"):
                for i, choice in enumerate(view.choices, 1):
                    yield Button(f"{i}) {choice.label}", id=f"choice-{i}", classes="choice")
        elif view.type == "several_of":
            yield SelectionList[str](*[(c.label, c.value) for c in view.choices], id="several")
            yield Button(t("interview.use_ticked"), id="choice-several", variant="primary")
        if view.examples:
            yield Static(
                t("interview.examples", examples=" · ".join(view.examples)),
                classes="hint",
                markup=False,
            )
        if view.previous is not None:
            yield Static(
                clean(t("interview.current", answer=view.previous)), classes="hint", markup=False
            )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        button = event.button.id or ""
        if not button.startswith("choice-"):
            return
        event.stop()
        key = button.removeprefix("choice-")
        if key == "several":
            picked = self.query_one("#several", SelectionList).selected
            text = ", ".join(picked) if picked else "none"
        else:
            text = key  # "yes", "no" or the choice's number
        self.post_message(self.Answered(text))

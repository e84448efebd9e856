"""Change one interview answer of a saved plan: pick the question, type the new answer.

The change goes through plan_service (re-assess, keep unchanged actions' statuses); a bad
answer shows plan_service's message and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select, Static

from core.errors import UsageError
from core.profile import UNASKED_FIELDS, UseCaseProfile
from knowledge.questions import load_questions
from knowledge.ui_labels import joined
from tools.assess import Assessment
from tools.terminal_text import clean
from tui.lang import LocalModal, current_lang, error_text, t

# (field, typed value) → the re-assessed plan and the titles of actions whose progress dropped
AnswerChanger = Callable[[str, str], tuple[Assessment, list[str]]]
Changed = tuple[Assessment, list[str]]


class AnswerScreen(LocalModal[Changed | None]):
    """Returns the re-assessed plan and dropped titles, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "cancel")]

    def __init__(self, profile: UseCaseProfile, change: AnswerChanger) -> None:
        self.profile = profile
        self.change = change
        self.questions = [q for q in load_questions() if q.id not in UNASKED_FIELDS]
        super().__init__()

    def compose(self) -> ComposeResult:
        lang = current_lang()
        options = [(clean(q.label_in(lang)), q.id) for q in self.questions]
        with Vertical(id="answer-dialog", classes="dialog"):
            yield Label(t("action.change_title"), classes="dialog-title")
            yield Select(options, prompt=t("action.pick_question"), id="answer-field")
            yield Static("", id="answer-now", markup=False)
            yield Input(placeholder=t("action.new_answer"), id="answer-value")
            yield Static("", id="answer-error", classes="error-line", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("action.change"), id="answer-ok", variant="primary")
                yield Button(t("dialog.cancel"), id="answer-cancel")

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        question = next((q for q in self.questions if q.id == event.value), None)
        hint = ""
        if question is not None:
            lang = current_lang()
            now = question.label_of(getattr(self.profile, question.id), lang)
            hint = t("action.now", answer=now)
            if question.choices:  # the numbers the answer parser accepts, as in the interview
                numbered = (f"{n} {c.label_in(lang)}" for n, c in enumerate(question.choices, 1))
                hint += "\n" + t("action.type", choices=joined(numbered, lang))
        self.query_one("#answer-now", Static).update(clean(hint))

    def _submit(self) -> None:
        field = self.query_one("#answer-field", Select).value
        value = self.query_one("#answer-value", Input).value.strip()
        error = self.query_one("#answer-error", Static)
        if not isinstance(field, str):
            error.update(t("action.pick_first"))
            return
        try:
            changed = self.change(field, value)
        except UsageError as exc:  # nothing was saved: say what is wrong, keep the dialog open
            error.update(clean(error_text(exc)))
            return
        self.dismiss(changed)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "answer-ok":
            self._submit()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)

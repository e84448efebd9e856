"""One plan action in full: what to do, why, the official checklist items, sources and status.

The status can be changed when the plan is saved (a `save` callback is given); otherwise it is
shown read-only with a line that says how to save the plan.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from core.errors import UsageError
from tools.checklist import ChecklistItem
from tools.terminal_text import clean
from tui.lang import LocalModal, current_lang, error_text, t
from tui.widgets.action_list import facts_line

STATUS_VALUES = ("todo", "doing", "done", "not_applicable")


def status_label(value: str) -> str:
    """A status's name in the app's language (an unknown value as it is)."""
    return t(f"action.{value}") if value in STATUS_VALUES else value


# (action id, status, evidence or reason) → saved; UsageError says what is wrong.
StatusSaver = Callable[[str, str, str], None]


def official_lines(refs: list[str]) -> list[str]:
    """Each official checklist item the action answers, with its label in the app's language."""
    if not refs:
        return []
    from knowledge.official import load_official

    official = load_official()
    lines = []
    for ref in refs:
        label = official.label(ref, current_lang())
        # A worksheet row's label already names it ('ワークシート_共通の指針 4)①' for
        # 'common:4)①'); a code with no label of its own is its label: either is said once.
        code = ref.rpartition(":")[2]
        lines.append(clean(label if code in label else f"{ref}  {label}"))
    return lines


def source_lines(item: ChecklistItem) -> list[str]:
    """Each source as 'short name, section — official URL' ('AI推進法第13条 — URL' in Japanese,
    the plan's own citation notation)."""
    from knowledge.loader import load_rule_base
    from tools.render.common import cite

    lang = current_lang()
    sources = load_rule_base().sources
    lines = []
    for citation in item.citations:
        source = sources.get(citation.source)
        url = f" — {source.url}" if source else ""
        lines.append(clean(f"{cite(citation, lang)}{url}"))
    return lines


def _section(title: str, lines: list[str], empty: str) -> Static:
    text = Text()
    text.append(title, style="bold")
    for line in lines or [empty]:
        text.append(f"\n• {line}")
    return Static(text, classes="action-section")


class ActionScreen(LocalModal[str | None]):
    """Dismisses with the new status when one was saved, else None (Esc, Close)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "close")]

    def __init__(
        self,
        item: ChecklistItem,
        *,
        status: str = "todo",
        note: str = "",
        save: StatusSaver | None = None,
    ) -> None:
        self.item = item
        self.status = status
        self.note = note
        self.save = save
        super().__init__()

    def compose(self) -> ComposeResult:
        item = self.item
        with Vertical(id="action-dialog", classes="dialog"):
            yield Label(clean(item.title), id="action-title", classes="dialog-title", markup=False)
            with VerticalScroll(id="action-body"):
                yield Static(facts_line(item), id="action-facts", markup=False)
                yield _section(t("action.what"), [clean(item.text)], "—")
                yield _section(t("action.why"), [clean(w) for w in item.why], "—")
                yield _section(
                    t("action.official"),
                    official_lines(item.official_refs),
                    t("action.none_named"),
                )
                yield _section(t("action.sources"), source_lines(item), "—")
                yield from self._status()
            with Horizontal(classes="dialog-buttons"):
                if self.save is not None:
                    yield Button(t("action.save"), id="action-save", variant="primary")
                yield Button(t("dialog.close"), id="action-close")

    def _status(self) -> ComposeResult:
        label = status_label(self.status)
        if self.save is None:
            yield Static(
                Text.assemble(
                    (t("action.status_colon"), "bold"), label, ("\n" + t("action.not_saved"), "dim")
                ),
                id="action-status",
            )
            return
        yield Static(Text(t("action.status"), style="bold"), classes="action-section")
        with RadioSet(id="action-statuses"):
            for value in STATUS_VALUES:
                yield RadioButton(
                    status_label(value), value=value == self.status, id=f"status-{value}"
                )
        yield Input(
            self.note,
            placeholder=t("action.note_placeholder"),
            id="action-note",
        )
        yield Static("", id="action-error", classes="error-line")

    def chosen(self) -> str:
        pressed = self.query_one("#action-statuses", RadioSet).pressed_button
        return (pressed.id or "").removeprefix("status-") if pressed else self.status

    @on(Button.Pressed, "#action-close")
    def _close(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    @on(Button.Pressed, "#action-save")
    @on(Input.Submitted, "#action-note")
    def _save(self, event: Button.Pressed | Input.Submitted) -> None:
        event.stop()
        assert self.save is not None
        status = self.chosen()
        note = self.query_one("#action-note", Input).value.strip()
        try:
            self.save(self.item.id, status, note)
        except UsageError as exc:
            self.query_one("#action-error", Static).update(clean(error_text(exc)))
            return
        self.dismiss(status)

    def action_close(self) -> None:
        self.dismiss(None)

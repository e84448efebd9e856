"""The plan's actions as a list that wraps: one item per action, title then its facts.

A ListView sized to its content inside the plan's one scroll, so no row hides in a nested scroll
and no column is cut at 80 columns; Enter or a click opens the action's detail view.
"""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import ListItem, ListView, Static

from knowledge.schema import load_labels
from tools.checklist import ChecklistItem
from tools.render.common import cite
from tools.terminal_text import clean
from tui.lang import current_lang, t


def facts_line(item: ChecklistItem, status: str | None = None) -> str:
    """Priority, phase, owner (and due date), first source and, when known, the status."""
    lang = current_lang()
    source = ""
    if item.citations:  # as the plan cites it (AI Promotion Act, Art. 13), not an id
        source = cite(item.citations[0], lang)
    owner = t("action.owner", owner=item.owner)
    if item.due:  # the due date sits beside the owner: who does it by when
        owner += t("action.due", date=item.due.isoformat())
    said = load_labels().text(lang)  # the plan's own words for priority and phase
    priority = said.priorities.get(item.priority.value, item.priority.value)
    phase = said.phases.get(item.phase.value, item.phase.value)
    parts = [t("action.priority", priority=priority), phase, owner, source]
    if status:
        parts.append(status)
    return clean(" · ".join(p for p in parts if p))


class ActionItem(ListItem):
    """One action: its number and title in bold, then the facts line indented (both wrap)."""

    def __init__(self, item: ChecklistItem, number: int, status: str | None = None) -> None:
        self.item = item
        self.number = number
        self.status = status
        title = Text(f"{number:>2}. {clean(item.title)}", style="bold")
        super().__init__(
            Static(title, classes="action-title"),
            Static(self._facts(), classes="action-facts"),
            id=f"action-{item.id}",
        )

    def _facts(self) -> Text:
        return Text(facts_line(self.item, self.status), style="dim")

    def show_status(self, status: str | None) -> None:
        self.status = status
        self.query_one(".action-facts", Static).update(self._facts())


class ActionList(ListView):
    """Posts `Opened` with the chosen action (Enter, or a click on an item)."""

    class Opened(Message):
        def __init__(self, item: ChecklistItem) -> None:
            self.item = item
            super().__init__()

    def __init__(
        self,
        items: list[ChecklistItem],
        statuses: dict[str, str] | None = None,
        *,
        id: str | None = None,
    ) -> None:
        statuses = statuses or {}
        rows = [ActionItem(item, n, statuses.get(item.id)) for n, item in enumerate(items, 1)]
        super().__init__(*rows, id=id)

    def on_list_view_selected(self, event: ListView.Selected) -> None:
        event.stop()
        if isinstance(event.item, ActionItem):
            self.post_message(self.Opened(event.item.item))

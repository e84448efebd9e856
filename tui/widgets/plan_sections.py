"""The plan's "Start here" and "To confirm" sections, from the assessment's data (no new text)."""

from __future__ import annotations

from collections.abc import Iterator

from rich.text import Text
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Label, Static

from tools.assess import Assessment
from tools.terminal_text import clean
from tui.lang import t


def start_here_rows(assessment: Assessment) -> list[Text]:
    """One row per start-here action: title, owner, due date (else its timing), the why (the
    number sits beside it, in its own column: see plan_sections)."""
    dates = {item.id: item.due for item in assessment.checklist}
    rows = []
    for top in assessment.start_here:
        due = dates.get(top.id)
        when = t("plan.due", date=due.isoformat()) if due else top.timing_label.lower()
        text = Text()
        text.append(clean(top.title), style="bold")
        text.append(t("plan.start_item", owner=clean(top.owner), when=when))
        text.append(f"\n{clean(top.why)}")
        rows.append(text)
    return rows


def to_confirm_rows(assessment: Assessment) -> list[Text]:
    """One row per answer the user was not sure of: what was assumed and what would change."""
    rows = []
    for a in assessment.to_confirm:
        text = Text()
        text.append(f"• {clean(a.label)}:", style="bold")
        text.append(f" {t('plan.not_sure', assumed=clean(a.assumed))} {clean(a.change)}")
        rows.append(text)
    return rows


def plan_sections(assessment: Assessment) -> Iterator[Widget]:
    """The "Start here" heading and rows, then "To confirm" when there is anything to confirm."""
    if assessment.start_here:
        yield Label(t("plan.start_here"), id="start-here-heading", classes="plan-heading")
        # The number in its own column: in one text, a long Japanese title (no spaces to wrap
        # at) would start on the line after its number; here it wraps under itself.
        for number, row in enumerate(start_here_rows(assessment), 1):
            yield Horizontal(
                Static(f"{number}.", classes="plan-start-number"),
                Static(row, classes="plan-start"),
                classes="plan-start-row",
            )
    confirm = to_confirm_rows(assessment)
    if confirm:
        yield Label(t("plan.to_confirm"), id="to-confirm-heading", classes="plan-heading")
        for row in confirm:
            yield Static(row, classes="plan-confirm")

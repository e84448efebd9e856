"""A saved plan on the terminal (`shirube plan show`) and its history lines, in the plan's language.

Every line wraps by display width (Japanese between characters, tools.terminal_wrap).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tools.terminal_text import clean

if TYPE_CHECKING:
    from agent.interview.plan_store import Change
    from knowledge.schema.base import Lang
    from tools.assess import Assessment


def show_plan(assessment: Assessment, footer: str = "") -> None:
    """The plan on screen, then `footer`; every line wraps by display width (Japanese between
    characters, tools.terminal_wrap), not at spaces only."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from agent.interview.plan_service import table
    from knowledge.schema import load_labels
    from knowledge.ui_labels import ui_text
    from tools.terminal_wrap import WrapText

    said = load_labels().text(assessment.lang)
    colon = said.colon
    console = Console(highlight=False)
    name = clean(assessment.profile.name) or said.default_name
    console.print(WrapText(said.title.format(name=name)))
    console.print(WrapText(f"{said.start_here}{colon.rstrip()}"))
    # A grid, not "  1. title": Rich wraps at spaces, so a long Japanese title (no spaces) would
    # otherwise start on the line after its number; in a column it wraps under itself.
    starts = Table.grid(padding=(0, 1))
    starts.add_column(justify="right", no_wrap=True, min_width=3)
    starts.add_column(overflow="fold")
    for number, top in enumerate(assessment.start_here, 1):
        lead = said.start_item.format(owner=top.owner, when=top.timing_label, why=top.why)
        starts.add_row(f"{number}.", WrapText(Text(f"{top.title}{lead}")))
    with console.capture() as captured:
        console.print(starts)
    for line in captured.get().splitlines():  # without the grid's padding to the full width
        console.print(line.rstrip(), markup=False)
    for assumption in assessment.to_confirm:
        item = ui_text(
            "interview_text.to_confirm_change",
            assessment.lang,
            label=assumption.label,
            change=assumption.change,
        )
        console.print(WrapText(f"{said.to_confirm}{colon}{item}"))
    grid = Table(expand=True, show_lines=False)
    grid.add_column("#", no_wrap=True)
    grid.add_column(said.action, ratio=4)
    grid.add_column(said.owner, ratio=2)
    grid.add_column(said.due_column, no_wrap=True, min_width=10)
    grid.add_column(said.status, ratio=2)
    for number, row in enumerate(table(assessment), 1):
        status = said.statuses[row.status]
        if row.reason:
            status = ui_text("cli.status_reason", assessment.lang, status=status, reason=row.reason)
        if row.evidence:
            status = ui_text("cli.status_evidence", assessment.lang, status=status,
                             evidence=row.evidence)  # fmt: skip
        grid.add_row(
            str(number),
            WrapText(clean(row.title)),
            WrapText(clean(row.owner)),
            str(row.due or ""),
            WrapText(clean(status)),
        )
    console.print(grid)
    if footer:
        console.print(WrapText(footer))


def _what(what: str, lang: Lang) -> str:
    """A recorded change ('status todo -> done; evidence …') in `lang` (ui_labels `recorded`):
    a changed answer named by its question's label, never its field id."""
    from knowledge.questions import field_label
    from knowledge.schema import load_labels
    from knowledge.ui_labels import reading, ui_text

    statuses = load_labels().text("ja").statuses if lang == "ja" else {}

    def value(name: str, raw: str) -> str:
        if name == "question":
            return field_label(raw, lang)
        return statuses.get(raw, raw) if name in ("before", "after") else raw

    def said(part: str) -> str:
        found = reading(part, "recorded")
        if found is None:  # text no label made (older records): as it was written
            return part
        return ui_text(found.key, lang, **{k: value(k, str(v)) for k, v in found.values.items()})

    parts = [said(part) for part in what.split("; ")]
    return ui_text("cli.history_part_sep", lang).join(parts)


def change_line(landed: Change, lang: Lang = "en") -> str:
    from knowledge.ui_labels import ui_text

    action = ui_text("cli.history_action", lang, action=landed.action) if landed.action else ""
    return clean(
        ui_text(
            "cli.history_line", lang, version=landed.version, at=f"{landed.at:%Y-%m-%d %H:%M:%S}",
            who=landed.who, action=action, what=_what(landed.what, lang),
        )
    )  # fmt: skip

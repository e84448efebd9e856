"""Text: a readable terminal rendering built from rich renderables."""

from __future__ import annotations

import io

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from tools.assess import Assessment
from tools.render.common import as_of_line, cite_all, layers, said, summary_line
from tools.terminal_text import clean

PRIORITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "dim"}


def renderables(assessment: Assessment) -> list[RenderableType]:
    """The assessment as rich renderables, for the CLI and the TUI."""
    words, lang = said(assessment), assessment.lang
    title = clean(assessment.profile.name) or words.default_name
    parts: list[RenderableType] = [
        Panel(
            Text(summary_line(assessment)),
            title=Text(words.assessment.format(name=title)),
            expand=True,
        )
    ]
    roles = Table(title=words.roles, expand=True, show_lines=True)
    roles.add_column(words.role, style="bold", ratio=1)
    roles.add_column(words.why.rstrip(": ："), ratio=2)
    roles.add_column(words.sources_heading, ratio=2)
    for role in assessment.roles:
        why = Text(words.item_sep.join(role.why))
        roles.add_row(Text(role.name), why, Text(cite_all(role.citations, lang)))
    parts.append(roles)
    for heading, triggers in layers(assessment):
        body: list[RenderableType] = []
        for trigger in triggers:
            body.append(Text(trigger.title, style="bold"))
            body.append(Text(f"  {words.legal_force}{trigger.legal_force_label}"))
            body.append(Text(f"  {words.regulators}{words.list_sep.join(trigger.regulator_names)}"))
            body.append(Text(f"  {words.why}{trigger.why.strip()}"))
            body.append(Text(f"  {words.in_practice}{trigger.in_practice.strip()}"))
            sources = cite_all(trigger.citations, lang)
            body.append(Text(f"  {words.sources}{sources}", style="cyan"))
        parts.append(Panel(Group(*body), title=Text(heading), title_align="left"))
    checklist = Table(title=words.checklist, expand=True)
    checklist.add_column("#", justify="right")
    checklist.add_column(words.action, ratio=3)
    checklist.add_column(words.owner, ratio=1)
    checklist.add_column(words.priority)
    checklist.add_column(words.phase)
    for number, item in enumerate(assessment.checklist, start=1):
        label = words.priorities[item.priority.value]
        priority = Text(label, style=PRIORITY_STYLE[item.priority.value])
        phase = words.phases[item.phase.value]
        checklist.add_row(str(number), Text(item.title), Text(item.owner), priority, phase)
    parts.append(checklist)
    caveats = "\n".join(f"- {caveat.text.strip()}" for caveat in assessment.caveats)
    parts.append(Panel(Text(caveats), title=words.caveats, title_align="left"))
    parts.append(Text(as_of_line(assessment), style="dim"))
    return parts


def render_text(assessment: Assessment, width: int = 100) -> str:
    """Plain text (no colour codes) of the terminal rendering, e.g. for --output FILE."""
    console = Console(file=io.StringIO(), width=width, color_system=None, legacy_windows=False)
    for part in renderables(assessment):
        console.print(part)
    return console.file.getvalue()  # type: ignore[attr-defined]

"""Text: a readable terminal rendering built from rich renderables."""

from __future__ import annotations

import io

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from tools.assess import Assessment
from tools.render.common import as_of_line, cite_all, layers, summary_line
from tools.terminal_text import clean

PRIORITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "dim"}


def renderables(assessment: Assessment) -> list[RenderableType]:
    """The assessment as rich renderables, for the CLI and the TUI."""
    title = clean(assessment.profile.name) or "AI use case"
    parts: list[RenderableType] = [
        Panel(Text(summary_line(assessment)), title=Text(f"Assessment: {title}"), expand=True)
    ]
    roles = Table(title="Roles", expand=True, show_lines=True)
    roles.add_column("Role", style="bold", ratio=1)
    roles.add_column("Why", ratio=2)
    roles.add_column("Sources", ratio=2)
    for role in assessment.roles:
        roles.add_row(Text(role.name), Text("; ".join(role.why)), Text(cite_all(role.citations)))
    parts.append(roles)
    for heading, triggers in layers(assessment):
        body: list[RenderableType] = []
        for trigger in triggers:
            body.append(Text(trigger.title, style="bold"))
            body.append(Text(f"  Legal force: {trigger.legal_force_label}"))
            body.append(Text(f"  Regulators: {', '.join(trigger.regulator_names)}"))
            body.append(Text(f"  Why: {trigger.why.strip()}"))
            body.append(Text(f"  In practice: {trigger.in_practice.strip()}"))
            body.append(Text(f"  Sources: {cite_all(trigger.citations)}", style="cyan"))
        parts.append(Panel(Group(*body), title=Text(heading), title_align="left"))
    checklist = Table(title="Checklist", expand=True)
    checklist.add_column("#", justify="right")
    checklist.add_column("Action", ratio=3)
    checklist.add_column("Owner", ratio=1)
    checklist.add_column("Priority")
    checklist.add_column("Phase")
    for number, item in enumerate(assessment.checklist, start=1):
        priority = Text(item.priority.value, style=PRIORITY_STYLE[item.priority.value])
        checklist.add_row(
            str(number), Text(item.title), Text(item.owner), priority, item.phase.value
        )
    parts.append(checklist)
    caveats = "\n".join(f"- {caveat.text.strip()}" for caveat in assessment.caveats)
    parts.append(Panel(Text(caveats), title="Caveats", title_align="left"))
    parts.append(Text(as_of_line(assessment), style="dim"))
    return parts


def render_text(assessment: Assessment, width: int = 100) -> str:
    """Plain text (no colour codes) of the terminal rendering, e.g. for --output FILE."""
    console = Console(file=io.StringIO(), width=width, color_system=None, legacy_windows=False)
    for part in renderables(assessment):
        console.print(part)
    return console.file.getvalue()  # type: ignore[attr-defined]

"""`shirube sources`: the official instruments behind every answer, with dates and legal force."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer


class SourcesFormat(StrEnum):
    text = "text"
    json = "json"


def sources(
    fmt: Annotated[
        SourcesFormat,
        typer.Option("--format", "-f", help="text: a table; json: one object per source."),
    ] = SourcesFormat.text,
) -> None:
    """List the official instruments with their dates, legal force, URL and as-of date."""
    from knowledge.loader import DATA_DIR, load_entries
    from knowledge.schema import Source

    entries = load_entries(DATA_DIR / "sources.yaml", Source)
    if fmt is SourcesFormat.json:
        import json

        # model_dump(mode="json") gives ISO dates and plain strings: a stable machine format.
        print(
            json.dumps([s.model_dump(mode="json") for s in entries], ensure_ascii=False, indent=2)
        )
        return
    _print_table(entries)


def _print_table(entries: list) -> None:
    from rich.console import Console
    from rich.table import Table

    from knowledge.schema import LEGAL_FORCE_LABELS

    table = Table(title="Official instruments Shirube cites", show_lines=True)
    table.add_column("#", justify="right")
    table.add_column("Instrument", overflow="fold")
    table.add_column("Kind")
    table.add_column("Legal force")
    table.add_column("Key dates")
    table.add_column("Checked")
    for number, source in enumerate(entries, start=1):
        dates = "\n".join(f"{d.date.isoformat()} {d.event}" for d in source.dates)
        table.add_row(
            str(number),
            f"[bold]{source.short_name}[/]\n{source.title_ja}",
            source.kind.value.replace("_", " "),
            LEGAL_FORCE_LABELS[source.legal_force]
            + (f"\n[dim]{source.legal_force_note}[/]" if source.legal_force_note else ""),
            dates,
            source.checked.isoformat(),
        )
    console = Console(highlight=False)
    console.print(table)
    # URLs go below the table, whole, so terminals can open them (a table cell would cut them).
    console.print("[bold]Official texts[/] (the Japanese text controls)")
    for number, source in enumerate(entries, start=1):
        console.print(f"{number:>3}. {source.url}", soft_wrap=True, markup=False)
        if source.english_url:
            note = " (provisional translation)" if source.provisional_translation else ""
            console.print(f"     English{note}: {source.english_url}", soft_wrap=True, markup=False)


def register(app: typer.Typer) -> None:
    app.command("sources")(sources)

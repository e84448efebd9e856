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
    watch: Annotated[
        bool,
        typer.Option(
            "--watch", help="List the watch list instead: reported developments not yet confirmed."
        ),
    ] = False,
) -> None:
    """List the official instruments with their dates, legal force, URL and as-of date."""
    from knowledge.loader import DATA_DIR, load_entries
    from knowledge.schema import Source

    if watch:
        _print_watchlist(fmt)
        return
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
    table.add_column("Checked / review by")
    for number, source in enumerate(entries, start=1):
        dates = "\n".join(f"{d.date.isoformat()} {d.event}" for d in source.dates)
        table.add_row(
            str(number),
            f"[bold]{source.short_name}[/]\n{source.title_ja}",
            source.kind.value.replace("_", " "),
            LEGAL_FORCE_LABELS[source.legal_force]
            + (f"\n[dim]{source.legal_force_note}[/]" if source.legal_force_note else ""),
            dates,
            f"{source.checked.isoformat()}\n{source.review_by.isoformat()}",
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


def _print_watchlist(fmt: SourcesFormat) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from knowledge.watchlist import load_watchlist

    items = load_watchlist()
    if fmt is SourcesFormat.json:
        import json

        print(json.dumps([i.model_dump(mode="json") for i in items], ensure_ascii=False, indent=2))
        return
    table = Table(title="Watch list: reported, not yet confirmed by an official page")
    table.add_column("Subject")
    table.add_column("Claim (reported)", overflow="fold")
    table.add_column("Secondary source", overflow="fold")
    table.add_column("Seen")
    for item in items:
        claim, source = " ".join(item.claim.split()), " ".join(item.secondary_source.split())
        # Text, not markup: a bracket in a claim or URL is shown as typed.
        table.add_row(item.subject, Text(claim), Text(source), item.seen.isoformat())
    console = Console(highlight=False)
    console.print(table)
    console.print("Answers never state these as law; they say 'reported, not yet confirmed'.")


def register(app: typer.Typer) -> None:
    app.command("sources")(sources)

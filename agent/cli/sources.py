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
    lang: Annotated[
        str | None,
        typer.Option("--lang", help="Table in ja (日本語) or en. Default: SHIRUBE_LANG, else en."),
    ] = None,
) -> None:
    """List the official instruments with their dates, legal force, URL and as-of date."""
    from agent.cli.plan_lang import command_lang

    said = command_lang(lang)
    from knowledge.loader import load_rule_base

    if watch:
        _print_watchlist(fmt, said)
        return
    entries = list(load_rule_base().sources.values())  # in sources.yaml's order
    if fmt is SourcesFormat.json:
        import json

        # model_dump(mode="json") gives ISO dates and plain strings: a stable machine format.
        print(
            json.dumps([s.model_dump(mode="json") for s in entries], ensure_ascii=False, indent=2)
        )
        return
    _print_table(entries, said)


def _print_table(entries: list, lang: str = "en") -> None:
    from rich.console import Console
    from rich.table import Table

    from knowledge.schema import load_labels, text_in
    from knowledge.ui_labels import ui_text
    from tools.terminal_wrap import wrapped

    def say(key: str) -> str:
        return ui_text(f"sources.{key}", lang)

    labels = load_labels()
    table = Table(title=say("title"), show_lines=True)
    table.add_column("#", justify="right")
    table.add_column(say("col_instrument"), overflow="fold")
    table.add_column(say("col_kind"), overflow="fold")  # Japanese has no spaces to wrap at
    table.add_column(say("col_force"), overflow="fold")
    table.add_column(say("col_dates"), overflow="fold")
    table.add_column(say("col_checked"), overflow="fold")
    for number, source in enumerate(entries, start=1):
        dates = "\n".join(f"{d.date.isoformat()} {text_in(d, 'event', lang)}" for d in source.dates)
        note = text_in(source, "legal_force_note", lang) if source.legal_force_note else ""
        table.add_row(  # Japanese wraps by width, not only at spaces
            str(number),
            wrapped(f"[bold]{text_in(source, 'short_name', lang)}[/]\n{source.title_ja}"),
            wrapped(say(f"kind_{source.kind.value}")),
            wrapped(
                labels.force_label(source.legal_force, lang) + (f"\n[dim]{note}[/]" if note else "")
            ),
            wrapped(dates),
            f"{source.checked.isoformat()}\n{source.review_by.isoformat()}",
        )
    console = Console(highlight=False)
    console.print(table)
    # URLs go below the table, whole, so terminals can open them (a table cell would cut them).
    console.print(f"[bold]{say('texts')}[/]{say('texts_note')}")
    for number, source in enumerate(entries, start=1):
        console.print(f"{number:>3}. {source.url}", soft_wrap=True, markup=False)
        if source.english_url:
            key = "english_provisional" if source.provisional_translation else "english"
            line = ui_text(f"sources.{key}", lang, url=source.english_url)
            console.print(f"     {line}", soft_wrap=True, markup=False)


def _print_watchlist(fmt: SourcesFormat, lang: str = "en") -> None:
    from rich.console import Console
    from rich.table import Table

    from knowledge.watchlist import load_watchlist
    from tools.terminal_wrap import WrapText

    items = load_watchlist()
    if fmt is SourcesFormat.json:
        import json

        print(json.dumps([i.model_dump(mode="json") for i in items], ensure_ascii=False, indent=2))
        return
    from knowledge.loader import load_rule_base
    from knowledge.schema import text_in
    from knowledge.ui_labels import ui_text

    def said(name: str) -> str:
        return ui_text(f"watchlist.{name}", lang)

    entities = load_rule_base().entities
    table = Table(title=said("title"))
    table.add_column(said("subject"), overflow="fold")  # a long official name, whole
    table.add_column(said("claim"), overflow="fold")
    table.add_column(said("source"), overflow="fold")
    table.add_column(said("seen"))
    for item in items:
        claim = " ".join(text_in(item, "claim", lang).split())
        source = " ".join(text_in(item, "secondary_source", lang).split())
        entity = entities.get(item.subject)
        subject = text_in(entity, "name", lang) if entity is not None else item.subject
        # Text, not markup: a bracket in a claim or URL is shown as typed; Japanese wraps by width.
        table.add_row(WrapText(subject), WrapText(claim), WrapText(source), item.seen.isoformat())
    console = Console(highlight=False)
    console.print(table)
    console.print(said("never_law"))


def register(app: typer.Typer) -> None:
    app.command("sources")(sources)

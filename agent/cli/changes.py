"""`shirube changes [--since DATE]`: the rule base's dated changelog (data/changes.yaml)."""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from knowledge.loader import RuleBase


class ChangesFormat(StrEnum):
    text = "text"
    json = "json"


def parse_since(value: str | None) -> dt.date | None:
    """'2026-11-30' → a date; anything else is a UsageError naming the format to use."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        from knowledge.ui_labels import LabelledError

        raise LabelledError("errors.not_since", value=value) from None


def changes(
    since: Annotated[
        str | None,
        typer.Option(
            "--since", help="Only changes on or after this date (YYYY-MM-DD).", show_default=False
        ),
    ] = None,
    fmt: Annotated[
        ChangesFormat,
        typer.Option("--format", "-f", help="text: one block per change; json: a list."),
    ] = ChangesFormat.text,
    lang: Annotated[
        str | None,
        typer.Option("--lang", help="Text in ja (日本語) or en. Default: SHIRUBE_LANG, else en."),
    ] = None,
) -> None:
    """What changed in the rule base, newest first: instruments, summary and what it touched."""
    from agent.cli.plan_lang import command_lang
    from knowledge.changes import changes_since
    from knowledge.loader import RuleBaseError, load_rule_base
    from knowledge.ui_labels import ui_text
    from tools.terminal_text import clean, json_text

    start = parse_since(since)
    said = command_lang(lang)
    try:
        found = changes_since(start)
    except RuleBaseError as exc:
        # A broken changelog is not the user's input error: name it and exit 1.
        print(clean(ui_text("rule_base.error", said, problems=exc.in_lang(said))), file=sys.stderr)
        raise typer.Exit(1) from None
    if fmt is ChangesFormat.json:
        import json

        dumped = [change.model_dump(mode="json") for change in found]
        print(json_text(json.dumps(dumped, indent=2, ensure_ascii=False)))
        return
    from knowledge.schema import text_in

    rule_base = load_rule_base()
    print(ui_text("changes.rule_base", said, as_of=rule_base.meta.as_of, version=rule_base.version))
    if not found:
        print(
            ui_text("changes.none_since", said, since=start)
            if start
            else ui_text("changes.empty", said)
        )
        return
    separator = "、" if said == "ja" else ", "
    for change in found:
        print(clean(f"\n{change.date}  {change.id}"))
        print(clean("  " + " ".join(text_in(change, "summary", said).split())))
        if change.instruments:
            names = separator.join(_short(rule_base, s, said) for s in change.instruments)
            print(clean("  " + ui_text("changes.instruments", said, names=names)))
        for kind, ids in change.touched.model_dump().items():
            if ids:
                print(clean("  " + ui_text(f"changes.{kind}", said, ids=", ".join(ids))))


def _short(rule_base: RuleBase, source_id: str, lang: str) -> str:
    from knowledge.schema import text_in

    source = rule_base.sources.get(source_id)
    return text_in(source, "short_name", lang) if source else source_id


def register(app: typer.Typer) -> None:
    app.command("changes")(changes)

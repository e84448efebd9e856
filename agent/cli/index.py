"""`shirube index [--rebuild | --prune]`: build the search index, confirm the existing one is
current, or remove the stores of other rule-base versions."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from rich.console import Console


def register(app: typer.Typer) -> None:
    @app.command("index")
    def index_command(
        rebuild: bool = typer.Option(
            False, "--rebuild", help="Rebuild even if the index is current."
        ),
        prune: bool = typer.Option(
            False,
            "--prune",
            help="Remove the indexes of other rule-base versions (on a Chroma server: its other "
            "Shirube collections, which clients on an older rule base may still be reading).",
        ),
        lang: str | None = typer.Option(
            None, "--lang", help="Text in ja (日本語) or en. Default: SHIRUBE_LANG, else en."
        ),
    ) -> None:
        """Build or reuse the local search index over the rule base (works offline)."""
        # Heavy imports here so `shirube --help` stays fast.
        from rich.console import Console

        from agent.cli.plan_lang import command_lang
        from core.config import get_settings
        from knowledge.index.store import ensure_index
        from knowledge.loader import RuleBaseError
        from knowledge.ui_labels import BrokenRuleBase, reword, ui_text

        said = command_lang(lang)
        if prune:
            _prune(Console(soft_wrap=True), said)
            return
        try:
            # Its "Building the search index" line and warnings in the command's language.
            status = ensure_index(get_settings().model_copy(update={"lang": said}), rebuild=rebuild)
        except RuleBaseError as exc:
            raise BrokenRuleBase(exc) from exc
        meta = status.meta
        summary = ui_text(
            "cli.index_counts",
            said,
            documents=meta.document_count,
            vectors=meta.entry_count,
            hash=meta.corpus_hash,
            model=meta.embedding_model,
            seconds=f"{status.seconds:.2f}",
        )
        if status.rebuilt:
            reason = reword(status.reason or "", "index_reason", said)
            line = ui_text("cli.index_rebuilt", said, reason=reason, summary=summary)
        else:
            line = ui_text("cli.index_reused", said, summary=summary)
        Console(soft_wrap=True).print(line, highlight=False, markup=False)


def _prune(console: Console, lang: str) -> None:
    from core.config import get_settings
    from knowledge.index.store import prune
    from knowledge.ui_labels import ui_text

    settings = get_settings()
    where = (
        ui_text("cli.prune_server", lang, host=settings.chroma_host, port=settings.chroma_port)
        if settings.chroma_host
        else str(settings.index_dir)
    )
    removed = prune(settings)
    if not removed:
        console.print(
            ui_text("cli.prune_nothing", lang, where=where), highlight=False, markup=False
        )
        return
    said = ui_text("cli.prune_removed", lang, count=len(removed), where=where)
    console.print(said, highlight=False, markup=False)
    for name in removed:
        console.print(f"  {name}", highlight=False, markup=False)

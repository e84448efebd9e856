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
    ) -> None:
        """Build or reuse the local search index over the rule base (works offline)."""
        # Heavy imports here so `shirube --help` stays fast.
        from rich.console import Console

        from core.errors import UsageError
        from knowledge.index.lock import IndexBusyError
        from knowledge.index.store import ensure_index
        from knowledge.loader import RuleBaseError
        from knowledge.ui_labels import BrokenRuleBase

        if prune:
            _prune(Console(soft_wrap=True))
            return
        try:
            status = ensure_index(rebuild=rebuild)
        except RuleBaseError as exc:
            raise BrokenRuleBase(exc) from exc
        except IndexBusyError as exc:
            raise UsageError(str(exc)) from exc
        meta = status.meta
        action = f"rebuilt ({status.reason})" if status.rebuilt else "up to date (reused)"
        Console(soft_wrap=True).print(
            f"Search index {action}: {meta.document_count} documents "
            f"({meta.entry_count} vectors), corpus hash {meta.corpus_hash}, "
            f"embeddings {meta.embedding_model}, {status.seconds:.2f} s.",
            highlight=False,
            markup=False,
        )


def _prune(console: Console) -> None:
    from core.config import get_settings
    from knowledge.index.store import prune

    settings = get_settings()
    where = (
        f"the Chroma server {settings.chroma_host}:{settings.chroma_port}"
        if settings.chroma_host
        else str(settings.index_dir)
    )
    removed = prune(settings)
    if not removed:
        console.print(f"Nothing to prune in {where}.", highlight=False, markup=False)
        return
    console.print(f"Removed {len(removed)} from {where}:", highlight=False, markup=False)
    for name in removed:
        console.print(f"  {name}", highlight=False, markup=False)

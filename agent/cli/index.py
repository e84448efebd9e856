"""`shirube index [--rebuild]`: build the search index, or confirm the existing one is current."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    @app.command("index")
    def index_command(
        rebuild: bool = typer.Option(
            False, "--rebuild", help="Rebuild even if the index is current."
        ),
    ) -> None:
        """Build or reuse the local search index over the rule base (works offline)."""
        # Heavy imports here so `shirube --help` stays fast.
        from rich.console import Console

        from core.errors import UsageError
        from knowledge.index.lock import IndexBusyError
        from knowledge.index.store import ensure_index
        from knowledge.loader import RuleBaseError

        try:
            status = ensure_index(rebuild=rebuild)
        except RuleBaseError as exc:
            raise UsageError(f"the rule base is invalid; fix these entries:\n{exc}") from exc
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

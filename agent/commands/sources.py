"""`shirube sources` (not built yet)."""

import typer


def register(app: typer.Typer) -> None:
    """Placeholder until the command lands."""

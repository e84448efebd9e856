"""The `shirube` command line: `main.py` builds the typer app; one module per command, each
exposing register(app). A surface: nothing below it imports it."""

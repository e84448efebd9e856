"""`--help` in the reader's language: every command's and option's text from ui_labels'
`cli_help` (matched by its English), typer's panel titles and fixed words from `help_frame`.

English is what the code gives typer, so it needs nothing here; a Japanese reader's command tree
is rewritten in place before it runs (each run builds its own tree).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from knowledge.defaults import derived

if TYPE_CHECKING:
    import typer

# typer.rich_utils' module-level words and the help_frame label that replaces each.
FRAME = {
    "ARGUMENTS_PANEL_TITLE": "help_frame.arguments",
    "OPTIONS_PANEL_TITLE": "help_frame.options",
    "COMMANDS_PANEL_TITLE": "help_frame.commands",
    "DEFAULT_STRING": "help_frame.default",
    "REQUIRED_LONG_STRING": "help_frame.required",
}


def _collapsed(text: str) -> str:
    return " ".join(text.split())


@derived  # built from ui_labels: cleared with a swapped rule base
def _by_english() -> dict[str, str]:
    from knowledge.ui_labels import load_ui_labels

    return {_collapsed(t.en): t.ja for t in load_ui_labels().root.get("cli_help", {}).values()}


def japanese_help(text: str) -> str | None:
    """The Japanese of one English help text; None when cli_help has none."""
    return _by_english().get(_collapsed(text))


def _walk(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from _walk(sub, (*path, name))


def help_texts(app: typer.Typer) -> list[tuple[str, str]]:
    """(where, English text) for every command's and parameter's help in `app`."""
    import typer

    found = []
    for path, command in _walk(typer.main.get_command(app)):
        where = " ".join(("shirube", *path))
        if command.help:
            found.append((where, command.help))
        found += [(f"{where} {p.name}", p.help) for p in command.params if getattr(p, "help", "")]
    return found


def localize(command: Any, lang: str) -> None:
    """Rewrite `command`'s tree (typer's click commands) for a reader of `lang`."""
    if lang != "ja":
        return
    from knowledge.ui_labels import ui_text

    usage = ui_text("help_frame.usage", lang)
    for _, each in _walk(command):
        if each.help:
            each.help = japanese_help(each.help) or each.help
            each.short_help = None
        for param in each.params:
            if getattr(param, "help", ""):
                param.help = japanese_help(param.help) or param.help
        shown = each.get_help_option(each.context_class(each))
        if shown is not None:
            shown.help = ui_text("help_frame.help_option", lang)
        each.format_usage = _usage_in(each, usage)


def _usage_in(command: Any, prefix: str) -> Any:
    def format_usage(ctx: Any, formatter: Any) -> None:
        pieces = command.collect_usage_pieces(ctx)
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=prefix)

    return format_usage


@contextmanager
def frame_in(lang: str) -> Iterator[None]:
    """typer's help panel titles and fixed words in `lang` while the command runs."""
    if lang != "ja":
        yield
        return
    from typer import rich_utils

    from knowledge.ui_labels import ui_text

    saved = {name: getattr(rich_utils, name) for name in (*FRAME, "_make_rich_text")}
    try:
        for name, key in FRAME.items():
            setattr(rich_utils, name, ui_text(key, lang))
        rich_utils._make_rich_text = _folded(saved["_make_rich_text"])
        yield
    finally:
        for name, value in saved.items():
            setattr(rich_utils, name, value)


def _folded(make: Any) -> Any:
    """typer's help text maker, its text folded where a line runs out: Japanese has no spaces
    to wrap at, and a table cell would otherwise cut a sentence short with '…'."""

    def make_folded(*args: Any, **kwargs: Any) -> Any:
        from rich.text import Text

        made = make(*args, **kwargs)
        if isinstance(made, Text):
            made.overflow = "fold"
        return made

    return make_folded

"""The `shirube` command: a thin typer app; each command imports its heavy parts when it runs."""

import importlib
import sys
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

from agent import __version__
from agent.cli.error_lang import error_lang, error_words
from core.errors import UsageError

if TYPE_CHECKING:  # typer and rich load with the first command line that needs them
    import typer

# Each module registers its own commands; the list keeps --help fast and the order stable.
COMMAND_MODULES = (
    "ask",
    "chat",
    "assess",
    "interview",
    "plan",
    "sessions",
    "sources",
    "changes",
    "kb",
    "index",
    "eval",
    "doctor",
    "tui",
    "mcp",
)


def _version(value: bool) -> None:
    if value:
        import typer

        print(f"shirube {__version__}")
        raise typer.Exit()


def build_app(commands: Iterable[str] = COMMAND_MODULES) -> "typer.Typer":
    """The typer app with `commands` registered (each module adds its own)."""
    import typer

    def _root(
        ctx: typer.Context,
        version: bool = typer.Option(
            False,
            "--version",
            callback=_version,
            is_eager=True,
            help="Show the version and exit.",
            metavar="",  # typer 0.29 renders bool flags as "<bool>" unless a metavar is given
        ),
    ) -> None:
        """With no command, open the terminal app."""
        if ctx.invoked_subcommand is None:
            from agent.cli.tui import launch

            launch()

    built = typer.Typer(
        name="shirube",
        help="道標 Shirube: what Japan's AI regulation means for your AI use case, with citations.",
        no_args_is_help=False,
        pretty_exceptions_enable=False,
        add_completion=False,
        rich_markup_mode="rich",
    )
    built.callback(invoke_without_command=True)(_root)
    for name in commands:
        importlib.import_module(f"agent.cli.{name}").register(built)
    return built


def commands_for(argv: list[str]) -> tuple[str, ...]:
    """The command modules a command line needs: only the command it names (its own --help
    included), so `sessions list` neither imports nor converts thirteen other commands; every
    one for the top-level --help, no command, or a misspelt one (its suggestions)."""
    named = next((arg for arg in argv if not arg.startswith("-")), None)
    return (named,) if named in COMMAND_MODULES else COMMAND_MODULES


def _sessions_list(argv: list[str]) -> tuple[str | None] | None:
    """(its --lang,) when the line is `sessions list [--lang L]`, which runs without typer (its
    options build pydantic adapters: ~0.1 s of the command's half-second target); else None,
    and typer parses the line (its help, its usage errors)."""
    if argv[:2] != ["sessions", "list"]:
        return None
    rest = argv[2:]
    if not rest:
        return (None,)
    if len(rest) == 2 and rest[0] == "--lang" and not rest[1].startswith("-"):
        return (rest[1],)
    return None


def __getattr__(name: str) -> "typer.Typer":
    """`app`: every command, built on first use (tests drive it with typer's CliRunner)."""
    if name == "app":
        return _full_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@cache
def _full_app() -> "typer.Typer":
    return build_app()


def run_app(app: "typer.Typer", argv: list[str]) -> None:
    """Run `app` on `argv`: as typer does for English; for a Japanese reader (--lang ja or
    SHIRUBE_LANG=ja) with help texts and usage errors in Japanese, still exit 2 on bad usage."""
    lang = error_lang(argv)
    if lang != "ja":
        app()
        return
    import typer
    from typer._click import exceptions as click_errors

    from agent.cli.help_lang import frame_in, localize
    from agent.cli.usage_lang import usage_error
    from knowledge.ui_labels import ui_text

    command = typer.main.get_command(app)
    localize(command, lang)
    try:
        with frame_in(lang):
            code = command.main(args=argv, standalone_mode=False)
    except click_errors.NoArgsIsHelpError as exc:  # the help is already printed
        sys.exit(exc.exit_code)
    except click_errors.UsageError as exc:
        raise UsageError(usage_error(exc, lang, command, argv)) from None
    except typer.Abort:
        print(ui_text("usage.aborted", lang), file=sys.stderr)
        sys.exit(1)
    except click_errors.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    # Not standalone, typer hands back an exit code (typer.Exit) or the command's own None.
    sys.exit(code if isinstance(code, int) else 0)


def main() -> None:
    from agent import stdout_guard
    from core.telemetry import turn_off_telemetry

    turn_off_telemetry()  # first: no library may phone home, even from native code
    # A full disk or a closed pipe on stdout is an error, never a silently cut-off plan.
    sys.stdout = stdout_guard.checked(sys.stdout)
    try:
        if listing := _sessions_list(sys.argv[1:]):
            from agent.cli.sessions_list import list_sessions

            list_sessions(*listing)
        elif sys.argv[1:]:
            run_app(build_app(commands_for(sys.argv[1:])), sys.argv[1:])
        else:  # `shirube` alone: the app, without typer and thirteen commands (start-up)
            from agent.cli.tui import launch

            launch()
    except stdout_guard.StdoutError as exc:
        stdout_guard.report(exc, error_lang(sys.argv[1:]))
        sys.exit(1)
    except UsageError as exc:
        from rich.console import Console

        from tools.terminal_text import markup

        # soft_wrap: Rich would break a long path with newlines, and users copy paths from here.
        errors = Console(stderr=True, soft_wrap=True)
        prefix, message = error_words(exc, sys.argv[1:])
        errors.print(f"[bold red]{markup(prefix)}[/] {markup(message)}", highlight=False)
        sys.exit(exc.exit_code)  # 2 for bad input; 3 for a plan another person changed first
    except OSError as exc:
        from rich.console import Console

        from knowledge.ui_labels import os_error_message, ui_text
        from tools.terminal_text import markup

        # Read-only or missing data dir, disk full: one line in the reader's words, no traceback.
        lang = error_lang(sys.argv[1:])
        prefix, problem = ui_text("cli.error", lang), os_error_message(exc, lang)
        Console(stderr=True, soft_wrap=True).print(
            f"[bold red]{markup(prefix)}[/] {markup(problem)}", highlight=False
        )
        sys.exit(UsageError.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()

"""typer's usage errors (unknown option, missing argument, bad value…) in the reader's language:
what is wrong, and how to fix it, from ui_labels' `usage` labels (exit code 2 as before).

typer words these in English on its own; this reads the exception's own parts (its class, the
option, the parameter, the choices, pydantic's error) and the command line as the command's own
parser reads it, never click's English sentence, so a change in click's wording changes nothing.
"""

from __future__ import annotations

import enum
import typing
from collections.abc import Sequence
from typing import Any

from knowledge.ui_labels import Phrase, phrase, ui_text, validation_message


def usage_error(exc: Any, lang: str, root: Any, argv: list[str]) -> str:
    """The message for typer's UsageError `exc` in `lang`; `root` is the command tree `argv`
    ran on (it names the command when the error has no context)."""
    from typer._click import exceptions as click_errors

    ctx = getattr(exc, "ctx", None)
    command = ctx.command_path if ctx is not None else command_path(root, argv)
    if isinstance(exc, click_errors.NoSuchOption):
        hint = _did_you_mean(exc.possibilities or [], lang)
        return ui_text(
            "usage.no_such_option", lang, option=exc.option_name, hint=hint, command=command
        )
    if isinstance(exc, click_errors.MissingParameter) and exc.param is not None:
        return _missing(exc.param, command, lang)
    if isinstance(exc, click_errors.BadParameter) and exc.param is not None:
        return _bad_value(exc, command, lang)
    if isinstance(exc, click_errors.BadOptionUsage):
        # Raised by the parser, without a context: the option's own definition tells a flag
        # given a value ('--offline=yes') from an option left without one ('--lang' at the end).
        option = _option(_command_at(root, argv)[0], exc.option_name)
        if option is not None:
            key = "usage.takes_no_value" if _is_flag(option) else "usage.needs_value"
            return ui_text(key, lang, option=exc.option_name, command=command)
    elif type(exc) is click_errors.UsageError and ctx is not None:
        words = _positional(ctx, _command_at(root, argv)[1])
        if words and hasattr(ctx.command, "commands"):  # a group: its first word names no command
            hint = _did_you_mean(_close(words[0], list(ctx.command.commands)), lang)
            return ui_text("usage.no_such_command", lang, name=words[0], hint=hint, command=command)
        if words:  # a command: what its arguments did not take
            return ui_text("usage.extra_argument", lang, extra=" ".join(words), command=command)
    return ui_text("usage.other", lang, problem=exc.format_message(), command=command)


def command_path(root: Any, argv: list[str]) -> str:
    """'shirube sessions list' for argv ['sessions', 'list', '--lang']: the commands it names."""
    path, command = ["shirube"], root
    for word in argv:
        sub = getattr(command, "commands", {}).get(word)
        if sub is None:
            break
        path.append(word)
        command = sub
    return " ".join(path)


def _command_at(root: Any, argv: list[str]) -> tuple[Any, list[str]]:
    """The deepest command `argv` names, and the words after its name."""
    command, rest = root, list(argv)
    for number, word in enumerate(argv):
        sub = getattr(command, "commands", {}).get(word)
        if sub is not None:
            command, rest = sub, list(argv[number + 1 :])
    return command, rest


def _positional(ctx: Any, words: list[str]) -> list[str]:
    """The words the command's own parser leaves over once its options and arguments have
    taken theirs: a group's subcommand name, or a command's extra arguments."""
    from typer._click.exceptions import UsageError

    try:
        _, left, _ = ctx.command.make_parser(ctx).parse_args(args=list(words))
    except UsageError:  # the error being reworded is the one that matters
        return []
    return [str(word) for word in left]


def _option(command: Any, name: str) -> Any:
    """The option of `command` spelt `name` ('--lang', '-f'), if it has one."""
    for param in getattr(command, "params", []):
        if name in (*param.opts, *getattr(param, "secondary_opts", ())):
            return param
    return None


def _is_flag(option: Any) -> bool:
    return bool(getattr(option, "is_flag", False) or getattr(option, "count", False))


def _close(word: str, names: list[str]) -> list[str]:
    import difflib

    return difflib.get_close_matches(word, names, n=2, cutoff=0.6)


def _did_you_mean(picks: Sequence[str], lang: str) -> str:
    if not picks:
        return ""
    named: str | Phrase = picks[-1]
    for pick in reversed(picks[:-1]):
        named = phrase("file_errors.either", first=pick, second=named)
    return phrase("file_errors.did_you_mean", picks=named).text(lang)


def _name(param: Any) -> str:
    opts = [opt for opt in param.opts if opt.startswith("--")] or param.opts
    return opts[0] if param.param_type_name == "option" else param.name


def _help(param: Any, lang: str) -> str:
    from agent.cli.help_lang import japanese_help

    text = getattr(param, "help", "") or ""
    said = (japanese_help(text) if lang == "ja" else None) or text
    return said.rstrip("。.")


def _missing(param: Any, command: str, lang: str) -> str:
    key = "usage.missing_option" if param.param_type_name == "option" else "usage.missing_argument"
    values = {"command": command, "help": _help(param, lang)}
    if param.param_type_name == "option":
        return ui_text(key, lang, option=_name(param), **values)
    return ui_text(key, lang, name=_name(param), **values)


def _choices(param: Any) -> list[str]:
    """The values an option takes, from its annotation (an Enum or a Literal)."""
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    for each in (annotation, *typing.get_args(annotation)):
        if isinstance(each, type) and issubclass(each, enum.Enum):
            return [str(member.value) for member in each]
        if typing.get_origin(each) is typing.Literal:
            return [str(value) for value in typing.get_args(each)]
    return []


def _bad_value(exc: Any, command: str, lang: str) -> str:
    cause = exc.__cause__
    errors = cause.errors() if hasattr(cause, "errors") else []
    first = errors[0] if errors else None
    value = str(first["input"]) if first is not None and "input" in first else ""
    option = _name(exc.param)
    choices = _choices(exc.param)
    if choices and value not in choices:
        listed = ui_text("usage.list_separator", lang).join(choices)
        return ui_text("usage.bad_choice", lang, option=option, value=value, choices=listed)
    problem = validation_message(first, lang) if first is not None else exc.format_message()
    return ui_text(
        "usage.bad_value", lang, option=option, value=value, problem=problem, command=command
    )

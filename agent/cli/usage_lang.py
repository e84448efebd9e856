"""typer's usage errors (unknown option, missing argument, bad value…) in the reader's language:
what is wrong, and how to fix it, from ui_labels' `usage` labels (exit code 2 as before).

typer words these in English on its own; this reads the exception's parts (the option, the
value, the choices, pydantic's error type) rather than its English sentence where it can.
"""

from __future__ import annotations

import enum
import re
import typing
from collections.abc import Sequence
from typing import Any

from knowledge.ui_labels import Phrase, phrase, ui_text, validation_message

EXTRA = re.compile(r"Got unexpected extra argument(?:\(s\)|s)? \((?P<extra>.*)\)$")
NO_COMMAND = re.compile(r"No such command '(?P<name>.+?)'\.")
TAKES_NO_VALUE = re.compile(r"Option '(?P<option>.+?)' does not take a value\.")
CHOICE = re.compile(r"is not one of (?P<choices>.+)\.$")


def usage_error(exc: Any, lang: str, root: Any, argv: list[str]) -> str:
    """The message for typer's UsageError `exc` in `lang`; `root` is the command tree `argv`
    ran on (it names the command when the error has no context)."""
    from typer._click import exceptions as click_errors

    ctx = getattr(exc, "ctx", None)
    command = ctx.command_path if ctx is not None else command_path(root, argv)
    message = exc.format_message()
    if isinstance(exc, click_errors.NoSuchOption):
        hint = _did_you_mean(exc.possibilities or [], lang)
        return ui_text(
            "usage.no_such_option", lang, option=exc.option_name, hint=hint, command=command
        )
    if isinstance(exc, click_errors.MissingParameter) and exc.param is not None:
        return _missing(exc.param, command, lang)
    if isinstance(exc, click_errors.BadParameter) and exc.param is not None:
        return _bad_value(exc, command, lang)
    if isinstance(exc, click_errors.BadOptionUsage) and "requires an argument" in message:
        return ui_text("usage.needs_value", lang, option=exc.option_name, command=command)
    if found := NO_COMMAND.match(message):
        names = list(getattr(ctx.command, "commands", {})) if ctx is not None else []
        hint = _did_you_mean(_close(found["name"], names), lang)
        return ui_text(
            "usage.no_such_command", lang, name=found["name"], hint=hint, command=command
        )
    if found := EXTRA.match(message):
        return ui_text("usage.extra_argument", lang, extra=found["extra"], command=command)
    if found := TAKES_NO_VALUE.match(message):
        return ui_text("usage.takes_no_value", lang, option=found["option"], command=command)
    return ui_text("usage.other", lang, problem=message, command=command)


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
    if choices and (first is None or CHOICE.search(str(first["msg"]))):
        listed = ui_text("usage.list_separator", lang).join(choices)
        return ui_text("usage.bad_choice", lang, option=option, value=value, choices=listed)
    problem = validation_message(first, lang) if first is not None else exc.format_message()
    return ui_text(
        "usage.bad_value", lang, option=option, value=value, problem=problem, command=command
    )

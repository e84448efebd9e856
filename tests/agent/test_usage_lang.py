"""agent/cli/usage_lang.py reads typer's usage errors from the exception and the command line,
not from click's English sentence: the same Japanese message whatever click's wording."""

from __future__ import annotations

from typing import Any

import pytest
import typer
from typer._click import exceptions as click_errors

from agent.cli.main import build_app
from agent.cli.usage_lang import usage_error


def _raised(argv: list[str]) -> tuple[Any, click_errors.UsageError]:
    command = typer.main.get_command(build_app())
    with pytest.raises(click_errors.UsageError) as caught:
        command.main(args=argv, prog_name="shirube", standalone_mode=False)
    return command, caught.value


CASES = [
    (["sessions", "list", "--lang"], "--lang のあとに値を指定してください"),
    (["ask", "--offline=yes", "q"], "--offline には値を指定できません"),
    (["sessions", "list", "extra", "more"], "余分な引数「extra more」があります"),
    (["ask", "a", "b"], "余分な引数「b」があります"),
    (["nosuch"], "コマンド「nosuch」はありません"),
    (["sessions", "lst"], "コマンド「lst」はありません。list のことではありませんか"),
    (["doctor", "--format", "xml"], "--format に「xml」は指定できません"),
]


@pytest.mark.parametrize(("argv", "japanese"), CASES)
def test_each_usage_error_is_said_in_japanese(argv: list[str], japanese: str) -> None:
    command, exc = _raised(argv)
    assert japanese in usage_error(exc, "ja", command, argv)


@pytest.mark.parametrize(("argv", "japanese"), CASES[:6])
def test_a_change_in_clicks_english_wording_changes_nothing(argv: list[str], japanese: str) -> None:
    """A later click that words its errors otherwise (or translates them) still gets the
    specific Japanese message, not the catch-all quoting its English."""
    command, exc = _raised(argv)
    exc.message = "Something about the command line was wrong."
    said = usage_error(exc, "ja", command, argv)
    assert japanese in said and "Something" not in said


def test_an_error_it_cannot_read_quotes_clicks_message() -> None:
    command, _ = _raised(["ask", "a", "b"])
    said = usage_error(click_errors.UsageError("Odd."), "ja", command, ["ask"])
    assert "Odd." in said and "shirube ask --help" in said

"""Brackets in untrusted text are shown as typed: never a rich/Textual markup crash, never styling.

A path, an option value, an env value, a profile or session name, a chat line, Ollama's error
text and a model's tool name all reach the screen; `[/]` used to end in a MarkupError and
`Acme [beta]` used to lose its `[beta]`.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from tests.faults.cli_runner import CliResult, run_cli
from tests.interview.scenarios import SCENARIOS
from tests.interview.test_cli import typed_sequence

NAME = "Acme [beta] [/] [bold]x[link=javascript:alert(1)]y"


@pytest.fixture(autouse=True)
def _wide(monkeypatch: pytest.MonkeyPatch) -> None:
    """Wide columns: rich must not wrap the paths and messages the tests look for."""
    monkeypatch.setenv("COLUMNS", "250")


def _no_traceback(result: CliResult) -> None:
    assert "Traceback" not in result.out + result.err


def _one_line(text: str) -> str:
    return " ".join(text.split())  # rich wraps long lines at the terminal width


def run_with_stdin(lines: list[str], *args: str) -> CliResult:
    return run_cli(*args, stdin="\n".join(lines) + "\n")


def _profile(tmp_path: Path, **fields: object) -> Path:
    path = tmp_path / "profile.json"
    path.write_text(json.dumps({"organisation": "company", **fields}), encoding="utf-8")
    return path


def test_a_bracket_in_a_file_path_is_shown_literally(tmp_path: Path) -> None:
    result = run_cli("assess", str(tmp_path / "[/]plan[bold].yaml"))
    _no_traceback(result)
    assert result.code == 2
    assert "[/]plan[bold].yaml" in _one_line(result.err)


def test_markup_in_an_option_value_is_shown_literally(tmp_path: Path) -> None:
    result = run_cli("assess", str(_profile(tmp_path)), "--format", "[bold]md[/bold]")
    _no_traceback(result)
    assert result.code == 2
    assert "unknown format '[bold]md[/bold]'" in _one_line(result.err)


def test_markup_in_a_session_id_is_shown_literally(fresh_home: Path) -> None:
    for args in (("sessions", "show", "[/]"), ("interview", "--resume", "[/]")):
        result = run_cli(*args)
        _no_traceback(result)
        assert result.code == 2
        assert "No session with id '[/]'" in _one_line(result.err)


def test_a_profile_name_with_brackets_is_shown_as_written(tmp_path: Path) -> None:
    result = run_cli("assess", str(_profile(tmp_path, name=NAME, description="[/] [red]x")))
    _no_traceback(result)
    assert result.code == 0, result.err
    assert f"Assessment: {NAME}" in _one_line(result.out)


def test_a_session_named_with_markup_lists_and_shows(
    fresh_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    answers = {**SCENARIOS[0].answers, "name": "[/]", "description": "Acme [beta] helper"}
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    done = run_cli("interview", "--answers", str(path))
    assert done.code == 0, done.err

    listed = run_cli("sessions", "list")
    _no_traceback(listed)
    assert listed.code == 0
    session_id = re.search(r"\b([0-9a-f]{6,})\b", listed.out).group(1)  # type: ignore[union-attr]
    assert re.search(rf"{session_id}.*\[/\]", listed.out)

    shown = run_cli("sessions", "show", session_id)
    _no_traceback(shown)
    assert shown.code == 0
    assert "Title: [/]" in shown.out
    assert "name: [/]" in shown.out and "description: Acme [beta] helper" in shown.out


def test_the_interview_finishes_with_markup_in_the_answers(
    fresh_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    scenario = SCENARIOS[0]
    scenario = type(scenario)(
        scenario.name, {**scenario.answers, "name": "[/]", "description": NAME}, {}
    )
    result = run_with_stdin(typed_sequence(scenario), "interview", "--offline")
    _no_traceback(result)
    assert result.code == 0, result.err
    # The summary names fields by their labels; the answers are shown literally, not as markup.
    assert "[/]" in result.out and NAME in result.out
    assert "is finished." in result.out


def test_chat_shows_bracketed_input_and_paths_literally(
    index_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = ["/profile [/]missing[bold].yaml", "/export [/]nowhere/chat.md", "[/] AI Act?", "/quit"]
    result = run_with_stdin(lines, "chat", "--offline")
    _no_traceback(result)
    assert result.code == 0, result.err
    assert "[/]missing[bold].yaml" in result.out
    assert "[/]nowhere" in result.out
    assert "you> [/] AI Act?" in result.out


def test_an_env_value_with_markup_is_shown_literally(
    fresh_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SHIRUBE_READ_TIMEOUT", "[/][bold]")
    result = run_cli("ask", "--offline", "What is the AI Promotion Act?")
    _no_traceback(result)
    assert result.code == 2
    assert "[/][bold]" in result.err


def test_ollama_error_text_with_markup_is_shown_literally(
    index_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.faults.hostile_ollama import hostile_ollama

    with hostile_ollama(error="[/] [bold]boom[link=x]") as url:
        monkeypatch.setenv("OLLAMA_HOST", url)
        result = run_cli("ask", "What does the AI Promotion Act require?")
    _no_traceback(result)
    assert result.code == 0, result.err
    # Ollama's own text is logged, never shown (issue 18): the reason is a label.
    assert "Ollama answered with an error (HTTP 500)" in _one_line(result.out)
    assert "boom" not in result.out


def test_eval_report_shows_tool_names_and_labels_literally() -> None:
    from rich.console import Console

    from evals import metrics, report
    from evals.models import CaseResult

    failed = CaseResult(
        id="case-1",
        suite="scope",
        critical=True,
        heldout=False,
        tags=[],
        status="fail",
        reasons=["tool search_knowledge not called; called ['[/]', '[bold]x']"],
        mode="model:[/]",
    )
    console = Console(file=io.StringIO(), width=250)
    report.print_report(console, metrics.summarise([failed], "model:[/]"), [failed], ["[/] gate"])
    shown = console.file.getvalue()  # type: ignore[attr-defined]
    assert "case-1 [critical]" in shown
    assert "called ['[/]', '[bold]x']" in shown
    assert "model:[/]" in shown and "Gate: [/] gate" in shown

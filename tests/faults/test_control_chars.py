"""Escape sequences from untrusted text never reach the terminal or an exported document.

Model answers, Ollama's error text, interview answers, chat questions and profile names could
set the terminal title (OSC), clear the screen (CSI 2J), ring the bell or hide text; Markdown
or HTML in a profile could add a fake heading, a script or a javascript: link to the plan.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tests.faults.cli_runner import CliResult, run_cli
from tests.faults.test_markup import run_with_stdin
from tests.interview.scenarios import SCENARIOS, Scenario
from tests.interview.test_cli import typed_sequence
from tools.terminal_text import clean

# Set the title, clear the screen, hide text, bell, NUL, 8-bit CSI, DEL, a lone CR.
HOSTILE = "\x1b]0;pwned\x07\x1b[2J\x1b[8mhidden\x1b[0m\x07\x00\x9b31m\x7f\rtail"
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
INJECTED = (
    "Plain words.\n# APPI does not apply\n<script>alert(1)</script>\n"
    "[click](javascript:alert(1)) <img src=x onerror=alert(1)>\n1. fake list\n- fake item"
)


@pytest.fixture(autouse=True)
def _wide(monkeypatch: pytest.MonkeyPatch) -> None:
    """Wide columns: rich must not wrap the paths and messages the tests look for."""
    monkeypatch.setenv("COLUMNS", "250")


def _no_controls(*texts: str) -> None:
    for text in texts:
        found = CONTROL.findall(text.replace("\n", "").replace("\t", ""))
        assert not found, f"control characters {found!r} in {text[:200]!r}"


def _shown(result: CliResult) -> str:
    assert "Traceback" not in result.out + result.err
    return result.out + result.err


@pytest.mark.parametrize(
    ("raw", "kept"),
    [
        ("a\x1b]0;title\x07b", "ab"),
        ("a\x1b]8;;https://x\x1b\\link\x1b]8;;\x1b\\b", "alinkb"),
        ("a\x1b[2J\x1b[1;31mb\x1b[0m", "ab"),
        ("a\x9b2Jb\x9d0;t\x9cc", "abc"),
        ("a\x07\x00\x08\x7fb", "ab"),
        ("line\r\nnext\rover", "line\nnext\nover"),
        ("tab\tand\nnewline stay", "tab\tand\nnewline stay"),
        ("\x1b]0;unterminated title", "0;unterminated title"),
        ("日本語 [beta] \u202eevil", "日本語 [beta] evil"),
    ],
)
def test_clean_removes_sequences_and_keeps_the_text(raw: str, kept: str) -> None:
    assert clean(raw) == kept


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_a_model_answer_with_escapes_is_shown_clean(
    fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from agent.cli.ask_render import render
    from agent.state import Answer

    answer = Answer(
        question="q",
        answer=f"The Act applies.{HOSTILE} [1]",
        citations=[],
        mode=f"model:fake{HOSTILE}",
        scope="in",
        tools_called=[],
        latency_ms=1,
        notice=f"Note{HOSTILE}",
    )
    render(answer, fmt)
    out = capsys.readouterr().out
    _no_controls(out)
    assert "The Act applies." in out and "tail" in out
    if fmt != "json":
        assert "pwned" not in out  # the title the answer tried to set


def test_ollama_error_text_with_escapes_is_shown_clean(
    index_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.faults.hostile_ollama import hostile_ollama

    with hostile_ollama(error=f"boom{HOSTILE}") as url:
        monkeypatch.setenv("OLLAMA_HOST", url)
        result = run_cli("ask", "What does the AI Promotion Act require?")
    shown = _shown(result)
    assert result.code == 0
    assert "Ollama answered with an error (HTTP 500)" in shown and "boom" not in shown
    _no_controls(shown)


def test_interview_answers_with_escapes_are_shown_and_saved_clean(
    fresh_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    base = SCENARIOS[0]
    answers = {**base.answers, "name": f"Acme{HOSTILE}", "description": f"Helps.{HOSTILE}"}
    result = run_with_stdin(
        typed_sequence(Scenario(base.name, answers, {})), "interview", "--offline"
    )
    shown = _shown(result)
    assert result.code == 0
    assert "is finished." in shown
    _no_controls(shown)
    (plan,) = tmp_path.glob("shirube-plan-*.md")
    text = plan.read_text(encoding="utf-8")
    _no_controls(text)
    assert text.startswith("# AI governance plan: Acme")

    session_id = plan.stem.removeprefix("shirube-plan-")
    for args in (("sessions", "list"), ("sessions", "show", session_id)):
        _no_controls(_shown(run_cli(*args)))


def test_chat_questions_with_escapes_are_echoed_and_exported_clean(
    index_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export = tmp_path / "chat.md"
    lines = [f"What is the AI Promotion Act?{HOSTILE}", f"/export {export}", "/quit"]
    result = run_with_stdin(lines, "chat", "--offline")
    shown = _shown(result)
    assert result.code == 0
    _no_controls(shown)
    text = export.read_text(encoding="utf-8")
    _no_controls(text)
    assert "What is the AI Promotion Act?" in text

    thread_id = re.search(r"--thread (\w+)", result.out).group(1)  # type: ignore[union-attr]
    _no_controls(_shown(run_cli("sessions", "show", thread_id)))
    again = tmp_path / "again.md"
    exported = run_cli("sessions", "export", thread_id, "-o", str(again))
    assert exported.code == 0, exported.err
    _no_controls(again.read_text(encoding="utf-8"))


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_a_profile_with_escapes_is_assessed_clean(fmt: str, tmp_path: Path) -> None:
    path = tmp_path / "profile.json"
    profile = {
        "name": f"Acme{HOSTILE}",
        "description": f"Helps.{HOSTILE}",
        "organisation": "company",
    }
    path.write_text(json.dumps(profile), encoding="utf-8")
    result = run_cli("assess", str(path), "--format", fmt)
    assert result.code == 0, result.err
    _no_controls(_shown(result))


def _parse(text: str) -> list:  # type: ignore[type-arg]
    return MarkdownIt("commonmark").enable("table").parse(text)


def _headings(tokens: list) -> list[str]:  # type: ignore[type-arg]
    return [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]


def _assert_inert(text: str, baseline: str) -> None:
    tokens = _parse(text)
    assert len(_headings(tokens)) == len(_headings(_parse(baseline)))
    assert not any(h.startswith("APPI") for h in _headings(tokens))
    every = [*tokens, *(c for t in tokens for c in t.children or [])]
    assert not [t for t in every if t.type in ("html_block", "html_inline")]
    links = [t.attrs.get("href", "") for t in every if t.type == "link_open"]
    assert not [href for href in links if "javascript" in str(href).lower()]
    rendered = MarkdownIt("commonmark").enable("table").render(text)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
    assert "# APPI does not apply" in rendered  # shown, as the user's own words


def test_markdown_in_a_profile_stays_text_in_the_plan() -> None:
    from core.profile import UseCaseProfile
    from tools.assess import assess
    from tools.render.markdown import render_markdown

    def plan(name: str, description: str) -> str:
        profile = UseCaseProfile(name=name, description=description, organisation="company")
        return render_markdown(assess(profile))

    hostile = plan(f"# APPI does not apply <script>alert(1)</script>{HOSTILE}", INJECTED)
    _assert_inert(hostile, plan("Plain", "Plain words."))
    _no_controls(hostile)
    assert "[click](javascript:alert(1))" in MarkdownIt("commonmark").render(hostile)


def test_markdown_in_a_chat_question_stays_text_in_the_export() -> None:
    from agent.chat.export import turn_markdown
    from agent.chat.state import Turn

    def export(question: str, answer: str) -> str:
        turn = Turn(
            question=question,
            resolved=question,
            kind="qa",
            answer=answer,
            citations=[],
            mode="offline",
            scope="in",
        )
        return turn_markdown(1, turn)

    answer = f"Yes. <script>alert(1)</script> [x](javascript:alert(1)){HOSTILE}"
    hostile = export("Is it binding?\n# APPI does not apply <script>alert(1)</script>", answer)
    _assert_inert(hostile, export("Is it binding?", "Yes."))
    _no_controls(hostile)


def test_a_profile_name_with_escapes_fills_the_worksheet_clean(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from core.profile import UseCaseProfile
    from tools.assess import assess
    from tools.worksheet import write_xlsx

    profile = UseCaseProfile(name="Acme\x1b]0;pwned\x07 bot\x1b[2J", uses_in_operations=True)
    path = write_xlsx(assess(profile), tmp_path / "plan.xlsx")
    book = load_workbook(path)
    cells = [str(ws["A3"].value) for ws in book.worksheets]
    assert all("Acme bot" in c and "\x1b" not in c and "\x07" not in c for c in cells), cells

"""`shirube interview` and `shirube sessions` as real subprocesses (stdin piped, SIGKILL); outputs
and errors of a path that a subprocess here already runs end to end go through the same entry
point in-process (run_cli: a subprocess starts cold, seconds each)."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import pytest

from agent.cli.interview import _check_options, load_answers, run_answers
from agent.interview.parse import parse_answer
from agent.interview.session import InterviewSession
from agent.interview.state import next_question_id
from core.config import Settings
from core.errors import UsageError
from core.profile import UseCaseProfile
from knowledge.questions import question_by_id
from tests.conftest import VENV_BIN
from tests.faults.cli_runner import run_cli
from tests.interview.scenarios import SCENARIOS, Scenario
from tools.assess import assess
from tools.profile_io import load_profile
from tools.render import render_plan

SHIRUBE = str(VENV_BIN / "shirube")
PROMPT = re.compile(r"^\[(\d+)/(\d+)\] ")


def _env(**extra: str) -> dict[str, str]:
    # Wide columns: rich must not wrap the messages the tests compare. The developer's own
    # SHIRUBE_LANG must not change the language the tests expect; a test sets it itself.
    env = {k: v for k, v in os.environ.items() if k != "SHIRUBE_LANG"}
    return {**env, "COLUMNS": "250", **extra}


def shirube(
    *args: str, cwd: Path, stdin: str | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [SHIRUBE, *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=_env(**env),
        timeout=120,
        check=False,
    )


def in_process(*args: str, cwd: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """`shirube *args` through agent.cli.main in this process, with `shirube`'s environment."""
    done = run_cli(*args, cwd=cwd, stdin=stdin, env={"COLUMNS": "250", "SHIRUBE_LANG": None})
    return subprocess.CompletedProcess([SHIRUBE, *args], done.code, done.out, done.err)


def typed_sequence(scenario: Scenario) -> list[str]:
    """The lines a user types, in the order the questions come (then 'yes' to the summary)."""
    answers: dict[str, Any] = {}
    lines = []
    while (question_id := next_question_id({"answers": answers})) is not None:
        text = scenario.answers.get(question_id, "skip")
        answers[question_id] = parse_answer(question_by_id(question_id), text).value
        lines.append(text)
    return [*lines, "yes"]


def expected_plan(scenario: Scenario, fmt: str = "markdown") -> str:
    return render_plan(assess(UseCaseProfile.model_validate(scenario.expected)), fmt)


def session_id(output: str) -> str:
    match = re.search(r"Session ([0-9a-f]{8}) started", output)
    assert match, output
    return match.group(1)


def test_line_mode_through_piped_stdin(fresh_home: Path, tmp_path: Path) -> None:
    scenario = SCENARIOS[1]
    lines = typed_sequence(scenario)
    # An invalid answer and a 'why' on the way must not change the outcome.
    lines = [lines[0], lines[1], "nine", "why", *lines[2:]]
    result = shirube("interview", cwd=tmp_path, stdin="\n".join(lines) + "\n")

    assert result.returncode == 0, result.stderr
    sid = session_id(result.stdout)
    assert "! 'nine' is not one of the choices. Expected one of: 1) company" in result.stdout
    assert "Why we ask: The AI Promotion Act gives different duties" in result.stdout
    plan = tmp_path / f"shirube-plan-{sid}.md"
    assert f"Governance plan written to {plan}" in result.stdout
    assert plan.read_text(encoding="utf-8") == expected_plan(scenario)


def test_end_of_input_quits_and_resume_finishes(fresh_home: Path, tmp_path: Path) -> None:
    scenario = SCENARIOS[2]
    lines = typed_sequence(scenario)
    first = shirube("interview", cwd=tmp_path, stdin="\n".join(lines[:4]) + "\n")
    assert first.returncode == 0, first.stderr
    sid = session_id(first.stdout)
    assert f"Saved. Resume any time with: shirube interview --resume {sid}" in first.stdout

    out = tmp_path / "plan.json"
    rest = "\n".join(lines[4:]) + "\n"
    second = shirube(
        "interview", "--resume", sid, "--format", "json", "-o", str(out), cwd=tmp_path, stdin=rest
    )
    assert second.returncode == 0, second.stderr
    assert f"Resuming session {sid}." in second.stdout
    assert out.read_text(encoding="utf-8") == expected_plan(scenario, "json")


def test_sigkill_mid_interview_loses_no_answer(fresh_home: Path, tmp_path: Path) -> None:
    scenario = SCENARIOS[0]
    lines = typed_sequence(scenario)
    proc = subprocess.Popen(
        [SHIRUBE, "interview"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
        env=_env(),
    )
    assert proc.stdin is not None and proc.stdout is not None
    seen: list[str] = []

    def wait_for_question(number: int) -> None:
        while True:
            line = proc.stdout.readline()
            assert line, "".join(seen)
            seen.append(line)
            match = PROMPT.match(line.removeprefix("> "))
            if match and int(match.group(1)) == number:
                return

    wait_for_question(1)
    for number, text in enumerate(lines[:6], start=1):
        proc.stdin.write(text + "\n")
        proc.stdin.flush()
        wait_for_question(number + 1)  # shown only after the answer is on disk
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    sid = session_id("".join(seen))

    shown = shirube("sessions", "show", sid, cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert "  name: Support chatbot\n" in shown.stdout
    assert "  offers_to_others: yes\n" in shown.stdout
    assert "  uses_in_operations: no\n" in shown.stdout
    assert "Next: Who uses the AI or its results?" in shown.stdout

    resumed = shirube("interview", "--resume", sid, cwd=tmp_path, stdin="\n".join(lines[6:]) + "\n")
    assert resumed.returncode == 0, resumed.stderr
    assert "[7/" in resumed.stdout and "[1/" not in resumed.stdout
    plan = tmp_path / f"shirube-plan-{sid}.md"
    assert plan.read_text(encoding="utf-8") == expected_plan(scenario)


def _write_answers(path: Path, scenario: Scenario) -> Path:
    # Unquoted yes/no on purpose: YAML reads them as booleans, which must still work.
    body = "".join(
        f"{key}: {value}\n" if value in ("yes", "no") else f"{key}: {value!r}\n"
        for key, value in scenario.answers.items()
    )
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["markdown", "json"])
def test_answers_file_writes_the_same_plan_as_assess(
    fresh_home: Path, tmp_path: Path, fmt: str
) -> None:
    scenario = SCENARIOS[3]
    answers = _write_answers(tmp_path / "answers.yaml", scenario)
    out = tmp_path / f"plan.{fmt}"
    run = shirube if fmt == "markdown" else in_process  # one cold start for the path is enough
    result = run(
        "interview", "--answers", str(answers), "--format", fmt, "--output", str(out), cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert f"Governance plan written to {out}" in result.stdout
    assert out.read_text(encoding="utf-8") == expected_plan(scenario, fmt)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "name: x\ndescription: y\norganisation: '9'\n",
            "Answers file '{path}', question 'organisation': '9' is not one of the choices. "
            "Expected one of: 1) company, 2) government",
        ),
        (
            "name: x\ndescription: y\nbuilds_models: perhaps\n",
            "Answers file '{path}', question 'builds_models': 'perhaps' is not a yes/no "
            "answer. Expected yes or no (y/n).",
        ),
        ("name: x\n", "Answers file '{path}' has no answer for 'description'"),
        ("name: x\ndescription: y\ncustomers: back\n", "question 'customers': 'back' is a command"),
        ("name: x\ncolour: red\n", "Answers file '{path}' has unknown question id(s): colour."),
        ("- just a list\n", "Answers file '{path}' must be a mapping of question id"),
    ],
)
def test_bad_answers_file_names_the_question(
    settings: Settings, tmp_path: Path, body: str, message: str
) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(UsageError) as info:
        session = InterviewSession.start(settings)
        try:
            run_answers(session, load_answers(path), path)
        finally:
            session.close()
    assert message.format(path=path) in str(info.value)


def test_bad_answers_file_exits_2_without_traceback_or_session(
    fresh_home: Path, tmp_path: Path
) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("name: x\ndescription: y\norganisation: '9'\n", encoding="utf-8")
    result = in_process("interview", "--answers", str(path), cwd=tmp_path)
    assert result.returncode == 2
    assert f"Error: Answers file '{path}', question 'organisation': '9'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not list(tmp_path.glob("shirube-plan-*"))
    listed = in_process("sessions", "list", cwd=tmp_path)
    assert "No saved sessions. Start one with `shirube interview`." in listed.stdout


def test_sessions_list_show_export_delete(fresh_home: Path, tmp_path: Path) -> None:
    scenario = SCENARIOS[4]
    answers = _write_answers(tmp_path / "answers.yaml", scenario)
    done = in_process("interview", "--answers", str(answers), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    sid = re.search(r"shirube-plan-([0-9a-f]{8})\.md", done.stdout).group(1)

    listed = in_process("sessions", "list", cwd=tmp_path)
    assert re.search(rf"{sid}\s*│\s*interview\s*│\s*finished\s*│.*Benefits triage", listed.stdout)

    exported = shirube("sessions", "export", sid, cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    profile_file = tmp_path / f"shirube-profile-{sid}.yaml"
    assert load_profile(profile_file) == UseCaseProfile.model_validate(scenario.expected)

    deleted = shirube("sessions", "delete", sid, cwd=tmp_path)
    assert deleted.stdout == f"Deleted session {sid}.\n"
    with sqlite3.connect(fresh_home / "sessions.sqlite") as conn:
        assert conn.execute(
            "SELECT count(*) FROM checkpoints WHERE thread_id = ?", (sid,)
        ).fetchone() == (0,)
        assert conn.execute(
            "SELECT count(*) FROM writes WHERE thread_id = ?", (sid,)
        ).fetchone() == (0,)
    for command in (["show", sid],):
        gone = in_process("sessions", *command, cwd=tmp_path)
        assert gone.returncode == 2
        assert (
            f"Error: No session with id '{sid}'. "
            "Run `shirube sessions list` to see the saved sessions." in gone.stderr
        )


def test_bad_format_exits_2(fresh_home: Path, tmp_path: Path) -> None:
    result = in_process("interview", "--format", "pdf", cwd=tmp_path)
    assert result.returncode == 2
    assert "Error: Unknown --format 'pdf'. Use one of: markdown, json, docx." in result.stderr
    assert not (fresh_home / "sessions.sqlite").exists()


def test_missing_output_folder_is_refused_before_starting(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as info:
        _check_options("markdown", Path("no/such/dir/plan.md"))
    assert str(info.value) == (
        "Cannot write the plan to 'no/such/dir/plan.md': its folder does not exist. "
        "Create the folder or pass another --output path."
    )


def test_line_mode_says_why_there_are_no_suggestions(fresh_home: Path, tmp_path: Path) -> None:
    note = (
        "Note: No model available (no Ollama server answered at http://127.0.0.1:9), "
        "so every question is asked."
    )
    result = shirube("interview", cwd=tmp_path, stdin="Bot\nA chatbot\nquit\n")
    assert result.returncode == 0, result.stderr
    assert note in result.stdout
    assert "(offline: no model is used; every question is asked)" in result.stdout
    offline = in_process("interview", "--offline", cwd=tmp_path, stdin="Bot\nA chatbot\nquit\n")
    assert offline.returncode == 0, offline.stderr
    assert "Note:" not in offline.stdout
    assert "Saved. Resume any time with: shirube interview --resume" in offline.stdout

"""Hostile `interview --answers` files: an alias bomb, deep nesting, huge and odd values.

The CLI runs in a fresh process under a memory cap, so a regression fails fast instead of
taking the machine's memory.
"""

from __future__ import annotations

import os
import resource
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import VENV_BIN
from tests.faults.cli_runner import run_cli

MEMORY_CAP = 1 << 30  # 1 GiB of address space: the unguarded bomb needed 3 GB


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def _interview(answers: Path, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(VENV_BIN / "shirube"), "interview", "--answers", str(answers)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=answers.parent,
        env={**os.environ, "SHIRUBE_HOME": str(home), "COLUMNS": "250"},
        preexec_fn=_capped,
        check=False,
    )


def _flat(text: str) -> str:
    return " ".join(text.split())


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "answers.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_alias_bomb_is_refused_quickly_without_expanding(tmp_path: Path) -> None:
    # Nine levels of nine aliases under real question ids: 9**9 items once expanded.
    ids = ["description", "organisation", "offers_to_others", "uses_in_operations", "customers"]
    ids += ["personal_data", "copyrighted_material", "sectors"]
    lines = ["name: Bomb", "builds_models: &a [x,x,x,x,x,x,x,x,x]"]
    anchors = "abcdefghi"
    for level in range(1, 9):
        refs = ",".join([f"*{anchors[level - 1]}"] * 9)
        lines.append(f"{ids[level - 1]}: &{anchors[level]} [{refs}]")
    bomb = "\n".join(lines)
    path = _write(tmp_path, bomb + "\n")
    assert path.stat().st_size < 700
    result = _interview(path, tmp_path / "home")
    assert result.returncode == 2, result.stderr[-2000:]
    err = _flat(result.stderr)
    assert f"Error: Answers file '{path}', question 'description': the answer must be text" in err
    assert "..." in err and len(err) < 600
    assert "Traceback" not in result.stderr and "MemoryError" not in result.stderr


def test_aliased_long_text_repeated_is_refused_by_length(tmp_path: Path) -> None:
    text = "name: &t " + "x" * 5000 + "\ndescription: y\nsectors: [" + ", ".join(["*t"] * 5000)
    path = _write(tmp_path, text + "]\n")
    result = _interview(path, tmp_path / "home")
    assert result.returncode == 2, result.stderr[-2000:]
    assert "question 'sectors': the answer is longer than 20,000 characters" in _flat(result.stderr)
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sectors: " + "[" * 10_000 + "]" * 10_000 + "\n", "is nested too deeply to be an "),
        ("sectors: " + "{a: " * 10_000 + "1" + "}" * 10_000 + "\n", "is nested too deeply"),
    ],
    ids=["deep-lists", "deep-maps"],
)
def test_hostile_answers_exit_2_with_one_line(tmp_path: Path, text: str, expected: str) -> None:
    path = _write(tmp_path, text)
    result = _interview(path, tmp_path / "home")
    assert result.returncode == 2, result.stderr[-2000:]
    err = _flat(result.stderr)
    assert err.startswith("Error:") and expected in err
    assert "Traceback" not in result.stderr and "RecursionError" not in result.stderr
    assert not list(tmp_path.glob("shirube-plan-*"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("name: 2024-13-45\n", "a value could not be read: a date that does not exist"),
        ("name: !!python/name:os.system\n", "could not determine a constructor for the tag"),
        ("name: !!binary aGVsbG8=\n", "question 'name': the answer must be text"),
        ("name: {a: 1}\n", "question 'name': the answer must be text, yes/no or a list of"),
    ],
    ids=["bad-date", "python-tag", "binary", "mapping"],
)
def test_odd_values_exit_2_with_one_line(tmp_path: Path, text: str, expected: str) -> None:
    # Small files that cannot take the memory: the entry point in-process (an exception would
    # propagate here) instead of a cold start each under the cap.
    path = _write(tmp_path, text)
    result = run_cli(
        "interview",
        "--answers",
        str(path),
        env={"SHIRUBE_HOME": str(tmp_path / "home"), "COLUMNS": "250"},
        cwd=tmp_path,
    )
    assert result.code == 2, result.err[-2000:]
    err = _flat(result.err)
    assert err.startswith("Error:") and expected in err
    assert "Traceback" not in result.err
    assert not list(tmp_path.glob("shirube-plan-*"))


FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# The characters that drive the YAML parser's states, plus real question ids and aliases.
YAML_PIECES = st.sampled_from(
    [*"abc:-[]{},&*!|>?#'\"\n \t0123.", "name", "sectors", "description", "&a ", "*a", "!!"]
)


@FUZZ
@given(text=st.lists(YAML_PIECES, max_size=120).map("".join))
def test_any_answers_text_reads_or_gives_one_line(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    from agent.cli.interview import load_answers
    from core.errors import UsageError

    path = tmp_path_factory.mktemp("fuzz") / "answers.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        answers = load_answers(path)
    except UsageError as exc:
        message = str(exc)
        assert message and "\n" not in message and len(message) < 1200, message
    else:
        assert all(isinstance(k, str) and isinstance(v, str) for k, v in answers.items())

"""Two `shirube` processes at once, and an interview whose every answer is saved before the next
question (read back from outside, and SIGKILLed at three of them).

Real subprocesses on one SHIRUBE_HOME; every wait is bounded so a hang fails instead of blocking.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import threading
import time
from pathlib import Path
from typing import IO, Any

import chromadb
import pytest
from chromadb.config import Settings as ChromaSettings

from agent.interview.parse import parse_answer
from agent.interview.session import InterviewSession
from agent.interview.state import next_question_id
from core.config import Settings
from knowledge.index.store import read_meta
from knowledge.questions import question_by_id
from tests.conftest import VENV_BIN
from tests.interview.scenarios import SCENARIOS
from tests.interview.test_cli import expected_plan, session_id, typed_sequence

SHIRUBE = str(VENV_BIN / "shirube")
PROC_TIMEOUT_S = 240  # a cold index rebuild on a loaded 2-core machine; normally ~30 s
PROMPT = re.compile(r"^(?:> )?\[(\d+)/(\d+)\] ")


def _env(home: Path) -> dict[str, str]:
    return {**os.environ, "SHIRUBE_HOME": str(home), "COLUMNS": "250"}


def _copy_index(index_home: Path, home: Path) -> Settings:
    """A private copy of the session's built index, so a rebuild here disturbs no other test."""
    home.mkdir(parents=True)
    shutil.copytree(index_home / "index", home / "index")
    return Settings(home=home)


@pytest.mark.timeout(2 * PROC_TIMEOUT_S)
def test_ask_while_another_process_rebuilds_the_index(index_home: Path, tmp_path: Path) -> None:
    settings = _copy_index(index_home, tmp_path / "home")
    old = read_meta(settings)
    assert old is not None
    env = _env(settings.home)
    builder = subprocess.Popen(
        [SHIRUBE, "index", "--rebuild"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    try:
        # The new store directory appears once the build holds the lock and has started writing.
        deadline = time.monotonic() + 60
        while len(list(settings.index_dir.glob("chroma-*"))) < 2 and builder.poll() is None:
            assert time.monotonic() < deadline, "the rebuild never started"
            time.sleep(0.05)
        assert builder.poll() is None, "the rebuild ended before the ask could overlap it"
        asked = subprocess.run(
            [SHIRUBE, "ask", "Are the AI Guidelines for Business legally binding?", "-f", "json"],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=PROC_TIMEOUT_S,
            check=False,
        )
        built_out, built_err = builder.communicate(timeout=PROC_TIMEOUT_S)
    finally:
        if builder.poll() is None:
            builder.kill()
    assert asked.returncode == 0, asked.stderr
    assert "Traceback" not in asked.stderr
    answer = json.loads(asked.stdout)
    assert answer["scope"] == "in" and answer["answer"].startswith("No")
    assert answer["citations"][0]["id"] == "aigfb"
    assert builder.returncode == 0, built_err
    assert "Search index rebuilt (rebuild requested)" in built_out
    # Afterwards: one live store, named by the meta file, holding every entry it claims.
    new = read_meta(settings)
    assert new is not None and new.store != old.store
    assert new.corpus_hash == old.corpus_hash and new.entry_count == old.entry_count
    assert [p.name for p in settings.index_dir.glob("chroma-*")] == [new.store]
    # The meta names a store that opens with every entry it claims (no half-written swap).
    client = chromadb.PersistentClient(
        path=str(settings.index_dir / new.store),
        settings=ChromaSettings(anonymized_telemetry=False, allow_reset=False),
    )
    [collection] = client.list_collections()
    assert collection.count() == new.entry_count


def _typed_into(*args: str, home: Path, cwd: Path) -> subprocess.Popen[str]:
    """`shirube *args` on `home`, its input, output and errors piped for the test to use."""
    return subprocess.Popen(
        [SHIRUBE, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(home),
        cwd=cwd,
    )


def _feed(proc: subprocess.Popen[str], lines: list[str], out: list[str]) -> None:
    """Type every line at once, as a paste would; keeps (stdout, stderr)."""
    out.extend(proc.communicate("\n".join(lines) + "\n", timeout=PROC_TIMEOUT_S))


@pytest.mark.timeout(PROC_TIMEOUT_S)
def test_two_interviews_at_once_on_one_home(fresh_home: Path, tmp_path: Path) -> None:
    scenarios = SCENARIOS[:2]
    procs = [
        _typed_into("interview", "-o", str(tmp_path / f"plan{i}.md"), home=fresh_home, cwd=tmp_path)
        for i in range(2)
    ]
    outs: list[list[str]] = [[], []]
    threads = [
        threading.Thread(target=_feed, args=(p, typed_sequence(s), o))
        for p, s, o in zip(procs, scenarios, outs, strict=True)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=PROC_TIMEOUT_S)
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
    errors = [o[1] if len(o) == 2 else "(no output)" for o in outs]
    assert [p.returncode for p in procs] == [0, 0], errors
    assert not any("locked" in e or "Traceback" in e for e in errors), errors
    ids = [session_id(o[0]) for o in outs]
    assert ids[0] != ids[1]
    for i, scenario in enumerate(scenarios):
        plan = tmp_path / f"plan{i}.md"
        assert plan.read_text(encoding="utf-8") == expected_plan(scenario)
        resumed = InterviewSession.resume(ids[i], Settings(home=fresh_home))
        assert resumed.done
        assert resumed.profile_so_far.name == scenario.expected["name"]


def _read_until_prompt(stream: IO[str], number: int, seen: list[str], deadline: float) -> None:
    """Read up to the prompt for question `number` (shown once earlier answers are saved)."""
    while time.monotonic() < deadline:
        line = stream.readline()
        assert line, "".join(seen)
        seen.append(line)
        match = PROMPT.match(line)
        if match and int(match.group(1)) == number:
            return
    raise AssertionError(f"no prompt [{number}/…] in time:\n{''.join(seen)}")


def _expected_answers(lines: list[str]) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    for text in lines:
        question_id = next_question_id({"answers": answers})
        assert question_id is not None
        answers[question_id] = parse_answer(question_by_id(question_id), text).value
    return answers


def _saved_answers(sid: str, settings: Settings) -> dict[str, Any]:
    """The session's answers as another process reads them (no lock taken, nothing run)."""
    session = InterviewSession.open(sid, settings)
    try:
        return session.answers
    finally:
        session.close()


@pytest.mark.timeout(6 * PROC_TIMEOUT_S)
def test_sigkill_after_every_answer_loses_nothing(fresh_home: Path, tmp_path: Path) -> None:
    scenario = SCENARIOS[0]
    lines = typed_sequence(scenario)  # every question's answer, then "yes" to the summary
    questions = len(lines) - 1
    settings = Settings(home=fresh_home)
    # Every answer is read back from another process before the next question is shown (what a
    # SIGKILL there would leave: a committed write outlives its writer); the process is killed
    # for real after the first, a middle and the last answer, and each time resumed.
    kills = {1, questions // 2, questions - 1}
    sid: str | None = None
    proc: subprocess.Popen[str] | None = None
    seen: list[str] = []
    deadline = time.monotonic() + PROC_TIMEOUT_S
    try:
        for k in range(1, questions):
            if proc is None:
                args = ["interview"] if sid is None else ["interview", "--resume", sid]
                proc = _typed_into(*args, home=fresh_home, cwd=tmp_path)
                seen, deadline = [], time.monotonic() + PROC_TIMEOUT_S
                assert proc.stdout is not None
                _read_until_prompt(proc.stdout, k, seen, deadline)
            assert proc.stdin is not None and proc.stdout is not None
            proc.stdin.write(lines[k - 1] + "\n")
            proc.stdin.flush()
            _read_until_prompt(proc.stdout, k + 1, seen, deadline)
            sid = sid or session_id("".join(seen))
            expected = _expected_answers(lines[:k])
            assert _saved_answers(sid, settings) == expected, f"answer {k} unsaved at its prompt"
            if k in kills:
                proc.send_signal(signal.SIGKILL)
                proc.wait(timeout=30)
                assert proc.returncode == -signal.SIGKILL
                proc = None
                assert _saved_answers(sid, settings) == expected, f"after the kill at answer {k}"
    finally:
        if proc is not None:
            proc.kill()
            proc.wait(timeout=30)
    assert sid is not None
    rest = "\n".join(lines[questions - 1 :]) + "\n"
    done = subprocess.run(
        [SHIRUBE, "interview", "--resume", sid],
        input=rest,
        capture_output=True,
        text=True,
        env=_env(fresh_home),
        cwd=tmp_path,
        timeout=PROC_TIMEOUT_S,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    plan = tmp_path / f"shirube-plan-{sid}.md"
    assert plan.read_text(encoding="utf-8") == expected_plan(scenario)

"""Two people, two processes, one plan: each sees the other's change with who and when, a
change to what someone else just changed is refused, and a killed writer loses nothing it
acknowledged. Every case runs on SQLite and on a real PostgreSQL."""

from __future__ import annotations

import os
import signal
import subprocess

import pytest

from agent.interview import plan_service
from core.config import Settings
from tests.conftest import REPO_ROOT, VENV_BIN, run_shirube

pytestmark = pytest.mark.team

WRITER = """
import sys

from agent.interview import plan_service
from core.config import get_settings

plan, action, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
settings = get_settings()
with plan_service.opened(settings) as store:
    for i in range(count):
        plan_service.set_progress(store, plan, action, evidence=f"{settings.who}-{i}")
        print(f"ack {i}", flush=True)
"""


def _as(user: str, env: dict[str, str]) -> dict[str, str]:
    return {**os.environ, **env, "SHIRUBE_USER": user}


def _shirube(user: str, env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [str(VENV_BIN / "shirube"), *args], cwd=REPO_ROOT, env=_as(user, env), text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip


def _writer(
    user: str, env: dict[str, str], plan: str, action: str, count: int
) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [str(VENV_BIN / "python"), "-c", WRITER, plan, action, str(count)], cwd=REPO_ROOT,
        env=_as(user, env), text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip


def test_two_people_at_once_see_each_others_changes(env: dict[str, str], saved: str) -> None:
    cto = _shirube("cto", env, "plan", "set", saved, "testing_red_teaming", "--status", "done")
    counsel = _shirube(
        "counsel", env, "plan", "set", saved, "personal_data_legal_basis", "--evidence", "memo-17"
    )
    for proc in (cto, counsel):
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    readers = [_shirube(user, env, "plan", "history", saved) for user in ("cto", "counsel")]
    readers.append(_shirube("board", env, "plan", "list"))
    (cto_saw, _), (counsel_saw, _), (listed, _) = (p.communicate(timeout=120) for p in readers)
    assert [p.returncode for p in readers] == [0, 0, 0]
    for shown in (cto_saw, counsel_saw):  # each sees the other's change, with who and when
        lines = shown.splitlines()
        assert any("by cto [testing_red_teaming]: status todo -> done" in x for x in lines)
        assert any("by counsel [personal_data_legal_basis]: evidence memo-17" in x for x in lines)
        assert lines[-1] == f"Plan {saved} is at version 3."
        assert all(" UTC by " in x for x in lines[:-1])
    assert listed.startswith(f"{saved}  v3  Support chatbot  (v3 ")


def test_changing_what_another_person_just_changed_is_refused(
    env: dict[str, str], saved: str, settings: Settings
) -> None:
    bob = run_shirube("plan", "set", saved, "risk_assessment", "--status", "done",
                      env={**env, "SHIRUBE_USER": "bob"})  # fmt: skip
    assert bob.returncode == 0, bob.stderr
    alice = run_shirube("plan", "set", saved, "risk_assessment", "--status", "doing",
                        "--expect-version", "1", env={**env, "SHIRUBE_USER": "alice"})  # fmt: skip
    assert alice.returncode == 3
    message = " ".join(alice.stderr.split())
    assert "was changed by bob" in message and "Nothing of yours was saved" in message
    assert "Traceback" not in alice.stderr
    shown = run_shirube("plan", "show", saved, env={**env, "SHIRUBE_USER": "alice"})
    assert shown.returncode == 0, shown.stderr
    assert "Version 2, last change v2 " in shown.stdout and " UTC by bob " in shown.stdout
    with plan_service.opened(settings) as store:
        plan = store.get(saved)
        assert plan is not None and plan.progress["risk_assessment"].status == "done"
        assert [c.who for c in store.history(saved)] == ["lead", "bob"]


def test_writers_in_parallel_lose_no_update(
    env: dict[str, str], saved: str, settings: Settings
) -> None:
    actions = {
        "ann": "risk_assessment",
        "ben": "personal_data_legal_basis",
        "cid": "testing_red_teaming",
    }
    procs = {who: _writer(who, env, saved, action, 6) for who, action in actions.items()}
    for proc in procs.values():
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert out.count("ack") == 6
    with plan_service.opened(settings) as store:
        plan, changes = plan_service.history(store, saved)
    assert [c.version for c in changes] == list(range(1, 20)) and plan.version == 19
    ids = ["risk_assessment", "personal_data_legal_basis", "testing_red_teaming"]
    for who, action_id in zip(actions, ids, strict=True):
        assert plan.progress[action_id].evidence == f"{who}-5"
        assert sum(c.who == who for c in changes) == 6


def test_a_writer_killed_mid_loop_loses_nothing_it_acknowledged(
    env: dict[str, str], saved: str, settings: Settings
) -> None:
    proc = _writer("kim", env, saved, "risk_assessment", 100_000)
    assert proc.stdout is not None
    acked = []
    for line in proc.stdout:
        acked.append(int(line.split()[1]))
        if len(acked) == 15:
            break
    os.kill(proc.pid, signal.SIGKILL)  # mid-loop: the next write may be half-way
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    with plan_service.opened(settings) as store:
        plan, changes = plan_service.history(store, saved)
        recorded = {c.what for c in changes}
        assert all(f"evidence kim-{i}" in recorded for i in acked)
        assert plan.version == changes[-1].version >= 1 + len(acked)
        assert changes[-1].what == f"evidence {plan.progress['risk_assessment'].evidence}"
        plan_service.set_progress(
            store, saved, "risk_assessment", status="done", who="after"
        )  # not stuck

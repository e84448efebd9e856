"""`shirube sessions migrate --to URL`: local plans with their history into PostgreSQL, once."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from agent.interview import plan_service
from core.config import Settings
from tests.conftest import run_shirube
from tests.interview.plan_change import PROFILE
from tests.team.pg_server import fresh_database

pytestmark = pytest.mark.team


def test_migrating_twice_copies_each_plan_once_with_its_history(
    postgres_url: str, tmp_path: Path
) -> None:
    local = Settings(home=tmp_path)
    with plan_service.opened(local) as store:
        plan_service.save(store, "aaaa0001", PROFILE, who="lead")
        plan_service.set_progress(store, "aaaa0001", "risk_assessment", status="done", who="cto")
        plan_service.save(store, "bbbb0002", PROFILE, who="lead")
    url = fresh_database(postgres_url, f"m_{uuid.uuid4().hex[:12]}")
    env = {"SHIRUBE_HOME": str(tmp_path), "SHIRUBE_USER": "mover"}
    first = run_shirube("sessions", "migrate", "--to", url, env=env)
    assert first.returncode == 0, first.stderr
    assert "2 plan(s) copied" in first.stdout and "0 already there" in first.stdout
    second = run_shirube("sessions", "migrate", "--to", url, env=env)
    assert second.returncode == 0, second.stderr
    assert "0 plan(s) copied" in second.stdout and "2 already there" in second.stdout
    with plan_service.opened(Settings(home=tmp_path, database_url=url)) as shared:
        assert shared.ids() == ["aaaa0001", "bbbb0002"]
        plan, changes = plan_service.history(shared, "aaaa0001")
    assert plan.progress["risk_assessment"].status == "done" and plan.version == 3
    assert [(c.version, c.who) for c in changes] == [(1, "lead"), (2, "cto"), (3, "mover")]
    assert changes[-1].what.startswith("moved in from mover's sessions on ")


def test_migrate_to_something_that_is_not_postgresql_is_exit_2(tmp_path: Path) -> None:
    done = run_shirube("sessions", "migrate", "--to", "sqlite:///x.db",
                       env={"SHIRUBE_HOME": str(tmp_path)})  # fmt: skip
    assert done.returncode == 2 and "not a PostgreSQL URL" in done.stderr

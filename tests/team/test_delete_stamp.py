"""Deleting a session drops its plan stamp too (stamps live in this machine's SQLite file)."""

from __future__ import annotations

import pytest

from agent.interview import stamps
from agent.interview import store as sessions
from core.config import Settings
from tests.conftest import run_shirube
from tests.interview.plan_change import PROFILE
from tools.assess import assess

pytestmark = pytest.mark.team


def test_deleting_a_session_forgets_its_plan_stamp(settings: Settings, env: dict[str, str]) -> None:
    with sessions.opened(settings) as conn:
        sessions.register_session(conn, "feedc0de", "interview", "Support chatbot")
    with sessions.opened_local(settings) as local:
        stamps.remember(local, "feedc0de", assess(PROFILE))
        stamps.remember(local, "0therone", assess(PROFILE))
    done = run_shirube("sessions", "delete", "feedc0de", env=env)
    assert done.returncode == 0, done.stderr
    with sessions.opened_local(settings) as local:
        assert stamps.stamped(local) == {"0therone"}  # only the deleted session's stamp is gone

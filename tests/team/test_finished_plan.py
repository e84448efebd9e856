"""A finished interview's plan is kept on this machine first, then in the team's store; with the
team's database down it is kept locally and the message says how to send it later."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.interview import plan_service
from agent.interview import store as sessions
from agent.interview.plan_sqlite import SqlitePlanStore
from core.config import Settings
from core.storage import StorageError
from tests.integration.chroma_server import free_port
from tests.interview.plan_change import PROFILE

pytestmark = pytest.mark.team


def test_the_plan_is_kept_here_and_in_the_team_store(settings: Settings) -> None:
    with sessions.opened_local(settings) as conn:
        plan_service.save_finished(SqlitePlanStore(conn), settings, "f1n15hed", PROFILE)
        assert SqlitePlanStore(conn).get("f1n15hed") is not None
    with plan_service.opened(settings) as store:  # the shared one when a URL is set
        plan = store.get("f1n15hed")
        assert plan is not None and [c.who for c in store.history("f1n15hed")] == [settings.who]


def test_a_database_that_is_down_keeps_the_plan_here_and_says_how_to_send_it(
    tmp_path: Path,
) -> None:
    url = f"postgresql://team:s3cret@127.0.0.1:{free_port()}/shirube"
    settings = Settings(home=tmp_path, database_url=url, user="alice")
    with sessions.opened_local(settings) as conn:
        with pytest.raises(StorageError) as err:
            plan_service.save_finished(SqlitePlanStore(conn), settings, "f1n15hed", PROFILE)
        assert SqlitePlanStore(conn).get("f1n15hed") is not None  # nothing typed is lost
    message = str(err.value)
    assert "Cannot reach the shared database" in message and "s3cret" not in message
    assert "saved on this machine" in message
    assert 'shirube sessions migrate --to "$SHIRUBE_DATABASE_URL"' in message

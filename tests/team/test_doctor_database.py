"""`shirube doctor` on a team's PostgreSQL: reachable, schema version, writable; a fix line each."""

from __future__ import annotations

import pytest

from agent.doctor_storage import check_database
from agent.interview.plan_schema import LATEST
from core.config import Settings
from tests.integration.chroma_server import free_port

pytestmark = pytest.mark.team


def test_doctor_reads_the_schema_version_and_writes_nothing(settings: Settings, saved: str) -> None:
    check = check_database(settings)
    if settings.database_url is None:
        assert check is None  # the local SQLite has its own check
        return
    assert check is not None and check.status == "ok", check
    assert f"reachable, writable, schema version {LATEST}" in check.detail
    assert check_database(settings) == check  # the rolled-back probe left nothing behind


def test_doctor_says_how_to_fix_a_database_that_is_down(tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = f"postgresql://team:s3cret@127.0.0.1:{free_port()}/shirube"
    check = check_database(Settings(home=tmp_path, database_url=url))
    assert check is not None and check.status == "fail"
    assert "cannot be reached" in check.detail and "s3cret" not in check.detail
    assert check.fix and "SHIRUBE_DATABASE_URL" in check.fix

"""The team tier: the same plan-store tests on SQLite and on a real PostgreSQL.

PostgreSQL runs from Debian's binaries in a temp dir (tests/team/pg_server.py); without the
binaries or psycopg, the PostgreSQL cases skip and say how to get them (`make test-team`).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.config import Settings
from tests.interview.plan_change import PROFILE
from tests.team.pg_server import binaries, fresh_database, postgres_server

PLAN = "7ea70001"
BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    if binaries() is None:
        pytest.skip(
            "PostgreSQL binaries (initdb, pg_ctl) not found in PATH or /usr/lib/postgresql/*/bin; "
            "`make test-team` installs them (apt-get install postgresql)"
        )
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("psycopg is not installed: pip install -e '.[team]' (make test-team does)")
    with postgres_server() as url:
        yield url


@pytest.fixture(params=BACKENDS)
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    """Settings for one backend: SQLite in tmp_path, or a fresh PostgreSQL database."""
    url = None
    if request.param == "postgresql":
        server = request.getfixturevalue("postgres_url")
        url = fresh_database(server, f"t_{uuid.uuid4().hex[:12]}")
    return Settings(home=tmp_path, database_url=url, offline=True)


@pytest.fixture
def env(settings: Settings) -> dict[str, str]:
    """The environment that points a `shirube` process at the same store."""
    return {
        "SHIRUBE_HOME": str(settings.data_dir),
        "SHIRUBE_DATABASE_URL": settings.database_url or "",
        "SHIRUBE_OFFLINE": "1",
    }


@pytest.fixture
def saved(settings: Settings) -> str:
    """A plan saved by 'lead' (version 1), its id."""
    from agent.interview import plan_service

    with plan_service.opened(settings) as store:
        plan_service.save(store, PLAN, PROFILE, who="lead")
    return PLAN

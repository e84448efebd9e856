"""SHIRUBE_DATABASE_URL: a bad value or a database that is down is one clear message, exit 2,
and never shows the password."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_shirube
from tests.integration.chroma_server import free_port


def test_a_url_that_is_not_postgresql_names_the_form(tmp_path: Path) -> None:
    env = {"SHIRUBE_HOME": str(tmp_path), "SHIRUBE_DATABASE_URL": "mysql://u:s3cret@h/db"}
    done = run_shirube("plan", "show", "7ea70001", env=env)
    assert done.returncode == 2
    message = " ".join(done.stderr.split())
    assert "SHIRUBE_DATABASE_URL" in message and "postgresql://user:password@host:5432" in message
    assert "s3cret" not in done.stderr and "Traceback" not in done.stderr


def test_a_database_that_is_down_says_so_and_how_to_fix_it(tmp_path: Path) -> None:
    url = f"postgresql://team:s3cret@127.0.0.1:{free_port()}/shirube"  # nothing listens there
    env = {"SHIRUBE_HOME": str(tmp_path), "SHIRUBE_DATABASE_URL": url}
    done = run_shirube("plan", "set", "7ea70001", "risk_assessment", "--status", "done", env=env)
    assert done.returncode == 2
    message = " ".join(done.stderr.split())
    assert "Cannot reach the shared database postgresql://team:***@127.0.0.1" in message
    assert "unset it to work on this machine's SQLite" in message
    assert "s3cret" not in done.stderr and "Traceback" not in done.stderr

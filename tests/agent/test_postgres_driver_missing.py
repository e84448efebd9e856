"""Without the team extra, a PostgreSQL URL gives one message with the install command that
works from a clone (Shirube is not on a package index)."""

from __future__ import annotations

import sys

import pytest

from core.storage import StorageError

URL = "postgresql://u:secret@127.0.0.1:9/shirube"


@pytest.fixture
def no_psycopg(monkeypatch: pytest.MonkeyPatch) -> None:
    cached = ("psycopg", "agent.interview.store_postgres")
    for name in [m for m in sys.modules if m.startswith(cached)]:
        monkeypatch.delitem(sys.modules, name)
    # `from agent.interview import store_postgres` finds an earlier import on the package itself
    # (a test run before this one in the worker), whatever sys.modules says.
    import agent.interview

    monkeypatch.delattr(agent.interview, "store_postgres", raising=False)
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg → ImportError


@pytest.mark.usefixtures("no_psycopg")
def test_plans_and_sessions_name_the_clone_install() -> None:
    from agent.interview import plan_postgres, store

    clone_install = r"pip install -e '\.\[team\]'"
    with pytest.raises(StorageError, match=clone_install) as plans, plan_postgres.connect(URL):
        pass
    with pytest.raises(StorageError, match=clone_install) as sessions:
        store.connect_shared(URL, 1.0)
    assert str(plans.value) == str(sessions.value)
    assert "shirube[team]" not in str(plans.value)

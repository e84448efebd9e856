"""Fault tests share the run's search index (built once in the session data dir)."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.config import Settings


@pytest.fixture(scope="session")
def index_home(session_home: Path) -> Path:
    from knowledge.index.store import ensure_index

    ensure_index(Settings(home=session_home), progress=False)
    return session_home

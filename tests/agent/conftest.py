"""Agent tests share one search index, built once per run in the session data dir."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from core.config import Settings


@pytest.fixture(scope="session")
def settings(session_home) -> Iterator[Settings]:
    from knowledge.index.store import ensure_index

    built = Settings(home=session_home)
    ensure_index(built, progress=False)
    yield built

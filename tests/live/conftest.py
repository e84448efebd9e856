"""The live tier: skipped unless SHIRUBE_LIVE=1 (set by `make test-live`), which names the server.

tests/conftest.py points OLLAMA_HOST at a closed port for every other test, so the live tier
reads its own variables: SHIRUBE_LIVE_HOST (the shim or a real Ollama) and SHIRUBE_LIVE_MODEL.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from core.config import Settings

LIVE = os.environ.get("SHIRUBE_LIVE") == "1"
SKIP_REASON = (
    "live tier: needs a real model server; run `make test-live` (it sets SHIRUBE_LIVE=1 and "
    "serves SmolLM2 through tests/live/ollama_shim.py, or uses OLLAMA_HOST when set)"
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # Only tests marked `live` need the server; the shim's pure helpers run in `make test` too.
    if LIVE:
        return
    for item in items:
        if item.get_closest_marker("live") is not None:
            item.add_marker(pytest.mark.skip(reason=SKIP_REASON))


@pytest.fixture(scope="session")
def live_settings(session_home: Path) -> Settings:
    from knowledge.index.store import ensure_index

    settings = Settings(
        home=session_home,
        ollama_host=os.environ.get("SHIRUBE_LIVE_HOST", "http://127.0.0.1:11434"),
        model=os.environ.get("SHIRUBE_LIVE_MODEL", "smollm2"),
        read_timeout=float(os.environ.get("SHIRUBE_LIVE_READ_TIMEOUT", "300")),
    )
    ensure_index(settings, progress=False)
    return settings


@pytest.fixture(scope="session")
def live_report() -> Any:
    """Rows the agent tests append; written as JSON for tests/live/report.py at the end."""
    rows: list[dict[str, Any]] = []
    yield rows
    path = Path(os.environ.get("SHIRUBE_LIVE_REPORT", "results/live/agent.json"))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

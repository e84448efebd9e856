"""Chat fixtures: settings on the suite's data dir (index built once) and plain profile files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from agent.chat.thread import ChatThread
from core.config import Settings
from tests.conftest import REPO_ROOT

SCENARIOS = REPO_ROOT / "tests" / "tools" / "scenarios"


@pytest.fixture(scope="session")
def chat_settings(session_home: Path) -> Settings:
    from knowledge.index.store import ensure_index

    settings = Settings(home=session_home)
    ensure_index(settings, progress=False)
    return settings


@pytest.fixture
def thread(chat_settings: Settings) -> Iterator[ChatThread]:
    with ChatThread.start(chat_settings, offline=True) as opened:
        yield opened


def scenario_profile(name: str) -> dict[str, object]:
    return yaml.safe_load((SCENARIOS / f"{name}.yaml").read_text(encoding="utf-8"))["profile"]


@pytest.fixture
def profile_file(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write a scenario's profile as a plain profile file; returns its path."""

    def write(name: str) -> Path:
        path = tmp_path / f"{name}.yaml"
        path.write_text(yaml.safe_dump(scenario_profile(name)), encoding="utf-8")
        return path

    return write

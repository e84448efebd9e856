"""The sessions dialog says when today's rule base changes a saved plan."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import OptionList

from agent.interview import stamps, store
from core.config import Settings
from tests.interview.plan_change import PROFILE, use
from tests.interview.plan_change import after as after  # the fixture
from tests.tui.conftest import Running
from tools.assess import assess
from tools.plan_diff import diff_plan
from tui.screens.sessions import SessionsScreen

pytestmark = pytest.mark.anyio


@pytest.fixture
def saved_plan() -> Iterator[str]:
    with store.opened(Settings()) as conn:
        store.register_session(conn, "feedc0de", "interview", "Support chatbot")
        stamps.remember(conn, "feedc0de", assess(PROFILE))
    yield "feedc0de"


async def _label(running: Running, session_id: str) -> str:
    async with running("f3") as pilot:
        dialog = pilot.app.screen
        assert isinstance(dialog, SessionsScreen)
        return str(dialog.query_one(OptionList).get_option(session_id).prompt)


async def test_an_unchanged_plan_says_nothing(running: Running, saved_plan: str) -> None:
    assert "rule base changed" not in await _label(running, saved_plan)


async def test_a_changed_plan_says_how_many_changes(
    running: Running, saved_plan: str, after: Path
) -> None:
    with store.opened(Settings()) as conn:
        saved = stamps.stamps(conn)[saved_plan]
    use(after)
    count = len(diff_plan(saved).changes)
    assert count >= 3
    label = " ".join((await _label(running, saved_plan)).split())
    assert f"rule base changed since this plan: {count} changes" in label

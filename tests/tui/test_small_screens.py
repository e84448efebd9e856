"""At 80×24 the interview shows every choice and its buttons whole."""

from __future__ import annotations

import pytest
from textual.geometry import Region
from textual.widgets import Button, Input

from tests.tui.conftest import Running, settle
from tui.screens.interview import InterviewScreen
from tui.screenshots import SMALL

pytestmark = pytest.mark.anyio


def _whole(button: Button, screen: Region) -> bool:
    """On screen, unclipped, and wide enough for its label."""
    region = button.region
    return (
        screen.contains_region(region)
        and button.size.height >= 1
        and button.content_region.width >= len(str(button.label))
    )


async def test_interview_at_80x24_shows_all_choices_and_whole_buttons(running: Running) -> None:
    async with running("f2", size=SMALL) as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, InterviewScreen)
        for answer in ("Hiring scorer", "Scores video interviews of job candidates"):
            screen.query_one("#answer", Input).value = answer
            await pilot.press("enter")
            await settle(pilot)
        choices = list(screen.query(".choice").results(Button))
        assert len(choices) >= 5  # the organisation question
        visible = screen.query_one("#question-area").region
        for choice in choices:
            assert visible.contains_region(choice.region), str(choice.label)
            assert _whole(choice, screen.region), str(choice.label)
        for button in screen.query("#interview-buttons Button").results(Button):
            assert _whole(button, screen.region), str(button.label)
        assert screen.query_one("#answer", Input).region.bottom <= SMALL[1]
        screen.action_leave()

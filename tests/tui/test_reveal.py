"""A verified model answer "streams in" word by word; offline answers appear whole at once."""

from __future__ import annotations

import time

import pytest
from textual.pilot import Pilot

from tests.fakes import fake_model
from tests.tui.conftest import Running, settle
from tui.widgets.answer import AnswerView, CitationItem

pytestmark = pytest.mark.anyio

# An opening the prose check accepts (every claim is in the facts), so the answer is the model's
# and is revealed; with the engine's answer after it, long enough for many word groups.
REPLY = "Yes. Japan has an AI Act, the AI Promotion Act, passed by the Diet in 2025."
SLOW = 3600.0  # one tick an hour: nothing advances unless the test (or the app) says so


async def _ask(pilot: Pilot[None], question: str) -> AnswerView:
    await pilot.click("#question")
    await pilot.press(*question, "enter")
    await settle(pilot)
    return list(pilot.app.screen.query(AnswerView))[-1]


def _sources_shown(view: AnswerView) -> bool:
    items = list(view.query(CitationItem))
    return bool(items) and all(item.display for item in items)


async def test_model_answer_is_partial_mid_reveal_then_whole_with_citations(
    running: Running,
) -> None:
    async with running(chat_model=fake_model([REPLY] * 4), reveal_interval=SLOW) as pilot:
        app = pilot.app
        view = await _ask(pilot, "Does Japan have an AI Act?")
        full = view.answer.answer
        assert view.answer.mode.startswith("model:")
        assert view.revealing and view.shown_text == ""
        assert not _sources_shown(view), "no sources before the answer is shown"
        await view._tick()  # one word group, as the timer would
        partial = view.shown_text
        assert partial and len(partial) < len(full)
        assert full.startswith(partial)
        assert not _sources_shown(view)
        # Hidden citations take no focus: Tab cannot reach a source not yet shown.
        chain = app.screen.focus_chain
        assert not any(item in chain for item in view.query(CitationItem))
        view.finish_reveal()
        await settle(pilot)
        assert not view.revealing
        assert view.shown_text == full
        assert _sources_shown(view)
        assert "ai_promotion_act" in [c.id for c in view.answer.citations]
        assert view.query_one(".answer-mode").display


async def test_reveal_runs_to_the_end_on_its_own(running: Running) -> None:
    async with running(chat_model=fake_model([REPLY] * 4), reveal_interval=0.01) as pilot:
        view = await _ask(pilot, "Does Japan have an AI Act?")
        deadline = time.monotonic() + 30  # generous: the CI machine may be busy
        while view.revealing and time.monotonic() < deadline:
            await pilot.pause(0.05)
        await pilot.pause()
        assert not view.revealing
        assert view.shown_text == view.answer.answer
        assert _sources_shown(view)


async def test_a_new_question_shows_the_last_answer_whole_at_once(running: Running) -> None:
    async with running(chat_model=fake_model([REPLY] * 6), reveal_interval=SLOW) as pilot:
        first = await _ask(pilot, "Does Japan have an AI Act?")
        assert first.revealing
        await _ask(pilot, "Are the AI Guidelines for Business binding?")
        assert not first.revealing
        assert first.shown_text == first.answer.answer
        assert _sources_shown(first)


async def test_leaving_the_chat_finishes_the_reveal(running: Running) -> None:
    async with running(chat_model=fake_model([REPLY] * 4), reveal_interval=SLOW) as pilot:
        view = await _ask(pilot, "Does Japan have an AI Act?")
        assert view.revealing
        await pilot.press("f1")
        await settle(pilot)
        assert not view.revealing
        assert view.shown_text == view.answer.answer
        assert _sources_shown(view)


async def test_offline_answer_is_whole_at_once_even_with_a_reveal_interval(
    running: Running,
) -> None:
    async with running(reveal_interval=SLOW) as pilot:
        view = await _ask(pilot, "Does Japan have an AI Act?")
        assert view.answer.mode == "offline"
        assert not view.revealing
        assert view.shown_text == view.answer.answer
        assert _sources_shown(view)

"""Chat: ask, see the answer with numbered citations, open one, copy, and the offline notice."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from tests.fakes import fake_model
from tests.tui.conftest import SIZE, messages, settle
from tui.screens.citation import CitationScreen
from tui.screens.help import HelpScreen
from tui.widgets.answer import AnswerView, CitationItem
from tui.widgets.status import StatusBar

pytestmark = pytest.mark.anyio

# Its answer cites the AI Promotion Act at an article, so the citation shows a section.
CITES_A_SECTION = "Does the AI Promotion Act have penalties?"


async def _ask(pilot, question: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.click("#question")
    await pilot.press(*question, "enter")
    await settle(pilot)


async def test_offline_answer_shows_numbered_citations(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _ask(pilot, CITES_A_SECTION)
        view = app.screen.query_one(AnswerView)
        answer = view.answer
        assert answer.mode == "offline"
        assert answer.scope == "in"
        assert "ai_promotion_act" in [c.id for c in answer.citations]
        items = list(app.screen.query(CitationItem))
        assert [i.number for i in items] == list(range(1, len(answer.citations) + 1))
        first = str(items[0].render())
        assert first.startswith("[1] ")
        assert answer.citations[0].section and answer.citations[0].section in first
        # The starters go away once the chat has begun.
        assert not app.screen.query("#starters")


async def test_fake_model_answer_goes_through_ask(make_app) -> None:  # type: ignore[no-untyped-def]
    reply = "Japan's AI Promotion Act is a framework law [ai_promotion_act]."
    app = make_app(chat_model=fake_model([reply]))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _ask(pilot, "Does Japan have an AI Act?")
        answer = app.screen.query_one(AnswerView).answer
        assert answer.mode.startswith("model:")
        assert "framework law" in answer.answer
        assert answer.citations, "a model answer still carries its citations"
        assert "online" in str(app.screen.query_one(StatusBar).render())
        assert not any("Model unavailable" in m for m in messages(app))


async def test_opening_a_citation_shows_the_instrument(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _ask(pilot, CITES_A_SECTION)
        citation = app.screen.query_one(AnswerView).answer.citations[0]
        app.screen.query_one("#cite-1-1").focus()
        await pilot.press("enter")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, CitationScreen)

        def text(selector: str) -> str:
            return str(modal.query_one(selector, Static).render())

        assert citation.title in text("#citation-title")
        assert citation.section and citation.section in text("#citation-section")
        assert "binding statute without penalties" in text("#citation-force")
        assert "2025-06-04" in text("#citation-dates")
        assert "https://laws.e-gov.go.jp/" in text("#citation-url")
        await pilot.press("escape")
        assert not isinstance(app.screen, CitationScreen)


async def test_clicking_a_starter_asks_it_and_copy_takes_the_answer(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+y")
        assert "Nothing to copy yet: ask a question first." in messages(app)
        await pilot.click("#starter-1")
        await settle(pilot)
        answer = app.screen.query_one(AnswerView).answer
        assert answer.question == "Does Japan have an AI Act?"
        await pilot.press("ctrl+y")
        assert app.clipboard == answer.answer
        assert "Copied the last answer to the clipboard." in messages(app)


async def test_model_down_becomes_a_notification(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert (
            "Model unavailable: no Ollama server answered at http://127.0.0.1:9. "
            "Answers come from the rule base."
        ) in messages(app)
        assert "offline (rule base)" in str(app.screen.query_one(StatusBar).render())


async def test_empty_question_is_refused_with_a_hint(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.click("#question")
        await pilot.press("enter")
        await settle(pilot)
        assert "Type a question first, e.g. 'Does Japan have an AI Act?'" in messages(app)
        assert not app.screen.query(AnswerView)


async def test_f1_lists_the_keys(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_a_model_failing_on_a_japanese_question_warns_too(make_app) -> None:  # type: ignore[no-untyped-def]
    # The warning follows the answer's typed ModelStatus, not the words of its notice.
    from langchain_core.language_models.fake_chat_models import GenericFakeChatModel

    class Failing(GenericFakeChatModel):
        def _generate(self, *args: object, **kwargs: object) -> object:
            raise ConnectionError("gone")

    app = make_app(chat_model=Failing(messages=iter([])))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _ask(pilot, "日本にAI法はありますか？")
        assert app.screen.query_one(AnswerView).answer.mode == "offline"
        assert any(m.startswith("Model unavailable: ") for m in messages(app))


async def test_a_use_case_answer_points_to_the_interview_key_not_the_cli(make_app) -> None:  # type: ignore[no-untyped-def]
    from tui.widgets.history_input import HistoryInput

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.query_one(
            "#question", HistoryInput
        ).value = "our hiring AI ranks candidates, what rules apply?"
        await pilot.press("enter")
        await settle(pilot)
        text = app.screen.query_one(AnswerView).answer.answer
        assert "press F2 for the interview" in text
        assert "shirube interview" not in text and "shirube assess" not in text

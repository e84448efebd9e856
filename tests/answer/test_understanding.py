"""Understanding questions as users type them: watch lines by facet, a body's instruments,
typos in whole words and names, follow-ups that reuse the subject and facet, premises stated as
given."""

from __future__ import annotations

from agent.answer.reader import default_reader
from agent.answer.select import watch_items
from agent.answer.understand import understand
from knowledge.schema import Facet


def _watch(question: str, history: list[str] | None = None) -> list[str]:
    query = understand(question, default_reader(), history=history)
    return [item.id for item in watch_items(query.parts)]


def test_a_watch_line_comes_only_with_the_facet_it_bears_on() -> None:
    # The five-priorities report is about what the guideline says, not when it was adopted.
    assert _watch("When was the Article 13 guideline adopted?") == []
    assert _watch("What does the Article 13 guideline ask businesses to do?") == [
        "art13_guideline_five_priorities"
    ]
    # A reported revision is about the plan's dates, not who prepares it.
    assert _watch("Who prepares the AI Basic Plan?") == []
    assert _watch("When was the AI Basic Plan adopted?") == ["ai_basic_plan_revision_2026"]


def test_every_watch_item_bears_on_what_a_thing_is() -> None:
    from knowledge.watchlist import load_watchlist

    assert all(Facet.what in item.facets for item in load_watchlist())

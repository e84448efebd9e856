"""A date answer cites the instrument that dates each event, not every source of the body."""

from __future__ import annotations

from agent.answer.reader import default_reader
from agent.answer.select import date_facts
from knowledge.schema import Fact


def _sources(facts: list[Fact]) -> dict[str, set[str]]:
    return {f.text: {c.source for c in f.cites} for f in facts}


def test_each_dated_event_of_a_body_cites_its_own_instrument() -> None:
    facts = date_facts(
        ["ai_strategic_hq"], default_reader(), "When did the AI Strategic HQ first meet?"
    )
    cited = _sources(facts)
    assert cited, "the first meeting is dated"
    # The Basic Plan dates nothing the Headquarters did; no date line cites it.
    assert all("ai_basic_plan" not in s for s in cited.values())
    assert all(len(s) == 1 for s in cited.values())


def test_the_body_s_event_in_an_instrument_does_not_make_the_instrument_named() -> None:
    # "decided by the AI Strategic Headquarters" shares only the body's name with the question.
    for asked in (
        "When did the AI Strategy Headquarters first meet?",
        "人工知能戦略本部はいつ設置されましたか？",
    ):
        facts = date_facts(["ai_strategic_hq"], default_reader(), asked)
        assert facts and not any(f.id.startswith("date_art13_guideline") for f in facts), asked

"""The answer engine on the fixture rule base: the rule base is passed in, never reached for."""

from __future__ import annotations

import datetime as dt

import pytest

from agent.answer.compose import compose
from agent.answer.reader import Reader
from agent.answer.understand import understand
from tests.fixtures import fixture_rule_base


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader(fixture_rule_base())


def test_reader_links_and_spots_premises_in_the_rule_base_it_was_given(reader: Reader) -> None:
    assert reader.linker.link("Is the Art. 13 guideline binding?") == ["art13_guideline"]
    assert reader.premises_in("Are there fines under the AI Promotion Act?") == ["ai_fines"]
    # Entities outside the fixture are unknown to this reader (the real rule base has them).
    assert reader.linker.link("Does the Copyright Act apply?") == []


def test_penalty_question_is_answered_from_the_fixture_sources(reader: Reader) -> None:
    query = understand("Are there fines under the AI Promotion Act?", reader=reader)
    composed = compose(query, reader, {})
    assert composed.text.startswith("No.")
    assert [c.id for c in composed.citations] == ["ai_promotion_act"]
    assert set(composed.fact_ids) <= set(reader.rule_base.facts) | {"force_ai_promotion_act"}


def test_ask_answers_from_the_rule_base_passed_in() -> None:
    import dataclasses

    from agent.qa import ask

    rb = fixture_rule_base()
    source = rb.sources["ai_promotion_act"]
    renamed = source.model_copy(update={"short_name": "Fixture Act", "title_en": "Fixture Act"})
    meta = rb.meta.model_copy(update={"as_of": dt.date(2001, 2, 3)})
    given = dataclasses.replace(rb, sources={**rb.sources, source.id: renamed}, meta=meta)

    answer = ask("Are there fines under the AI Promotion Act?", offline=True, rule_base=given)

    assert "Fixture Act" in answer.answer
    assert answer.rule_base_as_of == dt.date(2001, 2, 3)
    assert [c.title for c in answer.citations] == ["Fixture Act"]


def test_a_chat_thread_answers_from_the_rule_base_passed_in(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    from agent.chat.thread import ChatThread
    from core.config import Settings

    monkeypatch.setenv("SHIRUBE_HOME", str(tmp_path))
    rb = fixture_rule_base()
    source = rb.sources["ai_promotion_act"]
    renamed = source.model_copy(update={"short_name": "Fixture Act", "title_en": "Fixture Act"})
    given = dataclasses.replace(rb, sources={**rb.sources, source.id: renamed})

    thread = ChatThread.start(Settings(), offline=True, rule_base=given)
    try:
        turn = thread.ask("Are there fines under the AI Promotion Act?")
        assert "Fixture Act" in turn.answer
        assert [c.title for c in turn.citations] == ["Fixture Act"]
        assert thread.topic is not None and thread.topic.subject == "the Fixture Act"
    finally:
        thread.close()

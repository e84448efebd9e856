"""Local governments are an entity apart from the national ministries (issue 15)."""

from __future__ import annotations

import pytest

from agent.answer.reader import default_reader
from agent.answer.understand import understand


@pytest.mark.parametrize("words", ["prefectures", "city hall", "都道府県", "市区町村", "自治体"])
def test_local_governments_are_not_ministries(words: str) -> None:
    linked = default_reader().linker.link(f"what about {words}?")
    assert "local_government" in linked
    assert "government_body" not in linked


def test_a_follow_up_on_prefectures_is_asked_of_them() -> None:
    query = understand(
        "じゃあ都道府県は？", history=["デジタル庁の生成AIガイドラインは誰に適用されますか"]
    )
    assert query.parts[0].entities == ["da_genai_guideline", "local_government"]


def test_whom_a_text_applies_to_is_its_scope() -> None:
    query = understand("Who does the Digital Agency's generative AI guideline apply to?")
    assert query.parts[0].facet == "scope"


def test_a_follow_up_on_prefectures_in_english_is_answered_by_the_scope_fact() -> None:
    query = understand(
        "what about prefectures?",
        history=["Who does the Digital Agency's generative AI guideline apply to?"],
    )
    assert query.parts[0].entities == ["da_genai_guideline", "local_government"]
    assert query.parts[0].facet == "scope"

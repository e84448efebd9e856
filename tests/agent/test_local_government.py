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


@pytest.mark.parametrize(
    ("question", "duty"),
    [
        ("Does the AI Promotion Act bind our city hall?", "local governments are to carry out"),
        ("AI推進法は自治体を拘束しますか", "地方公共団体は"),
    ],
)
def test_whether_the_act_binds_a_local_government_says_what_it_asks_of_one(
    question: str, duty: str
) -> None:
    from agent.qa import ask

    lead = ask(question, offline=True).answer.split("\n\n")[0]
    assert duty in lead, lead  # Article 5, not the businesses' Article 7 note
    assert "Businesses that use AI" not in lead and "活用する事業者" not in lead, lead

"""Issue 15, found by hand: whether a named law exists is no question about what the regime
lacks; another jurisdiction's 'AI Act' is not Japan's; an off-topic fragment follows nothing up."""

from __future__ import annotations

import pytest

from agent.answer.guard import classify
from agent.answer.reader import default_reader
from agent.answer.understand import understand
from agent.qa import ask
from knowledge.schema import Facet

APPI_GENAI = "Does the APPI apply to generative AI?"


@pytest.mark.parametrize(
    "question",
    ["Is there an AI law in Japan?", "Is there an AI regulation in Japan?"],
)
def test_whether_a_named_law_exists_is_answered_yes_with_the_act(question: str) -> None:
    answer = ask(question, offline=True).answer
    first = answer.split("\n")[0]
    assert first.startswith("Yes"), answer
    assert "AI Promotion Act" in first, answer
    assert "prohibited" not in answer.split("[")[0], answer


def test_an_existence_question_about_a_thing_no_name_covers_stays_a_does_not() -> None:
    part = understand("Is there a licence requirement for AI in Japan?").parts[0]
    assert part.facet == Facet.does_not


@pytest.mark.parametrize(
    "question",
    [
        "Does Colorado's AI Act apply to us?",
        "What does California's AI law require?",
        "Is China's AI law binding?",
    ],
)
def test_another_jurisdiction_s_ai_law_is_out_of_scope(question: str) -> None:
    assert "ai_promotion_act" not in default_reader().linker.link(question)
    assert classify(question) == ("out", False)


def test_japan_s_own_ai_act_still_links() -> None:
    assert "ai_promotion_act" in default_reader().linker.link("Does Japan's AI Act apply to us?")
    assert classify("Does the AI Act apply to us?") == ("in", False)


@pytest.mark.parametrize("fragment", ["今日の天気は？", "and the weather?", "what about lunch?"])
def test_an_off_topic_fragment_is_no_follow_up(fragment: str) -> None:
    from agent.answer.follow_up import refers_back

    assert not refers_back(fragment)
    assert understand(fragment, history=[APPI_GENAI]).parts[0].entities == []


@pytest.mark.parametrize("fragment", ["罰則は？", "いつから？", "誰が？", "and when?"])
def test_a_fragment_asking_a_facet_still_follows_up(fragment: str) -> None:
    from agent.answer.follow_up import refers_back

    assert refers_back(fragment)
    assert "appi" in understand(fragment, history=[APPI_GENAI]).parts[0].entities


@pytest.mark.parametrize(
    "question",
    [
        "Does Japan have AI regulation?",
        "Does Japan have AI rules?",
        "Is AI regulated in Japan?",
        "are there AI laws in japan",
    ],
)
def test_whether_japan_regulates_ai_at_all_is_answered_yes(question: str) -> None:
    # Without an article ('have AI regulation'), or asked of AI ('Is AI regulated …?').
    answer = ask(question, offline=True).answer
    assert answer.startswith("Yes."), answer
    assert "AI Promotion Act" in answer


@pytest.mark.parametrize(
    "question",
    ["We're a SaaS startup. Does the AI Act apply to us?", "Does the AI Act apply to us?"],
)
def test_whether_the_act_applies_to_the_asker_is_answered_yes_with_article_7(question: str) -> None:
    # A context sentence before it leaves the question a yes/no one; 'us' is a business.
    answer = ask(question, offline=True).answer
    assert answer.startswith("Yes."), answer
    assert "Article 7" in answer.split("\n")[0] or "Article 7" in answer, answer
    assert "says" not in answer


def test_which_body_to_report_to_is_answered_by_there_being_no_such_duty() -> None:
    # 'Which authority do I report … to?' presupposes a reporting duty: that is corrected first.
    assert default_reader().premises_in("Which authority do I report AI incidents to?")
    answer = ask("Which authority do I report AI incidents to?", offline=True).answer
    assert "no duty" in answer.split("\n")[0], answer

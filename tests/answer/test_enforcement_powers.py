"""What the government can do to a business (issue 15): a question about a power to order, stop,
shut down, suspend or inspect asks the penalty facet, is answered 'No' from the Act's own facts
with what Article 16 does let the government do, and a regulator that holds such powers under
existing law (the PPC under the APPI) is answered 'Yes'."""

from __future__ import annotations

import pytest

from agent.answer.understand import understand
from evals.answer_checks import contains, first_sentence
from knowledge.schema import Facet


@pytest.mark.parametrize(
    "question",
    [
        "can the government order us to stop using an AI model?",
        "Can the AI Strategic Headquarters shut down our service?",
        "Will the government inspect our AI systems?",
        "what powers does the government have under the AI act?",
        "国は当社のAIの利用を停止させることができますか？",
        "AI推進法に基づいて立入検査はありますか？",
        "政府はAIの使用中止を命令できますか",
    ],
)
def test_a_question_about_a_power_asks_the_penalty_facet(question: str) -> None:
    assert understand(question).parts[0].facet == Facet.penalty


@pytest.mark.parametrize(
    ("question", "no", "what_it_can"),
    [
        ("can the government order us to stop using an AI model?", "No", "guidance"),
        ("Will the government inspect our AI systems?", "No", "guidance"),
        ("国は当社のAIの利用を停止させることができますか？", "いいえ", "指導"),
        ("AI推進法に基づいて立入検査はありますか？", "いいえ", "指導"),
    ],
)
def test_a_power_the_act_does_not_give_is_answered_no_then_article_16(  # type: ignore[no-untyped-def]
    offline, question: str, no: str, what_it_can: str
) -> None:
    answer = offline(question)
    assert answer.route == "lookup"
    assert contains(first_sentence(answer.answer), no, whole_word=True)
    assert contains(answer.answer, what_it_can)
    assert any(c.id == "ai_promotion_act" for c in answer.citations)


@pytest.mark.parametrize(
    ("question", "yes"),
    [
        ("can the PPC order us to stop putting customer data into our AI tool?", "Yes"),
        ("個人情報保護委員会は当社に命令を出せますか？", "はい"),
    ],
)
def test_a_regulator_with_powers_under_existing_law_is_answered_yes(  # type: ignore[no-untyped-def]
    offline, question: str, yes: str
) -> None:
    answer = offline(question)
    assert contains(first_sentence(answer.answer), yes, whole_word=True)
    assert any(c.id == "appi" for c in answer.citations)


def test_a_power_asked_of_a_named_use_adds_what_the_regime_lets_the_government_do(  # type: ignore[no-untyped-def]
    offline,
) -> None:
    answer = offline("could the government force us to switch off our customer chatbot?")
    assert contains(answer.answer, "guidance"), answer.answer

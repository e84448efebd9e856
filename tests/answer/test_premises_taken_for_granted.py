"""A false premise a question takes for granted rather than asks (premise4): an audit or order the
AI Promotion Act gives no power for, an order for not following the non-binding guidelines, and no
AI law at all said in a clause that goes on; a plain yes/no question about a power only asks."""

from __future__ import annotations

import pytest

from agent.answer.reader import default_reader
from agent.answer.understand import route_part, understand


def _premises(question: str) -> list[str]:
    reader = default_reader("ja") if any(ord(c) > 0x3000 for c in question) else None
    parts = understand(question, reader).parts if reader else understand(question).parts
    return [p for part in parts for p in part.premises]


@pytest.mark.parametrize(
    "question",
    [
        "The AI Strategic Headquarters inspects AI models at private companies every year. "
        "What should we do to get ready for the inspection?",
        "When the Cabinet Office issues a suspension order under the AI Promotion Act, how long "
        "do we have to comply?",
        "How should a mid-size bank prepare for the government's annual AI audit under the AI Act?",
        "人工知能戦略本部の立入検査に備えて、どんな書類を用意すればいいですか？",
        "AI推進法に基づく業務停止命令を受けた場合、どう対応すればいいですか？",
    ],
)
def test_an_audit_or_order_taken_for_granted_is_the_enforcement_belief(question: str) -> None:
    assert "enforcement_powers" in _premises(question)


@pytest.mark.parametrize(
    "question",
    [
        "Can the Cabinet Office order a company to stop using generative AI?",
        "Is the AI HQ allowed to suspend an AI service it considers harmful?",
        "can the PPC order us to stop putting customer data into our AI tool?",
    ],
)
def test_a_power_asked_plainly_or_held_by_a_regulator_is_no_belief(question: str) -> None:
    assert "enforcement_powers" not in _premises(question)


def test_an_order_for_not_following_the_guidelines_believes_them_binding() -> None:
    assert "guidelines_binding" in _premises(
        "AI事業者ガイドラインを守らなかったら、総務省から改善命令を受けるんですよね？"
    )


@pytest.mark.parametrize(
    "question",
    [
        "日本にはAIの法律がまだなくて、ガイドラインがあるだけですよね？",
        "AIに関する法律はまだ無く、指針だけなので、特に何も守らなくていいですか？",
        "Japan only has soft guidelines on AI and no actual AI law yet, correct?",
    ],
)
def test_no_ai_law_said_in_a_clause_that_goes_on_is_the_no_regulation_belief(
    question: str,
) -> None:
    assert "no_regulation" in _premises(question)


def test_the_enforcement_belief_is_refuted_by_the_acts_no_orders_fact() -> None:
    facts = default_reader("en").rule_base.facts
    assert "enforcement_powers" in facts["act_no_orders"].refutes


def test_a_licence_held_of_the_ai_act_is_not_upheld_by_another_statute() -> None:
    """'the conformity assessment under the AI Promotion Act for a medical AI': the device law's
    approval does not make the AI Act's assessment real; the AI Act's 'no licence' corrects it."""
    reader = default_reader("en")
    (part,) = understand(
        "How long does the conformity assessment under the AI Promotion Act take for a medical "
        "imaging AI?"
    ).parts
    assert "licence" in part.premises
    assert route_part(part, reader) == "premise"


def test_a_permit_under_the_statute_named_is_still_upheld() -> None:
    (part,) = understand(
        "Does a Level 4 driverless bus need a permit under the Road Traffic Act?"
    ).parts
    assert route_part(part, default_reader("en")) != "premise"


def test_a_conformity_assessment_taken_for_granted_in_japanese_is_the_licence_belief() -> None:
    assert "licence" in _premises(
        "AI推進法の適合性評価を受けないと、診断支援AIは売れないんですよね？"
    )

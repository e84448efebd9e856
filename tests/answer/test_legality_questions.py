"""Whether a technology is legal ('Are deepfakes illegal?', '顔認証って違法？') asks whether any law
bans it, not how far some law binds: the answer opens with that, then what law applies to its
misuse (issue 15)."""

from __future__ import annotations

import pytest

from agent.answer.guard import classify
from agent.answer.understand import understand
from knowledge.schema import Facet


def _lead(text: str) -> str:
    return text.split("\n\n")[0]


@pytest.mark.parametrize(
    ("question", "opening", "law"),
    [
        ("Are deepfakes illegal?", "No.", "existing criminal law"),
        ("Are deepfakes legal in Japan?", "Yes.", "existing criminal law"),
        ("ディープフェイクって違法ですか？", "いいえ。", "既存の刑事法"),
        ("顔認証って違法？", "いいえ。", "個人情報保護法"),
    ],
)
def test_whether_a_technology_is_legal_is_whether_a_law_bans_it(
    offline,  # type: ignore[no-untyped-def]
    question: str,
    opening: str,
    law: str,
) -> None:
    part = understand(question).parts[0]
    assert part.facet == Facet.does_not and part.yes_no, part
    lead = _lead(offline(question).answer)
    assert lead.startswith(opening) and law in lead, lead
    assert "Labelling" not in lead and "表示" not in lead, lead  # not the labelling fact


def test_an_activity_s_legality_is_still_answered_by_its_law() -> None:
    # Training on others' works is answered by Article 30-4, not by 'nothing bans it'.
    part = understand("AIの学習に他人の著作物を使っても日本の法律上問題ありませんか？").parts[0]
    assert part.facet != Facet.does_not


def test_a_legal_obligation_asked_of_a_practice_stays_its_legal_force() -> None:
    part = understand("is red teaming a legal obligation in japan?").parts[0]
    assert part.facet == Facet.legal_force


def test_breaking_the_guidelines_said_to_be_illegal_is_the_binding_belief() -> None:
    part = understand("Is it illegal to ignore the AI guidelines?").parts[0]
    assert part.premises == ["guidelines_binding"], part


def test_illegal_is_a_word_of_the_law() -> None:
    assert classify("is voice cloning illegal in japan")[0] == "in"


def test_risk_tiers_said_of_japan_are_a_question_on_its_rules() -> None:
    question = "Japan uses the EU's four risk tiers, so which tier is our HR screening tool?"
    assert classify(question)[0] == "in"

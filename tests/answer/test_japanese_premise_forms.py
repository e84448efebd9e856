"""A false premise in Japanese is heard whatever joins its words (issue 18): 'リスクベースの分類',
'リスクに応じた区分' name risk tiers as 'リスク分類' does, as the English cues allow words between
'classification of' and 'risk'."""

from __future__ import annotations

import pytest

from agent.answer.reader import default_reader
from agent.answer.understand import understand


@pytest.mark.parametrize(
    "question",
    [
        "日本のAI法ってEUみたいなリスクベースの分類がありますよね",
        "AI推進法にはリスクに応じた区分がありますか",
        "日本にもリスクの大きさによる分類ってあるの？",
    ],
)
def test_risk_tiers_joined_by_a_particle_are_the_risk_tier_belief(question: str) -> None:
    (part,) = understand(question, default_reader("ja")).parts
    assert "risk_tier" in part.premises, part


def test_a_risk_based_approach_alone_is_no_tier() -> None:
    (part,) = understand("リスクベースアプローチとは何ですか", default_reader("ja")).parts
    assert "risk_tier" not in part.premises, part


def test_a_brand_chatbot_in_katakana_is_the_chatbot() -> None:
    """'チャットGPT' is ChatGPT, a chatbot, as 'ChatGPT' is (issue 18: alias missing)."""
    assert "chatbot" in default_reader("ja").linker.link("チャットGPTを社内で使うときの注意点")


def test_the_risk_based_approach_asked_in_japanese_is_in_scope() -> None:
    """'リスクベースアプローチとは' asks of the guidelines' approach, as the English question
    (answered) does; it was refused as out of scope (issue 18)."""
    from agent.answer.guard import classify

    assert classify("リスクベースアプローチとは") == ("in", False)


def test_guidelines_asked_binding_with_none_named_are_the_binding_belief() -> None:
    # As 'are the guidelines binding?' in English: no guideline named, the belief is corrected.
    for question in ("ガイドラインに法的拘束力はありますか", "ｶﾞｲﾄﾞﾗｲﾝに法的拘束力はありますか"):
        (part,) = understand(question, default_reader("ja")).parts
        assert part.premises == ["guidelines_binding"], part


def test_a_named_guideline_asked_binding_is_asked_plainly() -> None:
    (part,) = understand("AI事業者ガイドラインに拘束力はありますか", default_reader("ja")).parts
    assert part.premises == [] and part.route == "lookup", part

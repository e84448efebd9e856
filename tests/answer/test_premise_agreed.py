"""A belief the asker's own words deny ('There's no AI law that bans X, right?') is confirmed, not
contradicted: 'No.' or 'いいえ' would tell them the opposite of what the answer then says."""

from __future__ import annotations

import pytest

from evals.answer_checks import first_sentence


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("There's no AI law that bans facial recognition, right?", "that's right"),
        ("顔認証を禁止するAIの法律はないですよね？", "はい、そのとおりです"),
        # The denial right before the belief's word, not only a clause before it.
        ("Japan's AI law doesn't ban emotion recognition, correct?", "that's right"),
        ("We don't have to register our AI system with any ministry, right?", "that's right"),
        # A denial inside the words the belief spans ('AI Promotion Act has no penalties').
        ("So the AI Promotion Act has no penalties, right?", "that's right"),
        ("AI推進法ってディープフェイクを禁止してないですよね？", "はい、そのとおりです"),
        ("AI推進法には罰則がないんですよね？", "はい、そのとおりです"),
    ],
)
def test_a_denied_belief_put_up_for_confirmation_is_confirmed(  # type: ignore[no-untyped-def]
    offline, question, opening
) -> None:
    lead = first_sentence(offline(question).answer).lower()
    assert lead.startswith(opening), lead


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("Does Japan's AI Act ban facial recognition?", "no"),  # asked, not denied
        ("Japan has no AI law, right?", "no"),  # the belief is the absence itself
        ("顔認証はAI推進法で禁止されていますよね？", "いいえ"),  # a belief held, not denied
        ("the AI act bans deepfakes, correct?", "no"),
        ("Japan's AI Promotion Act fines companies that don't comply, right?", "no"),  # omission
    ],
)
def test_a_belief_held_or_asked_is_still_corrected(  # type: ignore[no-untyped-def]
    offline, question, opening
) -> None:
    lead = first_sentence(offline(question).answer).lower()
    assert lead.startswith(opening), lead


def test_a_japanese_duty_is_no_denial(offline) -> None:  # type: ignore[no-untyped-def]
    # '置かなければいけない' holds the belief (a duty); its ない denies nothing.
    lead = first_sentence(offline("民間企業もCAIOを置かなければいけないんですよね").answer)
    assert lead.startswith("いいえ"), lead


def test_a_denial_inside_the_belief_s_words_believes_nothing() -> None:
    from agent.answer.understand import understand

    given = "Since the AI Promotion Act has no penalties, why should a startup bother with it?"
    assert all("ai_fines" not in p.premises for p in understand(given).parts)
    held = "Since the AI Promotion Act fines companies, how should we budget?"
    assert any("ai_fines" in p.premises for p in understand(held).parts)


def test_a_named_article_is_not_corrected_by_another_article_s_fact(  # type: ignore[no-untyped-def]
    offline,
) -> None:
    for question in (
        "Under Article 16 of the AI Act the government can fine us, correct?",
        "How much can regulators fine us under Article 13 of the AI Promotion Act?",
    ):
        text = offline(question).answer
        lead = text.split("\n\n")[0]
        assert lead.startswith("No.") and "Article 7" not in lead, text
        assert "Article 7 of the AI Promotion Act carries no penalty" not in text, text

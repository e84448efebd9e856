"""A question about putting AI to a use is in scope even when it does not say "Japan"."""

from __future__ import annotations

import pytest

from agent.answer.guard import classify


@pytest.mark.parametrize(
    "question",
    [
        "our hiring AI ranks candidates, what rules apply?",
        "What should a hospital using AI triage do?",
        "Can our bank use AI for credit scoring?",
        "We're a US startup selling an HR screening tool to Japanese companies. What applies?",
        "Is it legal to use AI to write marketing copy?",
    ],
)
def test_use_case_questions_are_in_scope(question: str) -> None:
    assert classify(question) == ("in", False)


@pytest.mark.parametrize(
    "question",
    [
        "Which AI stocks should I buy this week?",
        "What are China's rules on generative AI labelling and their penalties?",
        "How big can GDPR fines get?",
        "Give me a good recipe for chicken katsu curry.",
    ],
)
def test_other_jurisdictions_and_other_topics_stay_out(question: str) -> None:
    assert classify(question) == ("out", False)


@pytest.mark.parametrize(
    "question",
    [
        "Which authority do I report AI incidents to?",
        "Do I have to label AI-generated images?",
    ],
)
def test_ai_and_a_governance_concept_the_rule_base_covers_are_in_scope(question: str) -> None:
    # No 'Japan', no 'law': AI with a concept the rule base answers about is its question.
    assert classify(question) == ("in", False)

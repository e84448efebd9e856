"""Only what was asked follows the answer: no body or text the question did not ask about is
added after it (issue 15: padding)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "question", ["人工知能戦略本部の本部長は誰ですか", "who heads the AI Strategic Headquarters?"]
)
def test_who_holds_a_post_is_answered_without_other_bodies(
    offline,  # type: ignore[no-untyped-def]
    question: str,
) -> None:
    answer = offline(question)
    assert answer.fact_ids == ["hq_membership"], answer.answer  # not the Cabinet Office's role

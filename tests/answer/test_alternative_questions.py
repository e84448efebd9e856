"""A choice between two answers ('binding or voluntary?', '任意ですか、それとも義務ですか') asks
which: the lead states the fact with no 'Yes.' or 'No.' that would answer only one half, and the
question believes neither half (issue 15)."""

from __future__ import annotations

import pytest

from evals.answer_checks import first_sentence


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("Is the Article 13 guideline binding or voluntary?", "non-binding"),
        ("are the AI guidelines for business binding or not?", "non-binding"),
        ("AI事業者ガイドラインに従うのは任意ですか、それとも義務ですか", "法的拘束力のない"),
    ],
)
def test_a_choice_is_answered_by_the_fact_with_no_yes_or_no(  # type: ignore[no-untyped-def]
    offline, question: str, said: str
) -> None:
    answer = offline(question)
    lead = first_sentence(answer.answer)
    assert not lead.startswith(("no", "yes", "いいえ", "はい")), lead
    assert said in lead, lead
    assert answer.route == "lookup", answer.route

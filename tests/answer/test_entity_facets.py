"""Entity + facet lookups (issue 15): a document named with its issuer, content facets, the
event a date question names, an article number, a statute's number."""

from __future__ import annotations

import pytest

from evals.answer_checks import first_sentence


@pytest.mark.parametrize(
    ("question", "number"),
    [
        ("What is the APPI's law number?", "act no. 57 of 2003"),
        ("個人情報保護法の法令番号は？", "平成15年法律第57号"),
    ],
)
def test_a_statute_number_is_answered_from_its_identifier_fact(offline, question, number) -> None:  # type: ignore[no-untyped-def]
    answer = offline(question)
    assert number in first_sentence(answer.answer), answer.answer
    assert {c.id for c in answer.citations} == {"appi"}

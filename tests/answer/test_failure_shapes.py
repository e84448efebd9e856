"""The failure shapes of issue 15: each gets a direct, correct, cited answer from the engine."""

from __future__ import annotations

import re

import pytest

from agent.answer.reader import default_reader
from agent.answer.understand import understand


def _first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0]


@pytest.mark.parametrize("thing", ["facial recognition", "social scoring"])
def test_a_ban_question_is_answered_no_with_the_act_cited(offline, thing: str) -> None:  # type: ignore[no-untyped-def]
    answer = offline(f"Does Japan's AI Act ban {thing}?")
    lead = _first_sentence(answer.answer)
    assert lead.startswith("No"), answer.answer
    assert "review clause" not in answer.answer.lower()
    assert answer.route == "premise"
    assert "ai_promotion_act" in {c.id for c in answer.citations}


def test_registration_premise_is_corrected_first(offline) -> None:  # type: ignore[no-untyped-def]
    answer = offline("Where do we register our high-risk AI system in Japan's AI database?")
    assert answer.route == "premise"
    lead = _first_sentence(answer.answer).lower()
    assert re.search(r"\bno\b|not|none", lead), answer.answer


def test_a_typo_question_links_the_chief_ai_officer(offline) -> None:  # type: ignore[no-untyped-def]
    query = understand("do privte companies need a cheif ai oficer in japan")
    assert "caio" in query.parts[0].entities
    answer = offline("do privte companies need a cheif ai oficer in japan")
    assert "overseas" not in _first_sentence(answer.answer).lower()
    assert re.search(r"chief ai officer|caio", answer.answer, re.IGNORECASE)


def test_a_use_case_reaches_the_assessment_tools(offline) -> None:  # type: ignore[no-untyped-def]
    answer = offline(
        "we are building an AI interview-scoring tool for Japanese employers. what applies to us?"
    )
    assert answer.route == "use_case"
    assert "lookup_triggers" in answer.tools_called
    assert "Personal Information" in answer.answer or "APPI" in answer.answer


def test_an_uncovered_statute_is_said_plainly(offline) -> None:  # type: ignore[no-untyped-def]
    answer = offline("What does the Labor Standards Act say about AI monitoring of workers?")
    assert answer.route == "not_covered"
    assert "does not cover" in _first_sentence(answer.answer)


def test_the_employment_security_act_is_answered_from_its_article(offline) -> None:  # type: ignore[no-untyped-def]
    # The example of an uncovered statute is covered since the sector law was added.
    answer = offline("What does the Employment Security Act say about AI screening?")
    assert answer.route == "lookup"
    assert "Employment Security Act" in _first_sentence(answer.answer)
    assert any(c.id == "employment_security_act" for c in answer.citations)


def test_every_date_of_a_three_date_question_is_answered(offline) -> None:  # type: ignore[no-untyped-def]
    answer = offline(
        "When was the AI Act promulgated, when did the HQ first meet and when was the OECD "
        "reporting framework launched?"
    )
    assert len(re.findall(r"\b20\d\d\b", answer.answer)) >= 3, answer.answer


def test_the_deepfake_answer_has_no_dangling_pronoun(offline) -> None:  # type: ignore[no-untyped-def]
    answer = offline(
        "Our marketing team wants AI-generated likenesses of real people in ads — is there a "
        "deepfake law?"
    )
    assert not re.match(r"(they|it|these)\b", answer.answer.strip(), re.IGNORECASE)


def test_every_fact_an_answer_states_is_cited() -> None:
    rb = default_reader().rule_base
    assert rb.facts, "the rule base has atomic facts"
    for fact in rb.facts.values():
        assert all(c.source in rb.sources for c in fact.cites), fact.id

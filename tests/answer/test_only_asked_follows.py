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


@pytest.mark.parametrize(
    "question",
    [
        "Is there a government subsidy for small businesses adopting AI?",
        "Does Japan offer tax breaks for AI investment?",
    ],
)
def test_a_topic_the_rule_base_does_not_hold_is_said_plainly_with_nothing_dumped(
    offline,  # type: ignore[no-untyped-def]
    question: str,
) -> None:
    """Public funding is not in the rule base (entities.yaml, covered: false): no guideline's
    facts stand in for it."""
    answer = offline(question)
    assert answer.route == "not_covered", answer.answer
    assert "does not cover" in answer.answer and not answer.fact_ids, answer.answer


def test_a_subsidy_a_use_case_only_mentions_is_no_uncovered_topic(
    offline,  # type: ignore[no-untyped-def]
) -> None:
    question = (
        "A prefecture plans to use AI to screen applicants for a childcare subsidy. "
        "What rules apply?"
    )
    assert offline(question).route == "use_case"


def test_who_issued_a_text_named_by_its_topic_adds_no_other_text(
    offline,  # type: ignore[no-untyped-def]
) -> None:
    """Only generative AI is linked; the lead is the Digital Agency's guideline, and the PPC's
    alert on the same technology does not follow it."""
    answer = offline(
        "Which body issued the government guideline on procuring and using generative AI?"
    )
    assert "Digital Agency" in answer.answer.split("\n\n")[0], answer.answer
    assert [c.id for c in answer.citations] == ["da_genai_guideline"], answer.answer


def test_who_is_responsible_for_a_law_is_who_runs_it_not_who_enacted_it(
    offline,  # type: ignore[no-untyped-def]
) -> None:
    lead = offline("which ministry is responsible for the APPI").answer.split("\n\n")[0]
    assert "Personal Information Protection Commission" in lead, lead  # not the Diet


def test_which_article_on_sending_personal_data_abroad_is_the_transfer_rule(
    offline,  # type: ignore[no-untyped-def]
) -> None:
    answer = offline("個人データを海外に移転する条文は何条？")
    assert answer.fact_ids == ["appi_art28_cross_border"], answer.answer

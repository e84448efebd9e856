"""Lookups that name the right subject must lead with the facet asked (issue 15): its law number,
who holds a role in a body (not who issued the Act), the dated event the verb names, a
correction that opens with its negation, and a plain legal-force question looked up, not
corrected."""

from __future__ import annotations

import pytest

from agent.answer.phrasebook import phrasebook
from agent.answer.select import states_role
from agent.answer.understand import understand
from evals.answer_checks import contains, first_sentence
from knowledge.loader import load_rule_base
from knowledge.schema import Facet


def _lead(text: str) -> str:
    """The answer's first sentence, as the eval reads it ('Act No. 53' does not end it)."""
    return first_sentence(text)


@pytest.mark.parametrize(
    "question",
    [
        "what's the law number of the AI Promotion Act?",
        "Which act number is Japan's AI law?",
        "AI推進法の法律番号は？",
        "AI推進法の正式名称を教えて",
        "What is the AI Promotion Act's number?",
    ],
)
def test_a_law_number_question_asks_the_identifier(question: str) -> None:
    assert understand(question).parts[0].facet == Facet.identifier


@pytest.mark.parametrize(
    ("question", "number"),
    [
        ("what's the law number of the AI Promotion Act?", "Act No. 53 of 2025"),
        ("AI推進法の法律番号は？", "令和7年法律第53号"),
        # No fact states it: the title sources.yaml holds, number and all, is derived.
        ("職業安定法の法律番号は？", "昭和22年法律第141号"),
    ],
)
def test_the_law_number_leads(offline, question: str, number: str) -> None:  # type: ignore[no-untyped-def]
    answer = offline(question)
    assert answer.route == "lookup"
    assert contains(_lead(answer.answer), number)


@pytest.mark.parametrize(
    ("question", "chair"),
    [
        ("Who heads the headquarters set up by the AI Promotion Act?", "Prime Minister"),
        ("Who chairs the HQ under the AI Act?", "Prime Minister"),
        ("AI推進法で設置された本部の本部長は誰ですか", "内閣総理大臣"),
        ("AI推進法で置かれた本部のトップは誰ですか", "内閣総理大臣"),
    ],
)
def test_who_chairs_is_the_chair_not_the_issuer(offline, question: str, chair: str) -> None:  # type: ignore[no-untyped-def]
    answer = offline(question)
    assert contains(_lead(answer.answer), chair)
    assert "National Diet" not in answer.answer and "定めたのは国会" not in answer.answer


def test_a_role_in_the_opening_clause_outranks_one_in_passing() -> None:
    facts = load_rule_base().facts
    chair = phrasebook().roles("who chairs it?")
    assert states_role(facts["hq_membership"], chair)
    assert not states_role(facts["act_administered_by_cabinet_office"], chair)
    assert not states_role(facts["hq_membership"], [])


@pytest.mark.parametrize(
    ("question", "date"),
    [
        ("When was the Article 13 guideline finalised?", "19 December 2025"),
        ("AI適正性確保指針が策定されたのはいつですか", "2025年12月19日"),
    ],
)
def test_the_verb_picks_the_dated_event(offline, question: str, date: str) -> None:  # type: ignore[no-untyped-def]
    assert contains(_lead(offline(question).answer), date)


@pytest.mark.parametrize(
    ("question", "negation"),
    [
        ("How big are the fines under Japan's AI Promotion Act?", "No."),
        ("Where do we register our AI system under the AI Act?", "No."),
        ("AI推進法の罰金の上限はいくらですか", "いいえ。"),
        ("AIシステムの届出はどの役所にすればいいですか", "いいえ。"),
    ],
)
def test_a_correction_opens_with_its_negation(offline, question: str, negation: str) -> None:  # type: ignore[no-untyped-def]
    answer = offline(question)
    assert answer.route == "premise"
    assert answer.answer.startswith(negation)


@pytest.mark.parametrize(
    "question",
    ["Is the Article 13 guideline legally binding?", "Are the AI Guidelines for Business binding?"],
)
def test_a_plain_legal_force_question_is_a_lookup(offline, question: str) -> None:  # type: ignore[no-untyped-def]
    answer = offline(question)
    assert answer.route == "lookup"
    assert answer.answer.startswith("No.")
    assert "non-binding" in answer.answer.splitlines()[0]


@pytest.mark.parametrize(
    "question",
    [
        "The Article 13 guideline is legally binding, so what must we do?",
        # Naming no guideline, the lookup has nothing of its own to answer: the belief is
        # corrected, not answered 'Yes' from the Act's legal force.
        "Is it true that the AI guidelines are binding?",
        "Are Japan's AI guidelines binding?",
    ],
)
def test_a_belief_in_binding_guidelines_is_still_corrected(question: str) -> None:
    assert understand(question).route == "premise"


def test_who_must_appoint_a_caio_asks_the_holder_and_both_parts_are_answered(offline) -> None:  # type: ignore[no-untyped-def]
    answer = offline("who must appoint a CAIO and do private firms need one too?")
    assert answer.route == "lookup"
    assert contains(_lead(answer.answer), "ministry and agency")
    assert "Japan has no AI rule requiring a private company" in answer.answer


def test_a_legal_requirement_question_asks_legal_force() -> None:
    query = understand("is following the AI guidelines for business a legal requirement?")
    assert query.parts[0].facet == Facet.legal_force

"""A card's Yes./No. answers its own question, never a different question that retrieved it."""

from __future__ import annotations

from agent.qa import ask


def test_a_card_yes_is_not_reused_for_a_question_on_another_subject() -> None:
    # Retrieves the card on whether the PPC alert reaches public bodies ("Yes."), but asks
    # whether the alert binds companies: the alert adds no duty of its own.
    answer = ask("does the PPC generative AI alert bind companies?", offline=True)
    assert not answer.answer.startswith("Yes")
    assert "ppc_genai_alert" in {c.id for c in answer.citations}


def test_a_myth_card_answers_a_question_with_no_not_wrong() -> None:
    answer = ask("is the aigfb binding", offline=True)
    assert answer.answer.startswith("No. ")
    assert "Wrong" not in answer.answer.split(".")[1]


def test_a_myth_stated_as_a_claim_is_corrected_with_wrong() -> None:
    answer = ask("Japan has no AI regulation.", offline=True)
    assert answer.answer.startswith("Wrong.")

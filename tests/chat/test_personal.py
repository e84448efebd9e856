"""Personalised answers from the linked profile's assessment, for several profiles."""

from __future__ import annotations

import pytest

from agent.chat.thread import ChatThread
from core.profile import UseCaseProfile
from tests.chat.conftest import scenario_profile

# profile → (CAIO answer starts, PPC answer starts, a checklist title "what first?" must name)
CASES = {
    "ministry_genai_drafting": ("Yes.", "Not on your current answers.", "Appoint a Chief AI"),
    "customer_records_public_chatbot": ("No.", "Yes.", "Stop the provider using your personal"),
    "internal_code_assistant": ("No.", "Not on your current answers.", "Assess risks"),
    "model_developer_startup": ("No.", "", "provenance"),
    "local_government_resident_chatbot": ("", "", "legal basis"),
}


def _link(thread: ChatThread, name: str) -> UseCaseProfile:
    profile = UseCaseProfile.model_validate(scenario_profile(name))
    thread.link_profile(profile, f"{name}.yaml")
    return profile


@pytest.mark.parametrize("name", sorted(CASES))
def test_personal_answers(name: str, thread: ChatThread) -> None:
    from tools.assess import assess

    caio_start, ppc_start, first_title = CASES[name]
    profile = _link(thread, name)
    assessment = assess(profile)
    gov = any(r.id == "government_body" for r in assessment.roles)

    caio = thread.ask("Do we need a CAIO?")
    assert caio.kind == "personal" and caio.intent == "caio"
    assert caio.answer.startswith(
        "Yes." if "appoint_caio" in {i.id for i in assessment.checklist} else "No."
    )
    if caio_start:
        assert caio.answer.startswith(caio_start)
    if caio.answer.startswith("Yes."):
        assert gov  # a CAIO only ever comes with the government-body role
    assert "da_genai_guideline" in {c.id for c in caio.citations}
    assert caio.profile_answers and "from your answers" in caio.answer

    ppc = thread.ask("Does the PPC warning matter for us?")
    if ppc_start:
        assert ppc.answer.startswith(ppc_start)
    assert {"ppc_genai_alert", "appi"} <= {c.id for c in ppc.citations}

    first = thread.ask("What should we do first?")
    assert first.intent == "first_steps"
    assert first_title.lower() in first.answer.lower()
    # "Start here" is ranked by data for this use case (issue 19), its top action first.
    assert assessment.start_here[0].title in first.answer
    assert first.citations and "[1]" in first.answer

    rules = thread.ask("Which rules apply to us?")
    for role in assessment.roles:
        assert role.name in rules.answer
    for trigger in assessment.triggers:
        assert trigger.title in rules.answer
    assert profile.name in rules.answer and rules.notice and name in rules.notice


def test_without_profile_says_how_to_link(thread: ChatThread) -> None:
    turn = thread.ask("What should we do first?")
    assert turn.kind == "no_profile" and not turn.citations
    assert "/interview" in turn.answer and "/profile FILE" in turn.answer


def test_profile_survives_resume(thread: ChatThread) -> None:
    _link(thread, "ministry_genai_drafting")
    thread.close()  # as the process that linked it would, before another resumes it
    with ChatThread.resume(thread.thread_id, thread.settings, offline=True) as again:
        assert again.profile is not None and again.profile.organisation == "government"
        assert again.ask("do we need a chief AI officer?").answer.startswith("Yes.")


def test_personal_answers_name_answers_in_plain_words(thread: ChatThread) -> None:
    _link(thread, "internal_code_assistant")
    for question in ("Do we need a CAIO?", "Does the PPC warning matter for us?"):
        answer = thread.ask(question).answer
        assert "from your answers" in answer
        # Labels from the question bank, never field ids such as government_procurement.
        assert "government_procurement" not in answer and "personal_data:" not in answer

"""A use-case answer's first sentence answers the ask: yes or no to 'can we' / 'is it illegal',
the layers for 'what applies'; and the answer cites only the instruments it states (issue 15)."""

from __future__ import annotations

import pytest

from agent.answer.use_case_lead import AskKind, ask_kind, lead_file
from agent.qa import ask
from evals.answer_checks import first_sentence


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Is it legal to use ChatGPT to write ad copy for our bank?", "permission"),
        ("Can we use AI to screen applicants' CVs at our recruitment agency?", "permission"),
        ("Are we allowed to use Copilot on our codebase?", "permission"),
        ("Is it illegal for our company to use AI-generated images in our ads?", "forbidden"),
        ("採用で応募者の履歴書をAIで選別してもいいですか？", "permission"),
        ("銀行の広告文をChatGPTで作成するのは違法ですか？", "forbidden"),
        ("Our clinic wants an AI that drafts letters. What rules apply?", "applies"),
        ("What rules do we need to comply with?", "applies"),
        ("What do we need to do to comply?", "to_do"),
        ("Our clinic triages patients with AI. What should we check first?", "to_do"),
        ("社員の人事評価にAIを使いたいのですが、何をすべきですか？", "to_do"),
        # The first yes/no part decides: "is that allowed" before "what do we check".
        ("We tune an LLM on support chats. Is that allowed, and what to check?", "permission"),
    ],
)
def test_the_kind_of_ask_is_read_from_its_first_yes_no_part(question: str, kind: str) -> None:
    assert ask_kind(question) == AskKind(kind)


def test_every_kind_has_a_lead_in_both_languages() -> None:
    data = lead_file()
    for kind in AskKind:
        for binding in (False, True):
            assert "{layers}" in data.leads.pick(kind, binding)
            assert "{layers}" in data.leads_ja.pick(kind, binding)


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("Is it legal to use ChatGPT to write marketing copy for our bank's products?", "yes"),
        ("Can we use AI to screen applicants' CVs at our recruitment agency?", "yes, within"),
        ("Would it be illegal for our online shop to write product blurbs with ChatGPT?", "no"),
        ("採用で応募者の履歴書をAIで選別してもいいですか？", "はい"),
    ],
)
def test_a_yes_no_use_case_question_is_answered_in_its_first_word(
    session_home: object, question: str, opening: str
) -> None:
    answer = ask(question, offline=True)
    assert answer.route == "use_case"
    lead = first_sentence(answer.answer)
    assert lead.startswith(opening), lead
    assert "ban" in lead or "禁止" in answer.answer
    assert "ai_promotion_act" in {c.id for c in answer.citations}  # the 'bans nothing' fact


def test_the_answer_cites_only_what_its_layers_and_lead_rest_on(session_home: object) -> None:
    answer = ask(
        "Is it legal to use ChatGPT to write marketing copy for our bank's products?", offline=True
    )
    assert {c.id for c in answer.citations} <= {"ai_promotion_act", "fsa_ai_discussion_paper"}


def test_patients_records_without_diagnosis_bring_the_appi_not_the_pmd_act(
    session_home: object,
) -> None:
    answer = ask(
        "Our hospital wants an AI to draft discharge letters from patient records. What applies?",
        offline=True,
    )
    cited = {c.id for c in answer.citations}
    assert "appi" in cited
    assert not cited & {"pmd_act", "mhlw_samd_guideline"}, cited


def test_an_also_check_line_needs_its_own_instrument_stated(session_home: object) -> None:
    """'If yes, the PMD Act layer applies' is never cited by the APPI it happens to cite too."""
    answer = ask(
        "We run dental clinics and want an AI that drafts follow-up letters from patient records."
        " What rules apply?",
        offline=True,
    )
    checks = [line for line in answer.answer.splitlines() if line.startswith("- Also check")]
    assert not any("PMD Act" in line for line in checks), checks


def test_the_lead_says_each_legal_force_once(session_home: object) -> None:
    answer = ask(
        "Is it OK for our hospital to use an AI that suggests diagnoses from patients' X-rays?",
        offline=True,
    )
    lead = answer.answer.splitlines()[0]
    assert lead.count("binding hard law") == 1, lead
    assert "PMD Act" in lead and "APPI" in lead


def test_a_what_to_do_question_opens_with_the_first_action(session_home: object) -> None:
    answer = ask(
        "We're a recruitment agency screening applicants' CVs with AI. What should we check?",
        offline=True,
    )
    lead = answer.answer.splitlines()[0]
    first = next(line for line in answer.answer.splitlines() if line.startswith("1. **"))
    title = first.removeprefix("1. **").split("**")[0]
    assert lead.endswith(f"start with this: {title[0].lower()}{title[1:]}."), lead
    assert "Employment Security Act" in lead

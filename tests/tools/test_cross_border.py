"""Personal data going to a provider or servers abroad engages APPI Art. 28: read from the words
of a use, asked in the interview, and planned as its own action."""

from __future__ import annotations

import pytest

from agent.use_case import read_use_case
from core.profile import UseCaseProfile
from knowledge.questions import question_by_id
from tools.assess import assess


def test_personal_data_abroad_is_its_own_binding_layer_with_an_action() -> None:
    result = assess(UseCaseProfile(personal_data="personal", personal_data_abroad=True))
    layer = next(t for t in result.triggers if t.id == "appi_cross_border")
    assert layer.legal_force == "binding_hard_law"
    assert any(c.source == "appi" and c.section == "Art. 28" for c in layer.citations)
    assert "cross_border_basis" in {item.id for item in result.checklist}


def test_no_personal_data_abroad_no_cross_border_layer() -> None:
    # Servers abroad without personal data, or personal data kept in Japan: Art. 28 is not engaged.
    for profile in (
        UseCaseProfile(personal_data="none", personal_data_abroad=True),
        UseCaseProfile(personal_data="personal"),
    ):
        assert "appi_cross_border" not in {t.id for t in assess(profile).triggers}


def test_the_interview_asks_it_only_when_personal_data_is_handled() -> None:
    assert question_by_id("personal_data_abroad").ask_if == {"not": {"personal_data": "none"}}


@pytest.mark.parametrize(
    "question",
    [
        "Do I need consent to put customer emails into an LLM hosted in the US?",
        "We send support tickets with customer names to a Singapore-based AI vendor. What applies?",
        "Our HR team wants to upload applicants' CVs to an AI tool whose servers are overseas.",
        "顧客の氏名を含む問い合わせを米国のクラウドにある生成AIに送っても大丈夫ですか？",
    ],
)
def test_personal_data_sent_abroad_is_read_from_the_words(question: str) -> None:
    reading = read_use_case(question)
    assert reading is not None and reading.profile.personal_data_abroad


@pytest.mark.parametrize(
    "question",
    [
        "We're a US company launching our AI assistant in Japan. What applies?",
        "Can we use a chatbot on our website to answer customer questions?",
    ],
)
def test_a_foreign_company_or_a_local_use_sends_nothing_abroad(question: str) -> None:
    reading = read_use_case(question)
    assert reading is None or not reading.profile.personal_data_abroad

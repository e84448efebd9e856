"""A founder describing their own service is read by classes of words, not by phrases
(knowledge/data/use_case_hints.yaml): software that flags or predicts about people is AI at work
with no AI word, the people and records it holds make it personal or sensitive data, the sector
shows by its businesses, and the answer names the AI Guidelines for Business role the reading
puts the asker in."""

from __future__ import annotations

import pytest

from agent.answer.guard import classify
from agent.answer.understand import understand
from agent.qa import ask
from agent.use_case import read_use_case
from core.config import Settings


@pytest.mark.parametrize(
    "question",
    [
        "im building a dashboard for landlords that flags risky tenants from their payment"
        " history. what laws matter",
        "We want to predict which subscribers will cancel from their billing history. Rules?",
    ],
)
def test_software_judging_people_is_a_use_case_with_no_ai_word(question: str) -> None:
    assert classify(question) == ("in", False)
    assert understand(question).use_case is not None
    assert read_use_case(question).profile.personal_data == "personal"


def test_an_everyday_short_form_of_rules_asks() -> None:
    assert read_use_case(
        "our gym wants an AI coach for members' workouts, what regs should we look at"
    ).asks


@pytest.mark.parametrize(
    ("question", "level"),
    [
        ("子供の作文データをAIで分析するアプリを作っています。注意点は？", "personal"),
        ("患者さんの症状をAIで聞き取る仕組みを導入したいです。注意点は？", "sensitive"),
        (
            "We want AI to transcribe consultations with our dental patients. What applies?",
            "sensitive",
        ),
        (
            "We record chats between our agents and shoppers for an AI to score. What applies?",
            "personal",
        ),
    ],
)
def test_people_and_what_they_say_are_personal_data(question: str, level: str) -> None:
    assert read_use_case(question).profile.personal_data == level


@pytest.mark.parametrize(
    "question",
    [
        "Our app asks users about their symptoms and tells them how urgent it is. What applies?",
        "オンライン診療の前に、AIが症状から緊急度を判定する仕組みを作りたいです。注意点は？",
    ],
)
def test_weighing_symptoms_for_urgency_is_a_medical_purpose(question: str) -> None:
    assert read_use_case(question).profile.medical_purpose


def test_a_pharmacy_is_the_health_sector() -> None:
    reading = read_use_case("Our pharmacy wants an AI to remind people to refill. What applies?")
    assert reading.profile.sectors == ["health"]


def test_sharing_out_places_among_people_decides_about_them() -> None:
    question = "Our city wants AI to allocate public housing among applicants. What rules apply?"
    assert read_use_case(question).profile.decisions_about_people


def test_us_the_pronoun_is_no_foreign_operator() -> None:
    question = "We built an AI hiring tool; what rules apply to us as the vendor?"
    assert not read_use_case(question).profile.outside_japan


def test_booking_a_patient_in_is_no_copyrighted_work() -> None:
    question = "Our clinic's AI assistant will book them in with a nurse. What applies?"
    assert not read_use_case(question).profile.copyrighted_material


@pytest.mark.parametrize(
    "question",
    [
        "商品のポスターを画像生成AIで作りたいです。注意点は？",
        "We want to generate ad banners with Midjourney. What applies?",
    ],
)
def test_advertising_visuals_are_works_a_model_makes(question: str) -> None:
    assert read_use_case(question).profile.copyrighted_material


@pytest.mark.parametrize(
    "question",
    [
        "We built an AI tool that schools use to mark homework. What applies to us?",
        "We're a proptech company; an AI estimates rents for listings. What applies?",
    ],
)
def test_a_tool_others_use_is_offered_to_others(question: str) -> None:
    assert read_use_case(question).profile.offers_to_others


@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("We sell an AI chatbot to retailers. What applies to us?", "AI provider"),
        ("当社の工場で画像認識AIを使って部品の傷を見つけたいです。注意点は？", "AI利用者"),
    ],
)
def test_the_answer_names_the_guideline_role_the_asker_holds(
    question: str, role: str, settings: Settings
) -> None:
    answer = ask(question, settings=settings, offline=True)
    assert answer.route == "use_case"
    assert role in answer.answer.split("\n\n", 2)[1]


@pytest.mark.parametrize(
    "question",
    [
        "Our bank wants a chatbot that tells people whether they'd qualify for a car loan. Rules?",
        "保険会社で、事故の電話をAIで要約して保険金の支払いの可否の判断に使いたいです。注意点は？",
    ],
)
def test_judging_eligibility_or_payment_decides_about_people(question: str) -> None:
    assert read_use_case(question).profile.decisions_about_people


@pytest.mark.parametrize(
    "question",
    [
        "Our app lets borrowers ask an AI about the debts they enter. What applies?",
        "We want AI to rank our cashiers by speed from till data. What applies?",
        "コールセンターで、契約者からの電話をAIで要約したいです。注意点は？",
    ],
)
def test_people_named_by_a_pronoun_or_their_work_hold_personal_data(question: str) -> None:
    assert read_use_case(question).profile.personal_data == "personal"


def test_cloning_a_persons_voice_is_synthetic_media_whatever_the_word_order() -> None:
    question = "Our studio wants AI to clone a narrator's voice for new episodes. What applies?"
    assert read_use_case(question).profile.synthetic_media


@pytest.mark.parametrize(
    "question",
    [
        "our startup does AI-powered CV screening for japanese employers, what laws apply",
        "Our company makes AI cameras for factories. Are there Japanese rules for that?",
    ],
)
def test_work_done_for_other_organisations_offers_ai_to_others(question: str) -> None:
    assert read_use_case(question).profile.offers_to_others


def test_forms_patients_fill_in_are_their_health_data() -> None:
    question = "we want an llm to summarise patient registration forms at our clinic. what applies?"
    assert read_use_case(question).profile.personal_data == "sensitive"

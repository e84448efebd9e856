"""Use cases read by word classes (knowledge/data/use_case_hints.yaml): people filmed or watched,
a person's dealings screened for fraud, a condition a program predicts, people put in an order,
and a question whether the country has rules; and what the answer then leads with."""

from __future__ import annotations

import pytest

from agent.answer.compose import compose
from agent.answer.reader import default_reader
from agent.answer.understand import understand
from agent.answer.use_case_lead import asks_for_a_rule_ja
from agent.use_case import read_use_case


@pytest.mark.parametrize(
    "question",
    [
        "Our care home wants ceiling cameras in each resident's room that alert staff to falls. "
        "What applies?",
        "Our exam platform's AI watches each student through their webcam. Any rules?",
        "A builder plans to give site workers helmet cameras, with AI logging which worker did "
        "each step. Any legal issues?",
        "Our buses will have cameras with AI that monitors passengers. What applies?",
        "We sell remote proctoring software with AI. What rules apply?",
        "介護施設です。入居者の居室にAIカメラを付けたいと考えています。注意点は？",
        "受験者をウェブカメラで撮影してAIで分析するサービスです。どの規制が関係しますか？",
        "We want AI cameras in our stores to detect shoplifting. Is that legal?",
        "Our gym wants cameras with AI that count how many members use each machine. Rules?",
    ],
)
def test_people_filmed_or_watched_are_personal_data(question: str) -> None:
    reading = read_use_case(question)
    assert reading.profile.personal_data == "personal"
    assert "people_watched" in {h.id for h in reading.hints}


@pytest.mark.parametrize(
    "question",
    [
        "Our factory wants cameras that spot defects on parts. What applies?",
        "We want a camera that counts cars at the junction with AI. What applies?",
    ],
)
def test_a_camera_on_things_holds_no_personal_data(question: str) -> None:
    assert read_use_case(question).profile.personal_data == "none"


def test_faces_analysed_for_age_name_facial_recognition() -> None:
    reading = read_use_case(
        "Our shops want AI cameras that estimate shoppers' age from their faces. Is it legal?"
    )
    assert "facial_recognition" in {e for h in reading.hints for e in h.names}


def test_hugging_face_is_no_face() -> None:
    reading = read_use_case("We want to publish our model's weights on Hugging Face. Any rules?")
    assert reading.profile.personal_data == "none"


@pytest.mark.parametrize(
    "question",
    [
        "Our bank wants a model that flags suspicious transfers for AML review. What applies?",
        "Our card company plans AI that spots fraudulent card payments. What applies?",
        "An insurer wants AI to flag suspicious claims. What rules apply?",
        "地方銀行です。AIで不審な送金を検知したいと考えています。どの規制が関係しますか？",
    ],
)
def test_dealings_screened_for_fraud_are_personal_data(question: str) -> None:
    assert read_use_case(question).profile.personal_data == "personal"


@pytest.mark.parametrize(
    "question",
    [
        "Our hospital deploys a model that predicts sepsis from health records. What applies?",
        "Our AI analyses 12-lead ECG traces and alerts cardiologists. What applies?",
        "Our dermatology app's AI estimates melanoma risk from photos. What applies?",
        "当院では敗血症のリスクをAIで予測して医師に通知したいです。注意点は？",
    ],
)
def test_a_condition_predicted_is_a_medical_purpose_in_health(question: str) -> None:
    profile = read_use_case(question).profile
    assert profile.medical_purpose
    assert "health" in profile.sectors


@pytest.mark.parametrize("kind", ["medtech", "femtech"])
def test_a_health_business_is_no_misspelt_edtech(kind: str) -> None:
    profile = read_use_case(
        f"We're a {kind} firm selling AI that reads ECGs to hospitals. What's the regulatory "
        "picture?"
    ).profile
    assert profile.sectors == ["health"]


@pytest.mark.parametrize(
    "question",
    [
        "Our farm uses AI to detect crop diseases. Rules?",
        "Our AI flags complications in the supply chain and detects fractures in welds. Rules?",
        "Our economists want AI to predict the next economic depression. What applies?",
    ],
)
def test_a_condition_of_no_patient_is_no_medical_purpose(question: str) -> None:
    profile = read_use_case(question).profile
    assert not profile.medical_purpose


@pytest.mark.parametrize(
    "question",
    [
        "Our ward office wants AI to rank which households get a tax reminder first. What applies?",
        "The city wants AI to decide the order in which residents get reminders. What applies?",
        "市役所で、督促の優先順位をAIで決めたいと考えています。注意点は？",
    ],
)
def test_putting_people_in_an_order_decides_about_them(question: str) -> None:
    assert read_use_case(question).profile.decisions_about_people


def test_whether_japan_has_rules_on_a_use_asks_what_applies() -> None:
    reading = read_use_case(
        "We trained an LLM and want to publish the weights. Does Japan have rules on that?"
    )
    assert reading.asks


def test_training_in_house_is_no_use_of_inputs() -> None:
    question = "自社で学習させたモデルを公開したいのですが、規制はありますか？"
    profile = read_use_case(question).profile
    assert not profile.personal_data_beyond_output


def _answer(question: str) -> tuple[str, list[str]]:
    query = understand(question)
    reader = default_reader(query.lang)
    composed = compose(query, reader, {})
    return composed.text, [c.id for c in composed.citations]


def test_people_watched_lead_with_the_binding_privacy_layer() -> None:
    text, _ = _answer(
        "Our care home wants ceiling cameras with AI in each resident's room that alert staff "
        "to falls. What rules apply?"
    )
    assert "APPI" in text.split("\n")[0]


def test_a_medical_prediction_brings_the_pmd_act() -> None:
    _, sources = _answer(
        "Our hospital is deploying a model that predicts sepsis from health records and alerts "
        "doctors. What applies?"
    )
    assert "pmd_act" in sources


def test_a_japanese_question_whether_rules_exist_hears_the_fact_first() -> None:
    text, _ = _answer(
        "自社で学習させたモデルの重みを公開したいのですが、日本にオープンウェイトモデルの公開に関する"
        "規制はありますか？"
    )
    assert "定めていません" in text.split("\n")[0]


@pytest.mark.parametrize(
    ("before", "asks"),
    [
        ("日本にオープンウェイトモデルの公開に関する規制は", True),
        ("ディープフェイクの規制は", True),
        ("ルールは", False),
        ("生成AIで作ったキャラクターを使うのは問題", False),
    ],
)
def test_a_japanese_is_there_asks_for_a_rule_on_a_thing(before: str, asks: bool) -> None:
    assert asks_for_a_rule_ja(before) is asks


def test_a_japanese_use_case_asking_for_rules_on_its_use_hears_the_layers_first() -> None:
    question = "小学校で調べ学習に児童が生成AIを使うのを認めたいのですが、規則はありますか？"
    text, _ = _answer(question)
    lead = text.split("\n")[0]
    assert "関係" in lead or "適用" in lead


def test_how_a_use_would_be_regulated_asks_what_applies() -> None:
    assert read_use_case("How would our AML model be regulated in Japan? We're a bank.").asks
    assert not read_use_case("How does Japan regulate AI?").is_use_case


def test_residents_whose_rooms_are_filmed_are_not_offered_the_ai() -> None:
    filmed = read_use_case(
        "Our care home plans cameras with AI in residents' rooms to spot falls. What applies?"
    )
    assert filmed.profile.customers == []
    served = read_use_case("Our city wants a chatbot that answers residents' questions. Rules?")
    assert served.profile.customers == ["consumers"]


@pytest.mark.parametrize(
    "question",
    [
        "We plan to train a model on scientific journals under a text and data mining licence. "
        "What applies?",
        "当社は学術論文でAIモデルを学習させる予定です。何を確認すべきですか？",
    ],
)
def test_scholarly_works_are_copyrighted_works(question: str) -> None:
    assert read_use_case(question).profile.copyrighted_material


def test_running_a_service_states_the_speakers_own_use() -> None:
    reading = read_use_case("AIで物件をおすすめする不動産サイトを運営しています。注意点は？")
    assert reading.actor


def test_people_filmed_hear_what_the_appi_asks_of_camera_images() -> None:
    text, _ = _answer(
        "Our gym wants cameras with AI that count how many members use each machine. What applies?"
    )
    assert "Camera images from which a particular person can be identified" in text


@pytest.mark.parametrize(
    "question",
    [
        "Our online shop wants AI to recommend products from purchase histories. What applies?",
        "We want a model that predicts churn from browsing history. Rules?",
        "ECサイトで、閲覧履歴をAIで分析したいと考えています。注意点は？",
    ],
)
def test_a_persons_history_is_personal_data_with_no_person_named(question: str) -> None:
    assert read_use_case(question).profile.personal_data == "personal"


@pytest.mark.parametrize(
    "question",
    [
        "Our ward wants AI to rank which residents get a tax reminder first. What applies?",
        "市役所で、滞納している住民への督促の優先順位をAIで決めたいです。注意点は？",
    ],
)
def test_residents_an_ai_ranks_are_not_offered_it(question: str) -> None:
    assert read_use_case(question).profile.customers == []


def test_a_hint_yields_only_to_hints_that_exist() -> None:
    from pydantic import ValidationError

    from knowledge.hints import hints

    data = hints().model_dump()
    data["hints"][0]["yields_to"] = ["no_such_hint"]
    with pytest.raises(ValidationError, match="no_such_hint"):
        type(hints()).model_validate(data)


def test_medical_software_is_told_first_to_check_whether_it_is_a_medical_device() -> None:
    from core.profile import UseCaseProfile
    from tools.checklist import build_checklist

    medical = UseCaseProfile(sectors=["health"], medical_purpose=True, uses_in_operations=True)
    letters = UseCaseProfile(sectors=["health"], uses_in_operations=True)
    assert "medical_device_check" in {item.id for item in build_checklist(medical)}
    assert "medical_device_check" not in {item.id for item in build_checklist(letters)}
    text, _ = _answer(
        "We sell AI that reads ECGs and flags arrhythmia to hospitals. What's the regulatory "
        "picture?"
    )
    assert "1. **Check whether the software is a medical device" in text

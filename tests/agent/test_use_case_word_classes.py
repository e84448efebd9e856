"""A use case read by classes of words (knowledge/data/use_case_hints.yaml), whatever the sector:
an indirect ask by its frame, data about people from a person and a record of theirs, records
that are personal by their kind, AI by the verb of what it does, and a Japanese speaker's own use
from how they introduce themselves."""

from __future__ import annotations

import pytest

from agent.answer.understand import understand
from agent.answer.use_case_lead import AskKind, ask_kind
from agent.use_case import read_use_case


@pytest.mark.parametrize(
    "question",
    [
        "Can we fine-tune an open model on our support tickets?",
        "Can our agency automate ad bidding with machine learning?",
    ],
)
def test_can_we_asks_leave_for_any_verb_of_putting_ai_to_work(question: str) -> None:
    assert read_use_case(question).asks
    assert ask_kind(question) is AskKind.permission
    assert understand(question).use_case is not None


@pytest.mark.parametrize(
    "question",
    [
        "Our streaming service wants AI to pick shows from viewers' watch histories. What applies?",
        "Our farm co-op wants AI to forecast prices from our farmers' sales records. What applies?",
        "Our gym wants AI to plan classes for members from their workout logs. What applies?",
        "We want to summarise every inbound call with an LLM. What applies?",
        "Our bank wants AI to read ID scans at onboarding. What applies to us?",
    ],
)
def test_data_about_people_is_personal_data_whatever_the_nouns(question: str) -> None:
    assert read_use_case(question).profile.personal_data == "personal"


def test_a_persons_feedback_is_judged_not_the_person() -> None:
    feedback = read_use_case("We want AI to assess new customer feedback. What applies?")
    assert not feedback.profile.decisions_about_people
    tenants = read_use_case("We want AI to screen prospective rental applicants. Is it legal?")
    assert tenants.profile.decisions_about_people


@pytest.mark.parametrize(
    "question",
    [
        "当社は宿泊予約サイトで、宿泊客の滞在履歴をAIで分析したいです。注意点は？",
        "配送会社です。配達員の位置情報をAIで分析する場合の注意点は？",
    ],
)
def test_japanese_people_named_by_their_role_hold_personal_data(question: str) -> None:
    assert read_use_case(question).profile.personal_data == "personal"
    assert understand(question).use_case is not None


@pytest.mark.parametrize(
    "question",
    [
        "不動産会社です。物件の説明文をAIで作成する場合、規制はありますか？",
        "工場で画像認識AIを使って検品する場合の注意点は？",
    ],
)
def test_a_japanese_speaker_introducing_their_organisation_is_the_actor(question: str) -> None:
    assert read_use_case(question).actor
    assert understand(question).use_case is not None


def test_japanese_can_it_be_used_asks_leave_but_not_of_a_rule() -> None:
    asked = "コールセンターの通話録音をAIで要約して研修に使えますか？"
    assert read_use_case(asked).permission and understand(asked).use_case is not None
    assert understand("著作権法第30条の4は生成AIの学習にも使えますか").use_case is None


def test_is_there_a_problem_is_answered_no_and_no_problem_yes() -> None:
    assert ask_kind("AIで審査するのは法的に問題ありますか？") is AskKind.forbidden
    assert ask_kind("AIで審査しても問題ないですか？") is AskKind.permission


def test_a_crop_disease_is_no_diagnosis_and_a_drone_no_road_vehicle() -> None:
    reading = read_use_case("We use AI to spot crop diseases in drone photos. What applies?")
    assert not reading.profile.medical_purpose and not reading.profile.sectors


def test_a_real_estate_brokerage_is_no_finance_and_holds_no_rag() -> None:
    reading = read_use_case("Our real estate brokerage uses AI to write listings. What applies?")
    assert not reading.profile.sectors
    assert "retrieval" not in {h.id for h in reading.hints}


@pytest.mark.parametrize(
    "question",
    [
        "We want an AI-cloned voice of our founder in our ads. Is that allowed?",
        "実在の俳優に似せた画像を生成AIで作って広告に使いたいです。問題ありますか？",
    ],
)
def test_a_cloned_or_resembling_likeness_is_synthetic_media(question: str) -> None:
    assert read_use_case(question).profile.synthetic_media


@pytest.mark.parametrize(
    "question",
    [
        "Our mill is piloting a system that forecasts machine failures. What applies?",
        "We're adding automated transcription to our dental practice. What applies?",
    ],
)
def test_ai_is_named_by_the_verb_of_what_it_does(question: str) -> None:
    assert read_use_case(question).activity


def test_training_on_records_of_people_uses_them_beyond_the_output() -> None:
    question = "Can we use transcripts of our customers' sales calls to improve our model?"
    assert read_use_case(question).profile.personal_data_beyond_output


@pytest.mark.parametrize(
    "question",
    [
        "We're a proptech startup using machine learning to value homes. Are we regulated?",
        "Our ministry wants AI to sort freedom-of-information requests. What governs that?",
        "How exposed are we if our HR chatbot gives staff wrong answers about leave?",
        "保険代理店ですが、顧客との面談記録をAIで要約するのは可能でしょうか。",
    ],
)
def test_whether_the_asker_is_regulated_or_exposed_is_an_ask(question: str) -> None:
    assert read_use_case(question).asks
    assert understand(question).use_case is not None


def test_triaging_requests_is_no_clinical_triage() -> None:
    reading = read_use_case("Our ministry wants AI to triage freedom-of-information requests.")
    assert not reading.profile.sectors and not reading.profile.medical_purpose
    assert read_use_case("Our ER wants AI to triage patients. What applies?").profile.sectors


@pytest.mark.parametrize(
    "question",
    [
        "Our kindergarten wants cameras with AI to watch the children. What applies?",
        "We want to introduce driver fatigue detection with AI. What applies?",
        "介護施設で入居者の見守りにAIカメラを導入したいです。どんな法律が関係しますか。",
    ],
)
def test_watching_or_detecting_people_is_personal_data(question: str) -> None:
    assert read_use_case(question).profile.personal_data == "personal"


def test_japanese_people_judged_by_ai_are_decisions_about_people() -> None:
    question = "派遣会社として、登録スタッフのスキルをAIで評価してマッチングしたいです。注意点は？"
    assert read_use_case(question).profile.decisions_about_people


def test_a_voice_assistant_for_customers_is_ai_offered_to_consumers() -> None:
    question = "We plan a customer-facing voice assistant in our call centre. What applies?"
    reading = read_use_case(question)
    assert reading.activity and reading.profile.customers == ["consumers"]


def test_ai_written_content_is_generative_ai() -> None:
    question = "Our newspaper is trying AI-written articles. What's the legal situation?"
    assert read_use_case(question).profile.generative_ai


def test_the_engine_speller_keeps_the_words_a_use_case_is_read_by() -> None:
    question = "Our dating app wants AI to check users' selfies. What rules apply?"
    use_case = understand(question).use_case
    assert use_case is not None and use_case.profile.get("personal_data") == "personal"


@pytest.mark.parametrize(
    "question",
    [
        "AIで顧客データを分析する場合の注意点は？",  # a use supposed: 〜する場合
        "社内の問い合わせ対応にChatGPTを使うことを検討中です。注意点は？",  # 検討中 is one word
    ],
)
def test_a_japanese_use_supposed_or_under_consideration_is_the_speakers(question: str) -> None:
    assert read_use_case(question).actor
    assert understand(question).use_case is not None


@pytest.mark.parametrize(
    "question",
    [
        "Thinking about using AI to pre-screen insurance claims. What are the implications?",
        "We're evaluating an AI copilot for our sales reps. Anything legal we should know?",
        "We'd use an LLM to draft tenancy agreements for landlords. Do Japanese rules cover that?",
        "our startup does AI lip-sync dubbing of influencers' videos. legal in japan?",
    ],
)
def test_dropped_subjects_and_fragment_asks_still_describe_a_use(question: str) -> None:
    reading = read_use_case(question)
    assert reading.asks and reading.actor
    assert understand(question).use_case is not None


def test_ai_lip_sync_of_real_people_is_synthetic_media() -> None:
    question = "We do AI lip-sync dubbing of influencers' videos. What applies?"
    assert read_use_case(question).profile.synthetic_media


def test_is_it_a_problem_is_answered_like_is_it_illegal() -> None:
    assert ask_kind("Would it be a problem if we let AI screen CVs?") is AskKind.forbidden
    assert ask_kind("What problems could we face using AI for hiring?") is AskKind.applies


def test_setting_a_persons_terms_is_a_decision_about_them() -> None:
    question = (
        "Our fintech uses machine learning to set credit limits for card members. What applies?"
    )
    assert read_use_case(question).profile.decisions_about_people
    assert not read_use_case(
        "We use AI to set prices for our products."
    ).profile.decisions_about_people


def test_profiling_a_person_is_a_decision_about_them() -> None:
    question = "Our HR team is trialling an AI that flags employees likely to quit. Are we fine?"
    assert read_use_case(question).profile.decisions_about_people


def test_japanese_judging_needs_a_person_judged() -> None:
    pests = (
        "農家向けに、AIで病害虫を画像から判定するアプリを開発しています。どんな規制が関係しますか？"
    )
    assert not read_use_case(pests).profile.decisions_about_people
    assert read_use_case("応募者をAIで判定したいです。注意点は？").profile.decisions_about_people


def test_how_a_japanese_worker_moves_is_data_about_them() -> None:
    question = (
        "物流センターで作業員の動きをAIカメラで分析したいと考えています。問題ないでしょうか。"
    )
    assert read_use_case(question).profile.personal_data == "personal"


@pytest.mark.parametrize(
    "question",
    [
        "Our studio wants to recreate the voice of a late actor with AI. Legal in Japan?",
        "テレビ局で、亡くなった俳優の声をAIで再現して番組に使う予定です。法的にどうでしょうか。",
    ],
)
def test_recreating_a_real_persons_voice_is_synthetic_media(question: str) -> None:
    assert read_use_case(question).profile.synthetic_media


def test_autonomous_machines_are_ai_and_claims_triage_no_clinic() -> None:
    assert read_use_case("We want autonomous forklifts in our warehouse. What applies?").activity
    claims = read_use_case("How should our insurer run AI claims triage under Japanese rules?")
    assert "health" not in claims.profile.sectors

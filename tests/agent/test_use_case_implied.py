"""What a described use implies though the question never names it (issue 15): people's data
said by everyday records (a customer list, 問診票, 通知表, a meeting recording), a real person's
voice or face copied, works scraped from the web; and sector words that name a sector, not what
any business does (a price set is no retail)."""

from __future__ import annotations

import pytest

from agent.qa import ask
from agent.use_case import read_use_case
from core.config import Settings
from knowledge.loader import load_rule_base
from knowledge.schema import LegalForce


@pytest.mark.parametrize(
    ("question", "level"),
    [
        (
            "We want to use AI to clean up our customer list for a campaign. What applies?",
            "personal",
        ),
        ("Our school wants AI to draft report cards for each pupil. What rules apply?", "personal"),
        ("We want an AI to check our staff's timesheets for errors. What applies?", "personal"),
        ("Our app reads health insurance cards with OCR. What applies?", "personal"),
        (
            "We plan to feed our mailing list into ChatGPT to personalise newsletters. Any rules?",
            "personal",
        ),
        ("顧客名簿をChatGPTに入れて営業メールを作りたいです。問題ありますか", "personal"),
        ("通知表の所見をAIで作成したいです。どんなルールがありますか", "personal"),
        ("社内会議の録音をChatGPTで議事録にしたいです。問題ありますか", "personal"),
        ("当院では問診票の内容をAIで要約したいと考えています。注意点は？", "sensitive"),
    ],
)
def test_everyday_records_of_people_are_personal_data(question: str, level: str) -> None:
    assert read_use_case(question).profile.personal_data == level


@pytest.mark.parametrize(
    "question",
    [
        "当院では問診票の内容をAIで要約して医師に渡したいと考えています。注意点は？",
        "保険会社です。健康診断の結果をもとにAIで引受審査をしたいと考えています。",
    ],
)
def test_a_questionnaire_or_check_up_is_a_record_not_a_diagnosis(question: str) -> None:
    profile = read_use_case(question).profile
    assert profile.personal_data == "sensitive"
    assert not profile.medical_purpose  # summarising a record is no medical device's purpose


def test_a_diagnosis_of_character_is_no_health_data() -> None:
    profile = read_use_case("性格診断アプリにAIを使いたいです。どの法律が関係しますか").profile
    assert profile.personal_data == "none"
    assert "health" not in profile.sectors


def test_an_insurance_card_is_no_insurers_business() -> None:
    assert (
        "finance"
        not in read_use_case("保険証の画像をAIで読み取りたいです。注意点は？").profile.sectors
    )


@pytest.mark.parametrize(
    "question",
    [
        "We're an anime studio and want to use AI to recreate a famous voice actor's voice. What"
        " laws apply?",
        "We want an AI that sings new songs in the voice of a famous singer. Is that legal?",
        "Our app lets fans make an AI version of their favourite idol's voice. What applies?",
        "故人の俳優の声をAIで復元してCMに使いたいです。問題ありますか",
        "社長の声をAIで作ってナレーションに使いたいです",
    ],
)
def test_a_real_persons_voice_copied_is_synthetic_media(question: str) -> None:
    assert read_use_case(question).profile.synthetic_media


@pytest.mark.parametrize(
    "question",
    [
        "We want to transcribe our CEO's voice messages with AI. What applies?",
        "We use AI to verify customers' faces at check-in. What applies?",
        "We want AI to generate each character's voice in our game. What applies?",
        "We generate a summary of each customer's face-to-face visits with AI. What applies?",
    ],
)
def test_a_voice_or_face_processed_is_not_copied(question: str) -> None:
    assert not read_use_case(question).profile.synthetic_media


@pytest.mark.parametrize(
    "question",
    [
        "Our startup trains an LLM on articles scraped from news sites. What laws apply?",
        "We want to build a model trained on photos we crawled from Instagram. What are the rules?",
        "ウェブ上の画像をスクレイピングしてAIの学習データにしたいです。問題ありますか",
    ],
)
def test_works_scraped_from_the_web_are_copyrighted_material(question: str) -> None:
    assert read_use_case(question).profile.copyrighted_material


def test_scrap_metal_is_no_scraping() -> None:
    question = "Our recycling plant uses AI to sort scrap metal. What applies?"
    assert not read_use_case(question).profile.copyrighted_material


def test_a_camera_that_detects_when_drivers_tire_watches_people() -> None:
    question = (
        "Our logistics company is putting AI dashcams in our trucks that detect when drivers look"
        " drowsy. What do we need to comply with?"
    )
    assert read_use_case(question).profile.personal_data == "personal"


def test_recommendations_from_purchase_histories_are_a_use_case() -> None:
    reading = read_use_case(
        "Our online store wants to recommend products based on each shopper's purchase history."
        " Any legal issues in Japan?"
    )
    assert reading.activity and reading.is_use_case


def test_are_there_issues_asks() -> None:
    assert read_use_case(
        "We generate banner ads with Midjourney. Are there copyright issues in Japan?"
    ).asks


@pytest.mark.parametrize(
    ("question", "not_said"),
    [
        (
            "We manage a hotel chain and want AI to set room prices with dynamic pricing. What"
            " laws apply in Japan?",
            "retail",
        ),
        (
            "旅館を経営しています。宿泊料金の価格設定をAIに任せたいのですが、どの法律が関係しますか",
            "小売",
        ),
        (
            "Our newsletter wants AI to write summaries for its subscribers. What rules apply?",
            "telecommunications",
        ),
    ],
)
def test_what_any_business_does_names_no_sector(
    question: str, not_said: str, settings: Settings
) -> None:
    answer = ask(question, settings=settings, offline=True)
    assert answer.route == "use_case"
    assert not_said not in answer.answer


def test_a_property_manager_is_real_estate(settings: Settings) -> None:
    answer = ask(
        "We are a property management company and want AI to check tenants' ID photos. What"
        " rules apply?",
        settings=settings,
        offline=True,
    )
    assert "does not cover the laws specific to real estate" in " ".join(answer.answer.split())


def test_every_binding_layer_names_its_instrument() -> None:
    """A binding layer's line (title and why) names one of the instruments it cites, in both
    languages, so the answer says which law it is, not only 'criminal law'."""
    rb = load_rule_base()
    for layer in rb.triggers.values():
        if layer.legal_force != LegalForce.binding_hard_law:
            continue
        sources = [rb.sources[c.source] for c in layer.citations]
        en = f"{layer.title} {layer.why}"
        ja = f"{layer.title_ja} {layer.why_ja}"
        assert any(s.short_name.split(" (")[0] in en for s in sources), layer.id
        assert any((s.short_name_ja or "").split("（")[0] in ja for s in sources), layer.id


@pytest.mark.parametrize(
    "question",
    [
        "our dental clinic wants AI to read x-rays and flag cavities. what do we need to check",
        "歯科医院です。レントゲン画像から虫歯をAIで見つけるソフトを導入したいです。注意点は？",
    ],
)
def test_medical_images_are_health_data_and_a_cavity_a_condition(question: str) -> None:
    profile = read_use_case(question).profile
    assert profile.medical_purpose
    assert profile.personal_data == "sensitive"


def test_an_x_ray_of_a_weld_is_no_ones_health_data() -> None:
    question = "Our factory uses x-ray inspection AI to find defects in welds. What applies?"
    assert read_use_case(question).profile.personal_data == "none"


def test_a_subsidy_applied_for_is_a_public_service() -> None:
    question = "Our prefecture plans to use AI to screen applications for childcare subsidies."
    profile = read_use_case(question).profile
    assert "public_services" in profile.sectors
    assert profile.personal_data == "personal"


def test_a_child_allowance_is_no_school() -> None:
    question = (
        "自治体で、児童手当の申請書類をAIでチェックしたいと考えています。何に注意すべきですか"
    )
    assert "education" not in read_use_case(question).profile.sectors


@pytest.mark.parametrize(
    "question",
    [
        "We're a delivery startup using AI to plan routes for our couriers and rate their"
        " performance. What do we need to comply with?",
        "Our support team wants to use Claude to answer customer tickets, which contain names and"
        " order numbers. What should we check?",
    ],
)
def test_people_rated_or_named_in_records_are_personal_data(question: str) -> None:
    assert read_use_case(question).profile.personal_data == "personal"


def test_a_camera_that_analyses_workers_is_a_use_case() -> None:
    question = "物流倉庫で作業員の動きをカメラで分析して生産性を評価したいです。問題ありますか"
    reading = read_use_case(question)
    assert reading.activity and reading.is_use_case
    assert reading.profile.personal_data == "personal"


def test_legal_tech_is_legal_services(settings: Settings) -> None:
    answer = ask(
        "Our legaltech startup offers an AI that drafts contracts for small businesses. What"
        " Japanese regulations apply?",
        settings=settings,
        offline=True,
    )
    assert "does not cover the laws specific to legal services" in " ".join(answer.answer.split())


@pytest.mark.parametrize(
    "question",
    [
        "人事部で社員のストレスチェック結果をAIで分析して離職リスクを予測したいのですが大丈夫でしょうか",
        "We want AI to analyse our employees' stress check results. What applies?",
    ],
)
def test_a_stress_check_is_health_information(question: str) -> None:
    assert read_use_case(question).profile.personal_data == "sensitive"


def test_turning_selfies_into_avatars_is_generation_at_work() -> None:
    reading = read_use_case(
        "My startup makes an app that turns users' selfies into anime-style avatars. What Japanese"
        " laws apply?"
    )
    assert reading.activity and reading.is_use_case
    assert reading.profile.personal_data == "personal"


def test_a_scam_is_no_camera() -> None:
    question = "Our bank studies reported scams to spot customers at risk with AI. What applies?"
    assert "people_watched" not in {h.id for h in read_use_case(question).hints}


@pytest.mark.parametrize(
    "question",
    [
        "we're building a tutoring chatbot for high schoolers that remembers each kid's weak"
        " subjects. japan rules?",
        "We're an insurance broker using AI to recommend policies to customers based on their"
        " family situation and income. What applies?",
        "ホテルのフロントで、宿泊客のパスポートをAIで読み取って登録したいです。関係する法律は？",
    ],
)
def test_who_a_person_is_and_how_they_do_are_personal_data(question: str) -> None:
    assert read_use_case(question).profile.personal_data == "personal"


def test_the_progress_of_a_project_is_no_ones() -> None:
    question = "We want AI to track the progress of our construction projects. What applies?"
    assert read_use_case(question).profile.personal_data == "none"


def test_a_drone_is_no_loan() -> None:
    question = "農協です。ドローンとAIで稲の病気を見つけたいのですが、どんな規制がありますか"
    profile = read_use_case(question).profile
    assert "finance" not in profile.sectors
    assert not profile.medical_purpose


def test_a_convenience_store_is_retail(settings: Settings) -> None:
    answer = ask(
        "コンビニで防犯カメラの映像をAIで解析して万引きを防ぎたいです。違法ですか",
        settings=settings,
        offline=True,
    )
    assert "小売・EC分野固有の法令を扱っていません" in "".join(answer.answer.split())

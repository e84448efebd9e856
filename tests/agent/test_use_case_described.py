"""A question that describes what an organisation does or plans with AI (or with automation) is
a use case, whoever speaks: the structure actor + activity + AI element + ask, read from word
classes (knowledge/data/use_case_hints.yaml), not from phrases; a fact asked of the law stays a
lookup even when an organisation asks it (agent/use_case.py, agent/answer/understand.py)."""

from __future__ import annotations

import pytest

from agent.answer.understand import understand
from agent.use_case import read_use_case


@pytest.mark.parametrize(
    "question",
    [
        # an organisation named as the subject of a plan, no 'we'
        "The town council intends to let a chatbot answer tax enquiries. What must it consider?",
        "The ministry would like an LLM to summarise public comments. Anything to watch?",
        # first person as 'ourselves'
        "Three startups, ourselves among them, are pitching a generative AI tool to a city. "
        "What obligations follow?",
        # a device that does the work automatically, no AI word
        "Our bakery is adding a scanner that recognises pastries at the till. Any rules?",
        "We'd like software that sorts incoming invoices automatically. Anything legal to know?",
        "Our logistics firm wants robots to pick orders; what rules apply?",
        # a pilot of driverless transport
        "Our transit authority is piloting driverless buses next year. What laws apply?",
        # Japanese: an automated task, no AI word; a plan of a body named by its kind
        "倉庫で、荷物の傷を自動で判定するシステムを導入します。何か規制はありますか？",
        "店舗で、来店客を自動判別するカメラを設置したいです。注意点は？",
        "町で、住民からの問い合わせに自動で回答する仕組みを検討しています。何に気をつけるべきですか？",
    ],
)
def test_a_described_use_is_a_use_case(question: str) -> None:
    assert understand(question).route == "use_case"


@pytest.mark.parametrize(
    "question",
    [
        "We're a hospital. Does the APPI apply to us?",
        "Our company is in Osaka. Who enforces the AI Promotion Act?",
        "Does the AI Promotion Act apply automatically to foreign firms?",
        "Which agency is in charge of the AI Basic Plan?",
        "当社は病院です。個人情報保護法の監督官庁はどこですか？",
        "自動車メーカーにもAI推進法は適用されますか？",
    ],
)
def test_a_fact_asked_by_an_organisation_stays_a_lookup(question: str) -> None:
    assert understand(question).route == "lookup"


@pytest.mark.parametrize(
    ("question", "sector"),
    [
        ("Our startup runs robotaxis in Nagoya. What applies?", "mobility"),
        ("We operate autonomous shuttles at an airport. Which rules apply?", "mobility"),
        ("当社は自動運転バスの実証を始めます。必要な手続きは？", "mobility"),
        ("弊社はレベル4の無人運転サービスを計画しています。規制は？", "mobility"),
    ],
)
def test_driverless_transport_is_the_mobility_sector(question: str, sector: str) -> None:
    assert sector in read_use_case(question).profile.sectors


@pytest.mark.parametrize(
    "question",
    [
        "We're a German fintech bringing our AI advisor to Japan. What applies to us?",
        "Our Singaporean startup is launching its chatbot in Japan. What rules apply?",
        "We are expanding into the Japanese market with an AI tutor. What applies?",
        "韓国のスタートアップです。日本に進出してAIアプリを提供します。何に注意すべきですか？",
        "欧州のソフトウェア会社ですが、生成AIサービスで日本市場に参入したいです。規制は？",
    ],
)
def test_a_foreign_entrant_is_an_operator_outside_japan(question: str) -> None:
    assert read_use_case(question).profile.outside_japan


@pytest.mark.parametrize(
    "question",
    [
        "Our support desk records every conversation; we want AI to grade them. What applies?",
        "We'd like a model to summarise our contact centre recordings. Rules?",
    ],
)
def test_recorded_conversations_are_personal_data(question: str) -> None:
    assert read_use_case(question).profile.personal_data == "personal"


@pytest.mark.parametrize(
    "question",
    [
        "当クリニックでは、CT画像から腫瘍を見つけるAIを使う予定です。手続きは？",
        "内視鏡の画像でポリープを検出するAIを当院で導入します。何が必要ですか？",
    ],
)
def test_finding_a_lesion_in_a_scan_is_a_medical_purpose(question: str) -> None:
    assert read_use_case(question).profile.medical_purpose


@pytest.mark.parametrize(
    "question",
    [
        "市で、窓口の案内に生成AIを使おうと考えています。注意点は？",
        "本町では議事録の作成に生成AIを活用したいです。何に気をつけるべきですか？",
    ],
)
def test_a_municipality_named_by_its_kind_is_a_local_government(question: str) -> None:
    assert read_use_case(question).profile.organisation == "local_government"


@pytest.mark.parametrize(
    "question",
    [
        "A taxi firm in our city wants AI to plan routes. What applies?",
        "A clinic in our town uses AI to book appointments. What rules apply?",
    ],
)
def test_a_place_named_as_ours_is_no_local_government(question: str) -> None:
    assert read_use_case(question).profile.organisation == "company"


def test_a_word_list_may_name_another() -> None:
    from knowledge.hints import HintFile

    words = {"machines": ["cameras?"], "at_work": ["{machines} that spot"]}
    data = HintFile(
        words=words,
        asks=["x"],
        hints=[{"id": "a", "pattern": "y", "reads": "r", "sets": {"generative_ai": True}}],
    )
    assert data.expand("{at_work}") == "(?:(?:cameras?) that spot)"


def test_a_word_list_naming_itself_is_refused() -> None:
    from knowledge.hints import HintFile

    with pytest.raises(ValueError, match="nest"):
        HintFile(
            words={"loop": ["{loop}"]},
            asks=["{loop}"],
            hints=[{"id": "a", "pattern": "y", "reads": "r", "sets": {"generative_ai": True}}],
        )


@pytest.mark.parametrize(
    ("question", "field", "value"),
    [
        # the municipality as the subject of its plan
        (
            "The town intends to answer tax questions with a chatbot. Rules?",
            "organisation",
            "local_government",
        ),
        # grading work and deciding who: decisions about people
        ("Our juku wants AI to mark entrance exams. What applies?", "decisions_about_people", True),
        (
            "Our firm wants a model to decide which employees get bonuses. Legal?",
            "decisions_about_people",
            True,
        ),
        # reading medical images is a medical purpose
        (
            "Our clinic wants AI to interpret patients' x-rays. What do we need?",
            "medical_purpose",
            True,
        ),
        # drafting articles is making works
        (
            "Our magazine will use an LLM to draft columns. Any legal issues?",
            "copyrighted_material",
            True,
        ),
        # a supplier named after the ministry it sells to
        (
            "弊社は官公庁向けにAIチャットボットを納入します。何が求められますか？",
            "government_procurement",
            "supplier",
        ),
    ],
)
def test_what_a_described_use_reads(question: str, field: str, value: object) -> None:
    assert getattr(read_use_case(question).profile, field) == value


@pytest.mark.parametrize(
    "question",
    [
        "We're piloting unmanned inspection drones at our plant. What do we need?",
        "英国のフィンテック企業です。日本でAI与信サービスを始めます。何を遵守すべきですか？",
    ],
)
def test_more_described_uses_are_use_cases(question: str) -> None:
    assert understand(question).route == "use_case"


@pytest.mark.parametrize(
    "question",
    [
        "弊社は答案を採点するシステムを導入します。規制は？",
        "傷を見つけるカメラを工場に入れます。規制は？",
        "当社の店舗で、来店客を顔で照合するカメラを使いたいです。注意点は？",
    ],
)
def test_a_japanese_machine_named_by_its_task_is_automation(question: str) -> None:
    assert understand(question).route == "use_case"


def test_a_camera_kind_is_no_machine_at_work() -> None:
    """'監視カメラ' names a kind of camera: asking whether the APPI covers ours is a lookup."""
    assert understand("当社の監視カメラに個人情報保護法は適用されますか？").route == "lookup"


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (
            "Our arcade wants cameras that spot banned players by their faces. What applies?",
            "Facial recognition of identifiable people",
        ),
        ("当社の店舗で、来店客を顔で照合するカメラを使いたいです。注意点は？", "顔認識"),
    ],
)
def test_faces_named_without_the_word_bring_the_facial_recognition_facts(
    question: str, said: str
) -> None:
    from agent.qa import ask

    assert said in ask(question, offline=True).answer


@pytest.mark.parametrize(
    "question",
    [
        "Does the AI Promotion Act apply to firms based overseas?",
        "Are overseas businesses covered by the AI Promotion Act?",
    ],
)
def test_companies_abroad_asked_of_are_overseas_operators(question: str) -> None:
    """A fact asked of companies abroad is asked of the overseas operator, and stays a lookup."""
    read = understand(question)
    assert read.route == "lookup"
    assert "overseas_operator" in read.parts[0].entities


@pytest.mark.parametrize(
    "question",
    [
        "We are a US company. Is there an AI registration requirement in Japan?",
        "We're a startup in Kobe: are there AI penalties we should know?",
    ],
)
def test_an_ai_word_naming_a_rule_puts_no_ai_to_work(question: str) -> None:
    """'AI registration', 'AI penalties' name rules, as 'AI Act' does: no use is described."""
    assert understand(question).route != "use_case"


@pytest.mark.parametrize(
    "question",
    [
        "An airline is automating refund decisions. Does any law apply?",
        "Our insurer wants AI to make claims determinations. What applies?",
    ],
)
def test_a_decision_named_by_its_kind_is_about_people(question: str) -> None:
    reading = read_use_case(question)
    assert reading.profile.decisions_about_people
    assert reading.profile.personal_data == "personal"

"""Reading a use case by its parts: an actor, AI put to work and an ask, each from a class of
words or a sentence frame rather than a case's phrasing; personal data, sectors and creative works
from their nouns (agent/use_case.py, knowledge/data/use_case_hints.yaml)."""

from __future__ import annotations

import pytest

from agent.answer.understand import understand
from agent.use_case import read_use_case


@pytest.mark.parametrize(
    "question",
    [
        "We're adding AI demand forecasting to our bakery chain. Anything we should keep in mind?",
        "Our warehouse robots use machine learning to pick parcels. Do we need to do anything?",
        "We plan to let an AI assistant handle our invoices. What does Japanese law require?",
        "my team uses GPT-4 to translate manuals. any regulations we'd be breaking?",
        "I'm building an AI study planner. Is there a problem if I launch it in Japan?",
        "We're a small insurer using AI to price home policies. Where do we stand?",
        "Our clinic chain plans to roll out an AI scheduling bot. What's our exposure?",
        "We run a courier business that uses AI to plan routes. Are there rules for that?",
        "Our bakery uses AI to forecast demand. Any red flags for us here?",
    ],
)
def test_an_ask_is_read_from_its_frame(question: str) -> None:
    reading = read_use_case(question)
    assert reading.asks and reading.is_use_case
    assert understand(question).use_case is not None


@pytest.mark.parametrize(
    "question",
    [
        "We're installing face recognition gates at our office. What rules apply?",
        "Our plant wants machine vision to sort recycled plastics. What applies to us?",
        "We want a model that predicts which shops to restock. What applies?",
        "Our call centre adds speech recognition to its phones. What applies to us?",
    ],
)
def test_ai_named_by_what_it_does_is_ai_at_work(question: str) -> None:
    reading = read_use_case(question)
    assert reading.activity and reading.is_use_case


def test_a_question_word_before_can_we_asks_for_something_else() -> None:
    reading = read_use_case("Given the cost of chatbots, what vendors can we use for our shop?")
    assert not reading.asks


@pytest.mark.parametrize(
    "question",
    [
        "弊社は倉庫の在庫管理にAIを使いたいです。何に留意すればよいでしょうか？",
        "飲食店の売上予測にAIを入れたいのですが、必要な届出はありますか？",
        "工場のラインに画像認識を導入する予定です。守るべきルールは？",
    ],
)
def test_japanese_asks_and_wishes_are_read_from_their_words(question: str) -> None:
    reading = read_use_case(question)
    assert reading.asks and reading.actor
    assert understand(question).use_case is not None


def test_an_adjective_ending_in_tai_is_no_wish() -> None:
    assert not read_use_case("冷たい飲み物をAIで売る話はありますか？").actor


@pytest.mark.parametrize(
    ("question", "own"),
    [
        ("Is it legal to score loan applicants with AI?", True),  # a sector places it
        ("AIカメラで在庫を数えても大丈夫ですか？", False),  # nothing places it
        # watching over residents is data about people (test_use_case_word_classes.py)
        ("介護施設で入居者の見守りにAIカメラを使っても大丈夫ですか？", True),
        ("Is it legal to train AI on copyrighted novels?", False),  # a topic, not a use
        ("保険の審査をAIで自動化しても問題ありませんか？", True),
    ],
)
def test_leave_asked_with_no_one_named_is_own_use_where_it_is_placed(
    question: str, own: bool
) -> None:
    reading = read_use_case(question)
    assert reading.permission
    assert reading.own_use is own


@pytest.mark.parametrize(
    "question",
    [
        "Our gym wants AI to study members' workout bookings and habits. What applies?",
        "We want an AI to sort visitors' fingerprints at the door. What applies?",
        "当社は会員の予約と好みをAIで分析したいです。注意点は？",
    ],
)
def test_personal_data_is_read_from_data_nouns(question: str) -> None:
    assert read_use_case(question).profile.personal_data in ("personal", "sensitive")


@pytest.mark.parametrize(
    "question",
    [
        "Our clinic wants AI to summarise the notes on each patient. What applies?",
        "We want AI to flag drug interactions from customers' prescriptions. What rules apply?",
        "当院では受診者の検査結果を生成AIで説明したいです。どの規制が関係しますか？",
    ],
)
def test_health_records_and_patients_records_are_sensitive(question: str) -> None:
    assert read_use_case(question).profile.personal_data == "sensitive"


@pytest.mark.parametrize(
    ("question", "works"),
    [
        (
            "Our studio wants to generate sprites and textures with Midjourney. What applies?",
            True,
        ),
        ("We use generative AI to draw logos for clients. Is that legal in Japan?", True),
        ("我々は画像生成AIでロゴを制作しています。注意点は？", True),
        ("We use generative AI to summarise images of receipts. What applies?", False),
    ],
)
def test_generating_creative_works_raises_copyright(question: str, works: bool) -> None:
    assert read_use_case(question).profile.copyrighted_material is works


def test_a_verb_book_is_no_book() -> None:
    reading = read_use_case("Our salon wants a chatbot to book visits for customers. What applies?")
    assert not reading.profile.copyrighted_material


@pytest.mark.parametrize(
    "question",
    [
        "We're a neobank using AI to answer customers. What applies?",
        "Our securities brokerage wants AI to draft research notes. What applies?",
        "当社は証券会社で、AIで顧客対応をしたいです。注意点は？",
    ],
)
def test_finance_is_read_from_its_nouns(question: str) -> None:
    assert "finance" in read_use_case(question).profile.sectors


@pytest.mark.parametrize(
    "question",
    [
        "Our e-sports company wants AI to spot cheaters from match data. Legal issues?",
        "We'd like to fine-tune Llama on our internal wiki. What's the legal situation in Japan?",
        "we sell used cars and want AI to write listings. need to worry about anything?",
        "How should our insurance company run AI claims triage under Japanese rules?",
        "うちの会社で議事録作成にChatGPTを使うのはまずいですか？",
        "ウチの店でお客さんの顔を認識して常連か判定したい。法律的にOK？",
    ],
)
def test_terse_and_roundabout_asks_are_read(question: str) -> None:
    assert understand(question).use_case is not None


def test_leave_asked_about_named_peoples_data_is_a_use() -> None:
    question = "Is it legal for a company to use AI to read employees' emails in Japan?"
    assert understand(question).use_case is not None


def test_a_generated_voice_of_a_real_person_is_synthetic_media() -> None:
    reading = read_use_case("Our ad uses an AI-generated voice of a famous actor. Allowed?")
    assert reading.profile.synthetic_media


def test_machine_learning_is_no_training_on_inputs() -> None:
    reading = read_use_case("製造ラインの異常検知に機械学習を使いたいです。必要な手続きは？")
    assert not reading.profile.personal_data_beyond_output


@pytest.mark.parametrize(
    "question",
    [
        "Our gym wants fingerprint scanning at the door. What applies to us?",
        "We're adding voice identification to our banking app's login. What applies?",
        "区役所で区民からの要望を生成AIで分類したいです。注意点は？",
    ],
)
def test_biometrics_and_requests_are_personal_data(question: str) -> None:
    assert read_use_case(question).profile.personal_data in ("personal", "sensitive")


def test_a_health_declaration_is_sensitive() -> None:
    question = "We want AI to read the health declarations travellers fill in. What applies?"
    assert read_use_case(question).profile.personal_data == "sensitive"


@pytest.mark.parametrize(
    ("question", "hiring"),
    [
        ("Our lender wants AI to rank loan applicants. What applies?", False),
        ("We want AI to rank applicants for our open positions. What applies?", True),
    ],
)
def test_applicants_are_hiring_only_for_a_job(question: str, hiring: bool) -> None:
    assert ("employment" in read_use_case(question).profile.sectors) is hiring


@pytest.mark.parametrize(
    "question",
    [
        "Our shop uses an AI camera system on its CCTV feed. Is there anything special in Japan?",
        "Our dental practice uses an AI scribe for consultations. What's required?",
        "We plug OpenAI into our helpdesk. What is mandatory for us?",
    ],
)
def test_what_is_required_and_anything_special_are_asks(question: str) -> None:
    assert understand(question).use_case is not None


def test_ai_vendors_are_ai_at_work() -> None:
    assert read_use_case("my app uses OpenAI to tag photos. what laws apply?").activity


def test_camera_footage_is_personal_data() -> None:
    reading = read_use_case("We want AI to watch our security cameras for theft. What applies?")
    assert reading.profile.personal_data == "personal"


def test_edtech_is_education() -> None:
    reading = read_use_case("We're an edtech startup using AI to set quizzes. What applies?")
    assert "education" in reading.profile.sectors


@pytest.mark.parametrize(
    ("question", "own"),
    [
        ("保育施設で園児の様子をAIカメラで記録します。何に気をつけるべき？", True),
        ("当社は会計ソフトにLLMを組み込んでいます。必要な対応は？", True),
        ("AIは物流で広く使われています。どんな規制がありますか？", False),
        ("AIを導入する企業にはどんな規制がありますか？", False),
    ],
)
def test_a_use_stated_politely_in_the_active_voice_is_the_speakers(
    question: str, own: bool
) -> None:
    assert read_use_case(question).actor is own


def test_how_the_law_sees_a_placed_use_is_leave_asked() -> None:
    reading = read_use_case("店員の接客態度をAIで採点するのは法的にどうですか")
    assert reading.permission and reading.own_use


@pytest.mark.parametrize(
    ("question", "use_case"),
    [
        ("AIサービスを始めるにはどの省庁の許可が必要ですか？", False),  # a service, no one's own
        ("病院として、AIで問診票を要約したいと考えています。注意点は？", True),
        ("AIで求人票を作るツールを開発している。何か規制ある？", True),
    ],
)
def test_in_japanese_the_readers_words_decide_whose_use(question: str, use_case: bool) -> None:
    assert (understand(question).use_case is not None) is use_case


def test_whether_the_law_applies_is_a_fact_question() -> None:
    assert not read_use_case("Does existing Japanese law still apply when we use AI?").asks


@pytest.mark.parametrize(
    "question",
    [
        "Which ministry licenses AI chatbots we run?",
        "AIアプリを公開するにはどの省庁の許可が要りますか？",
    ],
)
def test_a_ministry_asked_about_is_not_the_user(question: str) -> None:
    assert read_use_case(question).profile.organisation == "company"


def test_a_japanese_service_is_the_askers_where_the_question_places_it() -> None:
    question = "社員の面談記録をAIで分析するサービスにはどの規制が関係しますか？"
    assert understand(question).use_case is not None


@pytest.mark.parametrize(
    "question",
    [
        "We use AI to evaluate our employees' performance. What applies?",
        "We want AI to summarise staff attendance records. What applies?",
        "社員の人事評価にAIを使おうと考えています。どんな決まりがありますか？",
        "従業員の勤怠データをAIで分析したい。注意点は？",
    ],
)
def test_existing_staff_records_are_personal_data_not_hiring(question: str) -> None:
    """Job seekers' data is the Employment Security Act's (Art. 5-5); staff evaluations,
    attendance and HR records are personal data under the APPI, and no recruitment."""
    profile = read_use_case(question).profile
    assert profile.personal_data == "personal"
    assert "employment" not in profile.sectors


@pytest.mark.parametrize(
    ("question", "school"),
    [
        ("Our university wants students to use ChatGPT for essays. What applies?", False),
        ("大学で学生に生成AIを使わせたい。注意点は？", False),
        ("Our high school wants pupils to use ChatGPT for essays. What applies?", True),
        ("中学校の授業で生成AIを使いたい。注意点は？", True),
    ],
)
def test_the_school_sector_is_primary_and_secondary_education(question: str, school: bool) -> None:
    """MEXT's guideline addresses primary and secondary education, not universities."""
    assert ("education" in read_use_case(question).profile.sectors) is school


@pytest.mark.parametrize(
    "question",
    [
        "社員の人事評価にAIを使おうと考えています。どんな決まりがありますか？",
        "店舗にAIカメラを導入しようと思っています。注意点は？",
    ],
)
def test_a_plan_stated_as_an_intention_is_the_speakers_use(question: str) -> None:
    assert understand(question).use_case is not None


def test_files_staff_upload_are_not_their_hr_records() -> None:
    question = "Our staff upload files to ChatGPT to summarise them. What applies?"
    assert "staff_records" not in {h.id for h in read_use_case(question).hints}

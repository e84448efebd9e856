"""Issues 15 and 18: Japanese questions as Japanese users type them are read for what they ask:
full-width question marks between parts, the question word at the end, abbreviations, polite
and plain forms of a false belief, negative questions, elliptical follow-ups."""

from __future__ import annotations

import pytest

from agent.answer.reader import default_reader
from agent.answer.understand import understand


def _facets(question: str) -> list[str]:
    return [p.facet.value for p in understand(question).parts]


def test_a_full_width_question_mark_ends_a_part() -> None:
    # NFKC turns ？ into ?, with no space after it in Japanese text.
    assert _facets("AI推進法に拘束力はありますか？罰則はどうなっていますか？") == [
        "legal_force",
        "penalty",
    ]


@pytest.mark.parametrize(
    ("question", "facet"),
    [
        ("個人情報保護法を執行しているのはどこ？", "who"),  # 執行 is a topic; どこ asks
        ("罰則を決めたのは誰ですか", "who"),
        ("AI推進法の義務に違反したら罰則はありますか", "penalty"),
    ],
)
def test_the_japanese_question_word_at_the_end_decides_the_facet(question: str, facet: str) -> None:
    assert _facets(question) == [facet]


@pytest.mark.parametrize(
    ("question", "entity"),
    [
        ("事業者GLの最新版はいつ公表されましたか", "aigfb"),  # GL: ガイドライン
        ("AI事業者ＧＬって拘束力ある？", "aigfb"),
        ("個情法って生成AIにも関係ある？", "appi"),
        ("こじんじょうほうほごほうを執行しているのはどこ？", "appi"),
    ],
)
def test_japanese_abbreviations_and_kana_link(question: str, entity: str) -> None:
    assert entity in default_reader().linker.link(question) or entity in [
        e for p in understand(question).parts for e in p.entities
    ]


@pytest.mark.parametrize(
    ("question", "premise"),
    [
        ("AI推進法では採用に使うAIは高リスクAIに分類されるのでしょうか", "risk_tier"),
        ("AIで作った広告画像は「AI生成」と明記しないと違法ですよね", "labelling_mandatory"),
        ("うちは米国企業なので日本の個人情報保護法は適用されませんよね？", "foreign_exempt"),
        ("事業者ガイドラインを守らないと罰金を取られますか？", "ai_fines"),
    ],
)
def test_a_false_belief_is_caught_in_japanese_wording(question: str, premise: str) -> None:
    assert premise in understand(question).parts[0].premises


def test_an_elliptical_japanese_follow_up_asks_of_the_earlier_subject() -> None:
    (part,) = understand("罰則は？", history=["AI推進法について教えて"]).parts
    assert part.entities[0] == "ai_promotion_act"
    assert part.facet.value == "penalty"


def test_a_negative_question_gets_no_bare_yes(session_home: object) -> None:
    from agent.qa import ask

    answer = ask("うちは米国企業なので日本の個人情報保護法は適用されませんよね？", offline=True)
    assert not answer.answer.startswith("はい"), answer.answer


@pytest.mark.parametrize(
    ("question", "entity"),
    [
        ("人工知能事業者ガイドラインは拘束力ある？", "aigfb"),  # AI written 人工知能
        ("じんこうちのうの法律ってあるの？", "japan_ai_regime"),  # and heard in kana
    ],
)
def test_ai_links_in_either_spelling(question: str, entity: str) -> None:
    assert entity in default_reader().linker.link(question)


@pytest.mark.parametrize("question", ["日本にはAIに関する法律はありますか", "AIの法律ってあるの？"])
def test_whether_the_ai_law_exists_is_answered_yes(session_home: object, question: str) -> None:
    from agent.qa import ask

    answer = ask(question, offline=True)
    assert answer.answer.startswith("はい。日本にはAIに関する法律があります"), answer.answer


def test_since_when_asks_when_it_took_effect() -> None:
    from agent.answer.select import by_entity_and_facet

    reader = default_reader("ja")
    for question, history in [
        ("AI推進法はいつから適用されていますか", None),  # いつ decides, not 適用 (scope)
        ("それはいつから？", ["AI推進法とは何ですか？"]),
    ]:
        (part,) = understand(question, reader, history=history).parts
        assert part.facet.value == "when"
        assert "2025年6月4日" in by_entity_and_facet(part, reader)[0].text  # in force that day


def test_face_recognition_is_no_approval_and_holds_personal_data() -> None:
    from agent.use_case import read_use_case

    question = "店舗の防犯カメラに顔認証を入れて万引きを検知したいのですが、注意点は？"
    assert "licence" not in understand(question).parts[0].premises  # 認証 in 顔認証 is no approval
    assert read_use_case(question).profile.personal_data == "personal"
    # A diagnosis is health information: special care-required personal data.
    reading = read_use_case("病院で画像診断をAIに手伝わせたいのですが、手続きは必要ですか？")
    assert reading.profile.personal_data == "sensitive"


@pytest.mark.parametrize(
    ("question", "facet"),
    [
        ("AI推進法って誰に適用されるの？", "scope"),  # 誰に適用: to whom, not who
        ("AI事業者ガイドラインの対象は誰ですか", "scope"),
        ("AI事業者ガイドラインって守らなきゃいけないの？", "legal_force"),
        ("AI事業者ガイドラインは何版まで出ていますか", "when"),
    ],
)
def test_plain_japanese_asks_its_facet(question: str, facet: str) -> None:
    assert _facets(question) == [facet]


def test_approval_by_the_state_is_the_licence_belief() -> None:
    assert "licence" in understand("AIを導入する前に国の承認が要りますか").parts[0].premises


def test_the_head_of_a_japanese_name_is_asked_of() -> None:
    # The guideline under Art. 13 of the Act is asked of, not the Act.
    assert default_reader().linker.link("AI推進法第13条の指針は誰が決めたの") == ["art13_guideline"]
    assert default_reader().linker.link("AI推進法とAI事業者ガイドライン") == [
        "ai_promotion_act",
        "aigfb",
    ]


@pytest.mark.parametrize(
    "question",
    [
        "AIシステムの届け出先はどこですか",
        "AI利用者として気をつけることは？",
        "AIを使うには免許が要るって本当？",
    ],
)
def test_plain_japanese_about_duties_and_roles_is_in_scope(question: str) -> None:
    from agent.answer.guard import classify

    assert classify(question) == ("in", False)


def test_is_it_true_asks_yes_or_no_and_a_licence_is_corrected(session_home: object) -> None:
    from agent.qa import ask

    answer = ask("AIを使うには免許が要るって本当？", offline=True)
    assert answer.route == "premise" and answer.answer.startswith("いいえ。"), answer.answer


@pytest.mark.parametrize(
    ("earlier", "question", "entity"),
    [
        ("AI推進法について教えて", "誰が作ったの", "ai_promotion_act"),  # the subject left unsaid
        ("AI事業者ガイドラインについて教えてください", "最新は何版？", "aigfb"),
        (
            "人工知能基本計画とは何ですか",
            "いつ閣議決定された？",
            "ai_basic_plan",
        ),  # 閣議決定: an event
        ("デジタル庁のガイドラインって何", "地方自治体にも適用される？", "da_genai_guideline"),
    ],
)
def test_a_japanese_follow_up_without_its_subject_asks_of_the_earlier_one(
    earlier: str, question: str, entity: str
) -> None:
    from agent.answer.guard import classify

    assert classify(question)[0] == "in" or _in_chat(question, earlier)
    assert understand(question, history=[earlier]).parts[0].entities[0] == entity


def _in_chat(question: str, earlier: str) -> bool:
    from agent.answer.guard import guard

    state = {"question": question, "history": [(earlier, "")]}
    return guard(state)["scope"] == "in"  # type: ignore[arg-type]


def test_who_issued_it_is_said_in_a_japanese_sentence(session_home: object) -> None:
    from agent.qa import ask

    answer = ask("AI事業者ガイドラインは誰が作ったの？", offline=True)
    assert answer.answer.startswith("AI事業者ガイドラインを定めたのは経済産業省・総務省です。")


def test_a_negative_condition_is_no_negative_question(session_home: object) -> None:
    from agent.qa import ask

    # 従わないと: 'if we do not follow'; the question itself is plain, so it is answered no.
    answer = ask("AI事業者ガイドラインに従わないと業務停止命令が出るの？", offline=True)
    assert answer.answer.startswith("いいえ。"), answer.answer

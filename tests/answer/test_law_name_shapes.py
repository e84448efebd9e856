"""A law named in the forms users type it ('japan's anti-spam law', '建築基準法上', '〜法的に',
'〜法違反', '〜に関する法律') that the rule base does not hold is answered 'not covered'; a law it
covers named the same way, or a word that only looks like a law's name, is not."""

from __future__ import annotations

import pytest

from agent.answer.coverage import law_names, uncovered_laws
from agent.answer.reader import default_reader
from agent.answer.understand import understand
from agent.qa import ask


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("under Japan's anti-spam email law, can our AI agent send emails?", "anti-spam email law"),
        ("is it ok under japan's anti-spam law for our AI to cold email?", "anti-spam law"),
        ("would an AI filing service break the scrivener law?", "scrivener law"),
        ("AIで作った構造計算書は建築基準法上問題ない？", "建築基準法"),
        ("AIが申請書類を作るサービスは行政書士法的にセーフ？", "行政書士法"),
        ("AIの広告メールは特定電子メール法違反？", "特定電子メール法"),
        ("特定商取引に関する法律では、AIの電話勧誘は規制されますか？", "特定商取引に関する法律"),
    ],
)  # fmt: skip
def test_an_unheld_law_is_found_in_the_form_typed(question: str, name: str) -> None:
    assert [law.name for law in uncovered_laws(question, default_reader())] == [name]


@pytest.mark.parametrize(
    ("question", "entity"),
    [
        ("what does japanese privacy law say about customer data in AI?", "appi"),
        ("under japanese copyright law can we train on scraped images?", "copyright_act"),
        ("does japan's ai law have penalties?", "ai_promotion_act"),
        ("著作権法上、AIの学習に画像を使ってもいい？", "copyright_act"),
        ("個人情報保護法的にはどう？", "appi"),
        ("人工知能関連技術の研究開発及び活用の推進に関する法律の第7条は？", "ai_promotion_act"),
    ],
)
def test_a_covered_law_in_the_same_forms_is_that_law(question: str, entity: str) -> None:
    assert [law.entity for law in law_names(question, default_reader())] == [entity]


@pytest.mark.parametrize(
    "question",
    [
        "is this against the law?",
        "is soft law enough for AI governance?",
        "does any law require us to label AI content?",
        "how does japanese law compare with eu law on AI?",
        "we are a small law firm using AI to review contracts",
        "is japan's approach law-based or guideline-based?",
        "Do I need to follow japanese IP law when training?",  # a field of law, no statute
        "Do the AI Guidelines for Business count as mandatory law?",
        "法的拘束力はありますか",
        "AIの方法上の問題は？",
        "AIの倫理的・法的・社会的課題とは？",
        "業務上法的な問題はある？",
    ],
)
def test_words_that_only_look_like_a_name_are_no_law(question: str) -> None:
    assert uncovered_laws(question, default_reader()) == []


@pytest.mark.parametrize(
    "question",
    [
        "under Japan's anti-spam email law, can our AI sales agent email leads without opt-in?",
        "AIで作成した構造計算書を建築確認申請に使っても建築基準法上問題ない？",
    ],
)
def test_asked_under_an_unheld_law_is_not_read_as_a_use_case(question: str) -> None:
    query = understand(question)
    assert query.use_case is None
    assert query.parts[0].route == "not_covered"


def test_the_answer_names_the_law_and_points_to_counsel(session_home: object) -> None:
    answer = ask("AIが申請書類を作って出すサービスは行政書士法的にセーフ？", offline=True)
    assert answer.route == "not_covered"
    assert answer.answer.split("。")[0].startswith("行政書士法はShirubeのルールベースの対象外")
    assert "専門家" in answer.answer

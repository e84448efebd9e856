"""Issue 18: Japanese compound questions divide into their asks; kanji article numbers, どなた
and the names of what is dated are read as the rule base writes them."""

from __future__ import annotations

import pytest

from agent.answer.japanese_parts import split_joined, without_connective
from agent.answer.reader import default_reader
from agent.answer.select import date_facts
from agent.answer.understand import split_parts, understand
from knowledge.index.japanese import arabic_articles, kanji_number, spaced
from knowledge.schema import Facet


def _facets(question: str) -> list[tuple[list[str], Facet]]:
    query = understand(question, default_reader("ja"))
    return [(p.entities, p.facet) for p in query.parts]


@pytest.mark.parametrize(
    ("question", "facets"),
    [
        # two question marks, the second ask opened by それと and short
        ("AI推進法に罰則はありますか？？それと拘束力は？", [Facet.penalty, Facet.legal_force]),
        # あと on its own between the asks
        ("人工知能基本計画はいつ決まった？あと、誰が作ってるの？", [Facet.when, Facet.who]),
        # また opening the second ask
        ("第13条の指針って拘束力ある？また誰が決めたの？", [Facet.legal_force, Facet.who]),
        # two asks in one noun phrase, joined by と
        ("AI事業者ガイドラインの策定元と最新版の公表日を教えてください", [Facet.who, Facet.when]),
        # a て-form clause, then a short ask after 、
        ("AI推進法はいつ公布されて、罰則はあるの？", [Facet.when, Facet.penalty]),
    ],
)
def test_each_japanese_ask_is_a_part_of_its_own(question: str, facets: list[Facet]) -> None:
    parts = _facets(question)
    assert [facet for _, facet in parts] == facets
    assert all(entities for entities, _ in parts)  # the later ask keeps the subject named first


@pytest.mark.parametrize(
    "question",
    [
        "対象となる事業者の義務は何ですか",  # 対象となる: a verb after と, no second ask
        "AI推進法とEUのAI法の違いは何ですか",  # と between two names
        "日本では感情認識AIが禁止されたと聞きましたが、本当ですか？",  # nothing new asked
        "AI推進法はいつ施行されましたか？いつ公布？",  # the same facet again
    ],
)
def test_one_ask_stays_one_part(question: str) -> None:
    assert len(split_parts(spaced(question))) == 1


def test_a_connective_is_dropped_only_before_an_ask() -> None:
    assert without_connective("それと拘束力は") == "拘束力は"
    assert without_connective("あと") == ""
    assert without_connective("あとで確認します") == "あとで確認します"
    assert split_joined("罰則と拘束力") == ["罰則", "拘束力"]
    assert split_joined("English and more") == ["English and more"]


@pytest.mark.parametrize(
    ("kanji", "number"), [("四", 4), ("十", 10), ("三十", 30), ("百七十一", 171), ("一〇", 10)]
)
def test_kanji_numbers(kanji: str, number: int) -> None:
    assert kanji_number(kanji) == number


def test_an_article_in_kanji_numerals_reads_as_the_rule_base_writes_it() -> None:
    assert arabic_articles("著作権法第三十条の四") == "著作権法第30条の4"
    assert arabic_articles("個人情報保護法第二十七条第一項") == "個人情報保護法第27条第1項"
    assert arabic_articles("統一条約") == "統一条約"  # a kanji number inside a word
    (part,) = understand("AI推進法第七条の内容を教えて", default_reader("ja")).parts
    assert "act_art7" in part.entities
    (part,) = understand("著作権法第三十条の四とは", default_reader("ja")).parts
    assert "copyright_art30_4" in part.entities


def test_donata_asks_who_and_is_no_yes_no_question() -> None:
    (part,) = understand("AI戦略本部の本部長はどなたでしょうか", default_reader("ja")).parts
    assert part.facet == Facet.who and not part.yes_no
    follow = understand(
        "本部長はどなたですか", default_reader("ja"), history=["人工知能戦略本部とは何ですか"]
    )
    assert follow.parts[0].entities == ["ai_strategic_hq"]


def test_the_name_dated_does_not_name_the_event() -> None:
    """'人工知能法はいつ公布' asks the promulgation, not the chapters whose text holds 人工知能."""
    reader = default_reader("ja")
    for asked in (
        "人工知能法はいつ公布された",
        "人工知能関連技術の研究開発及び活用の推進に関する法律はいつから効力",
    ):
        lead = date_facts(["ai_promotion_act"], reader, spaced(asked))[0]
        assert "2025年6月4日" in lead.text


def test_jurisdiction_is_asked_of_who_acts_not_who_enacted() -> None:
    """'個人情報保護法の管轄はどこ' asks who administers it (the PPC), not who passed it."""
    from agent.answer.select import by_entity_and_facet

    reader = default_reader("ja")
    (part,) = understand("個人情報保護法の管轄はどこ？", reader).parts
    assert by_entity_and_facet(part, reader)[0].id == "ppc_role"


@pytest.mark.parametrize(
    ("question", "facet"),
    [
        ("AI推進法違反で捕まりますか", Facet.penalty),  # 捕まる, whatever its ending
        ("AI推進法に違反すると罰せられますか", Facet.penalty),
        ("AI推進法は強制ですか", Facet.legal_force),
        ("AI事業者ガイドラインは任意ですか", Facet.legal_force),
        ("AI推進法とEUのAI法、どっちが厳しい？", Facet.compare),
        ("AI事業者ガイドラインって誰向けのものですか", Facet.scope),
    ],
)
def test_japanese_words_ask_a_facet_whatever_their_ending(question: str, facet: Facet) -> None:
    (part,) = understand(question, default_reader("ja")).parts
    assert part.facet == facet


def test_a_degree_word_alone_asks_no_comparison() -> None:
    (part,) = understand("厳しい規制はありますか", default_reader("ja")).parts
    assert part.facet != Facet.compare


def test_a_comparison_of_degree_takes_no_facts_yes_or_no() -> None:
    """'…より厳しいですか' is not answered 'No' by the fact that the Act is no copy of the EU's."""
    for question in (
        "日本のAI推進法はEUのAI法より厳しいですか",
        "EUのAI法と比べて日本のAI推進法は緩いですか",
    ):
        (part,) = understand(question, default_reader("ja")).parts
        assert part.facet == Facet.compare and not part.yes_no
    (part,) = understand("AI推進法はEUのAI法と同じですか", default_reader("ja")).parts
    assert part.yes_no


@pytest.mark.parametrize(
    ("question", "entity"),
    [
        ("経産省のAIガイドラインはいつ更新された？", "aigfb"),
        ("AI事業者向けガイドラインの拘束力", "aigfb"),
        ("個人情報法の監督機関は？", "appi"),
        ("AI促進法に罰則はありますか", "ai_promotion_act"),
    ],
)
def test_everyday_japanese_names(question: str, entity: str) -> None:
    (part,) = understand(question, default_reader("ja")).parts
    assert part.entities[0] == entity


def test_an_update_asks_the_newest_date() -> None:
    reader = default_reader("ja")
    lead = date_facts(["aigfb"], reader, spaced("AI事業者ガイドラインはいつ更新された"))[0]
    assert "2026年3月31日" in lead.text


def test_a_compound_follow_up_asks_each_part_of_the_earlier_subject() -> None:
    query = understand(
        "誰が決めたの？あと拘束力は？", default_reader("ja"), history=["第13条の指針とは？"]
    )
    assert [p.entities[:1] for p in query.parts] == [["art13_guideline"], ["art13_guideline"]]
    assert [p.facet for p in query.parts] == [Facet.who, Facet.legal_force]


def test_dou_desu_ka_asks_the_earlier_question_of_the_new_subject() -> None:
    (part,) = understand(
        "個人情報保護法はどうですか", default_reader("ja"), history=["AI推進法に罰則はありますか"]
    ).parts
    assert part.entities[0] == "appi" and part.facet == Facet.penalty


def test_what_an_article_says_is_what_it_provides() -> None:
    """'第7条の内容' is answered by Article 7's duties, not by a definition that cites it."""
    from agent.answer.select import by_entity_and_facet

    reader = default_reader("ja")
    for question in (
        "AI推進法第七条の内容を教えて",
        "AI推進法の第7条にはどんなことが書いてありますか",
    ):
        (part,) = understand(question, reader).parts
        assert by_entity_and_facet(part, reader)[0].id == "art7_duties"


def test_a_japanese_question_without_cue_or_mark_is_an_ask_of_its_own() -> None:
    parts = split_parts(
        spaced("AI学習と著作権について文化庁の考え方はありますか、そして第30条の4とは何ですか")
    )
    assert parts == ["AI 学習と著作権について文化庁の考え方はありますか", "第30条の4とは何ですか"]

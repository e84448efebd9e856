"""Japanese conversion slips (変換ミス) are read as the rule base's words that sound the same."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from agent.answer.homophones import Homophones, KatakanaSlips
from agent.answer.reader import default_reader
from agent.answer.understand import understand


@pytest.fixture(scope="module")
def slips() -> Homophones:
    return Homophones(["AI推進法は公布の日に施行された。", "個人情報保護法が適用される。"])


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("いつ交付されましたか", "いつ公布されましたか"),  # 交付 / 公布: こうふ
        ("いつ思考されましたか", "いつ施行されましたか"),  # 思考 / 施行: しこう
        ("生成AIに摘要されますか", "生成AIに適用されますか"),  # 摘要 / 適用: てきよう
    ],
)
def test_a_slip_is_read_as_the_word_meant(slips: Homophones, typed: str, meant: str) -> None:
    assert slips.correct(typed) == meant


def test_a_word_the_rule_base_uses_and_kana_stay(slips: Homophones) -> None:
    for text in ("AI推進法はいつ施行されましたか", "すべてひらがなです", "English stays"):
        assert slips.correct(text) == text


def test_the_engine_reads_slips_against_its_own_japanese_texts() -> None:
    (part,) = understand("AI推進法わいつ交付されましたか", default_reader("ja")).parts
    assert part.facet.value == "when" and "公布" in part.text
    (part,) = understand("人口知能基本計画はいつ決まった", default_reader("ja")).parts
    assert part.entities == ["ai_basic_plan"]


def test_each_distinct_kanji_run_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Building the table reads the runs of kanji, not every text whole: the rule base repeats
    its words, so the first Japanese question does not pay for reading them all again."""
    from agent.answer import homophones

    read: list[str] = []
    words = homophones._words

    def counting(text: str) -> list[tuple[str, str]]:
        read.append(text)
        return words(text)

    monkeypatch.setattr(homophones, "_words", counting)
    table = Homophones(["AI推進法は公布の日に施行された。", "公布の日に施行された。", "施行"])
    assert sorted(read) == sorted(["推進法", "公布", "施行"])
    assert table.correct("いつ交付されましたか") == "いつ公布されましたか"


def test_a_word_the_use_case_reading_knows_is_no_slip() -> None:
    """工場 (factory) sounds like the rule base's 向上 (improvement) but is a word of the use-case
    reading, so it is read as typed and the factory's use is still read."""
    query = understand("工場で画像認識AIを使って検品する場合の注意点は？", default_reader("ja"))
    assert "工場" in query.parts[0].text
    assert query.use_case is not None


KATAKANA_RUN = re.compile(r"[ァ-ヶー]{6,}")


def _katakana_names() -> list[tuple[str, str, str]]:
    """(alias, its katakana word of six kana or more, entity) in the registry's Japanese names."""
    reader = default_reader()
    return sorted(
        (alias, run, entity.id)
        for entity in reader.rule_base.entities.values()
        for alias in {entity.name_ja or "", *entity.aliases}
        for run in KATAKANA_RUN.findall(alias)
    )


KATAKANA_NAMES = _katakana_names()


def test_a_katakana_word_one_kana_off_the_texts_is_theirs() -> None:
    slips = KatakanaSlips(["AI事業者ガイドライン", "レッドチーミング", "ガイドライン"])
    assert slips.correct("AI事業者ガイドランの最新版") == "AI事業者ガイドラインの最新版"
    assert slips.correct("レッドチーミグは義務？") == "レッドチーミングは義務？"
    assert slips.correct("データとルール") == "データとルール"  # short words are left alone


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(KATAKANA_NAMES), st.integers(0, 40), st.sampled_from("アイウエオカキクケコンー")
)
def test_one_kana_off_a_registered_katakana_name_still_names_it(
    name: tuple[str, str, str], at: int, kana: str
) -> None:
    alias, run, entity = name
    at %= len(run)
    for typo in (run[:at] + run[at + 1 :], run[:at] + kana + run[at + 1 :]):
        others = [w for _, w, e in KATAKANA_NAMES if e != entity and OSA.distance(typo, w) <= 1]
        if typo == run or others:
            continue  # as near another name's word: no reading tells which was meant
        linked = default_reader().linker.link(alias.replace(run, typo) + "について")
        assert entity in linked, (alias, typo, linked)


def test_a_noun_typed_in_hiragana_is_the_kanji_word_read_the_same() -> None:
    reader = default_reader()
    assert "登録" in reader.homophones.correct("AIシステムを国にとうろくする必要ってありますか")
    # A verb in kana ('しよう' is no 使用) and a short word stay as typed.
    assert reader.homophones.correct("しようと考えています") == "しようと考えています"
    query = understand("AIシステムを国にとうろくする必要ってありますか", reader)
    assert "registration" in query.parts[0].premises, query


def test_a_katakana_word_typed_in_hiragana_is_that_word() -> None:
    """'がいどらいん' is ガイドライン as typed with the IME left in hiragana (issue 18)."""
    slips = KatakanaSlips(["ガイドライン", "ディープフェイク", "データ"])
    assert slips.correct("がいどらいんに従わないと") == "ガイドラインに従わないと"
    assert slips.correct("でぃーぷふぇいくは違法？") == "ディープフェイクは違法？"
    # Short words and ordinary hiragana stay as typed.
    assert slips.correct("でーたはありますか") == "でーたはありますか"


def test_a_guideline_typed_in_hiragana_is_read_as_in_katakana() -> None:
    reader = default_reader("ja")
    kana = understand("がいどらいんに従わないと罰せられますか", reader).parts[0]
    katakana = understand("ガイドラインに従わないと罰せられますか", reader).parts[0]
    assert kana.premises == katakana.premises == ["guidelines_binding"]


def test_an_abbreviation_spelt_out_in_kana_is_its_letters() -> None:
    """'えーあいすいしんほう' is AI推進法: the letters of an abbreviation the texts use, read out
    in kana (issue 18); a letter name alone, or letters no text abbreviates, stay as typed."""
    letters = {"a": ["エー", "エイ"], "i": ["アイ"], "p": ["ピー"], "c": ["シー"]}
    slips = Homophones(["AI推進法", "個人情報保護委員会（PPC）"], letters=letters)
    assert slips.correct("えーあいすいしんほうって何").startswith("AI")
    assert slips.correct("エイアイ推進法") == "AI推進法"
    assert slips.correct("ぴーぴーしーとは") == "PPCとは"
    assert slips.correct("アイスを食べる") == "アイスを食べる"


def test_the_engine_reads_kana_letters_with_its_word_list() -> None:
    reader = default_reader("ja")
    (part,) = understand("えーあいすいしんほうって何", reader).parts
    assert part.entities == ["ai_promotion_act"], part


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("AI推進法のばっそくは？", "AI推進法の罰則は？"),  # cut into ばっ・そ・く
        ("とどけではひつようですか", "届出は必要ですか"),  # cut into とどけ・で
        ("せいせいAIに個人情報を入れるときの注意点は", "生成AIに個人情報を入れるときの注意点は"),
    ],
)
def test_a_kana_word_the_dictionary_cuts_up_is_read_whole(typed: str, meant: str) -> None:
    assert default_reader().homophones.correct(typed) == meant


@pytest.mark.parametrize(
    "typed",
    ["ちょさくけんほうの30条の4は使えますか", "きょうはいいてんきですね", "まだしていません"],
)
def test_kana_inside_a_longer_kana_word_or_plain_kana_stays(typed: str) -> None:
    assert default_reader().homophones.correct(typed) == typed


def test_a_penalty_asked_in_hiragana_is_the_penalty_facet() -> None:
    (part,) = understand("AI推進法のばっそくは？", default_reader("ja")).parts
    assert part.facet == "penalty", part

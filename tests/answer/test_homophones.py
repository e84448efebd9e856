"""Japanese conversion slips (変換ミス) are read as the rule base's words that sound the same."""

from __future__ import annotations

import pytest

from agent.answer.homophones import Homophones
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

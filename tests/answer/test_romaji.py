"""Japanese names typed in romaji link to the instrument, however the romaji is spelt."""

from __future__ import annotations

from agent.answer.linker import Linker
from agent.answer.romaji import romaji_key
from knowledge.schema import Entity, EntityKind

APPI = Entity(id="appi", kind=EntityKind.instrument, name="APPI", name_ja="個人情報保護法")


def test_romaji_spellings_share_one_key() -> None:
    assert romaji_key("kojin joho hogo ho") == romaji_key("Kojin Jōhō Hogo Hō")
    assert romaji_key("kojinjouhouhogohou") == romaji_key("kozin zyoho hogo ho")  # Kunrei


def test_a_name_typed_in_romaji_links() -> None:
    linker = Linker([APPI])
    assert linker.link("who enforces the kojin joho hogo ho") == ["appi"]
    assert linker.link("Kojin Jouhou Hogo Hou and chatbots") == ["appi"]  # as typed on a kana IME


def test_english_words_and_scattered_syllables_link_nothing() -> None:
    linker = Linker([APPI])
    assert linker.link("who enforces the law on personal information") == []
    assert linker.link("kojin data and joho hogo ho") == []  # not side by side


def test_a_word_typed_in_romaji_is_the_kanji_word_it_spells() -> None:
    from agent.answer.romaji import RomajiWords

    words = RomajiWords({"バッソク": "罰則", "スイシン": "推進"}, in_names=frozenset({"推進"}))
    # 'suishin' is left to the name it is part of (AI推進法); English words stay as typed.
    assert words.correct("AI suishin ho ni bassoku wa arimasu ka") == (
        "AI suishin ho ni 罰則 wa arimasu ka"
    )
    assert words.correct("what are the penalties") == "what are the penalties"


def test_a_question_in_romaji_asks_the_facet_its_words_name() -> None:
    from agent.answer.understand import understand

    (part,) = understand("AI suishin ho ni bassoku wa arimasu ka").parts
    assert part.facet == "penalty" and part.entities == ["ai_promotion_act"], part
    assert "ai_fines" in part.premises

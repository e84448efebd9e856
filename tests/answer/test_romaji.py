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

"""The packaged reader is built once: one per language, the Japanese one sharing the English
one's compiled linker, speller and homophones (each takes a noticeable time to build)."""

from __future__ import annotations

from agent.answer.reader import default_reader


def test_one_english_reader_however_it_is_asked_for() -> None:
    assert default_reader() is default_reader("en")


def test_the_japanese_reader_shares_what_is_compiled_and_answers_in_japanese() -> None:
    english, japanese = default_reader(), default_reader("ja")
    assert japanese.lang == "ja" and english.lang == "en"
    assert japanese.linker is english.linker
    assert japanese.speller is english.speller
    assert japanese.homophones is english.homophones
    fact = "act_in_force"
    assert japanese.rule_base.facts[fact].text != english.rule_base.facts[fact].text

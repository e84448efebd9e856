"""Typos as people type them: words run together, a word spelt by its sound, a misspelt
question word; a real English word is never 'corrected'."""

from __future__ import annotations

from agent.answer.spelling import Speller

VOCABULARY = [
    "Who is in charge of the AI Act?",
    "The Copyright Act allows training; businesses cooperate with the government.",
    "The AI Basic Plan binds the administration.",
]


def test_two_words_run_together_are_parted() -> None:
    speller = Speller(VOCABULARY)
    assert speller.correct("who is incharge of the aiact") == "who is in charge of the ai act"
    assert speller.word("aibasic") == "ai basic"


def test_a_real_word_is_never_parted_or_corrected() -> None:
    speller = Speller([*VOCABULARY, "in to the"])
    assert speller.word("into") == "into"  # 'in' + 'to', but a word of its own
    assert speller.word("bans") == "bans"


def test_a_word_spelt_by_its_sound_is_the_word_it_sounds_like() -> None:
    speller = Speller(VOCABULARY)
    assert speller.word("copywrite") == "copyright"  # four edits away, the same sound


def test_a_misspelt_question_word_before_a_verb_is_the_question_word() -> None:
    speller = Speller(VOCABULARY)
    assert speller.correct("wen did the act pass") == "when did the act pass"
    assert speller.correct("Wat is the AI Basic Plan") == "What is the AI Basic Plan"
    assert speller.correct("wen the act passed") == "wen the act passed"  # no verb follows
    assert speller.correct("whe did it pass") == "whe did it pass"  # who or when: unsettled


def test_a_mixed_case_or_capitalised_acronym_is_a_name_never_corrected() -> None:
    speller = Speller([*VOCABULARY, "the act says", "open"])
    assert speller.correct("We're a SaaS startup") == "We're a SaaS startup"
    assert speller.word("SAAS") == "SAAS"  # an acronym, not 'says'
    assert speller.word("OpenAI") == "OpenAI"
    assert speller.word("AIACT") == "AI ACT"  # two of its words run together still part

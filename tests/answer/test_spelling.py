"""Typos as people type them: words run together, a word spelt by its sound, a misspelt
question word; a real English word is never 'corrected'."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from agent.answer.spelling import Speller
from knowledge.words import own_words

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


def test_an_acronym_typed_in_lower_case_is_a_word_of_its_own() -> None:
    speller = Speller([*VOCABULARY, "the act says"])
    assert speller.correct("does the ai act apply to saas companies") == (
        "does the ai act apply to saas companies"
    )  # words.yaml: 'saas' is not 'says'


def test_on_a_tie_the_word_that_sounds_like_the_typed_one_wins() -> None:
    speller = Speller(["based based based on banned uses", "adopt adopt adopted"])
    assert speller.word("baned") == "banned"  # one edit from 'based' too, which is used more
    assert speller.word("adoptd") == "adopted"


def test_three_words_run_together_are_parted() -> None:
    speller = Speller(["The AI Promotion Act"])
    assert speller.word("aipromotionact") == "ai promotion act"


def test_letters_typed_apart_are_joined_into_the_word_they_spell() -> None:
    speller = Speller(["The AI Promotion Act protects personal information."])
    assert speller.correct("who enforces the A I Promotion Act") == (
        "who enforces the AI Promotion Act"
    )
    assert speller.correct("the per sonal informa tion") == "the personal information"
    assert speller.correct("what is a b test") == "what is a b test"  # 'ab' is no word of it


VOCAB_WORDS = sorted({w for text in VOCABULARY for w in text.lower().replace(".", "").split()})


@given(st.lists(st.sampled_from([*VOCAB_WORDS, "saas", "llm", "banks"]), min_size=1, max_size=8))
@settings(max_examples=200, deadline=None)
def test_a_correctly_spelt_word_is_never_changed(words: list[str]) -> None:
    text = " ".join(words).replace(";", "").replace(",", "").replace("?", "")
    assert Speller(VOCABULARY).correct(text) == text


@given(st.sampled_from(sorted(own_words())))
@settings(max_examples=100, deadline=None)
def test_no_listed_word_is_ever_corrected(word: str) -> None:
    speller = Speller([*VOCABULARY, "the act says all of it"])
    assert speller.word(word) == word
    assert speller.word(word.upper()) == word.upper()


def test_a_british_spelling_is_an_english_word_too() -> None:
    speller = Speller(["summaries of the records", "the labor rules"])
    assert speller.word("summarise") == "summarise"  # summarize in pyspellchecker's list
    assert speller.word("labour") == "labour"
    assert speller.word("sumaries") == "summaries"  # a typo still is one


def test_two_words_typed_for_a_word_of_a_name_are_that_word() -> None:
    speller = Speller(
        ["The Copyright Act", "may be inform"], names=["Copyright Act", "AI Strategic Headquarters"]
    )
    assert speller.correct("does the copy right act apply") == "does the copyright act apply"
    assert speller.correct("it may be required") == "it may be required"  # no name's word
    assert speller.correct("is it in form") == "is it in form"  # too short to be no phrase


def test_a_question_word_with_its_apostrophe_dropped_is_the_contraction() -> None:
    speller = Speller(["whose data", "who is in charge"])
    assert speller.correct("whos in charge") == "who's in charge"  # not 'whose'
    assert speller.correct("Whats the AI Act") == "What's the AI Act"


def test_a_possessive_typed_without_its_apostrophe_is_the_possessive() -> None:
    speller = Speller(["the act applies"], names=["japan's ai act", "the ai act's review clause"])
    assert speller.correct("japans ai law") == "japan's ai law"  # 'japans' is English, too
    assert speller.correct("which acts apply") == "which acts apply"  # not an owner's name


def test_chat_shorthand_standing_alone_is_the_words_it_stands_for() -> None:
    speller = Speller(VOCABULARY)
    assert speller.correct("wat r the rules") == "what are the rules"  # then 'wat' before 'are'
    assert speller.correct("do u need govt approval") == "do you need government approval"
    assert speller.correct("the u.s. rules on r&d") == "the u.s. rules on r&d"


def test_a_typo_kept_as_an_alias_is_still_read_as_the_word_it_misspells() -> None:
    # entity aliases keep common misspellings ('copywrite law') so that they link; as words of
    # their own they are typos of the English word they sound like
    speller = Speller(["copyright in training, copyright in output", "copywrite law"])
    assert speller.word("copywrite") == "copyright"
    assert speller.word("copyright") == "copyright"


def test_a_typo_nearest_a_kept_typo_is_read_as_the_word_both_misspell() -> None:
    # 'copyrite' is one letter from the alias word 'copywrite', three from 'copyright'
    speller = Speller(["copyright in training, copyright in output", "copywrite law"])
    assert speller.word("copyrite") == "copyright"
    assert speller.correct("the copyrite act") == "the copyright act"


def test_a_corrected_word_keeps_the_capital_it_was_typed_with() -> None:
    # a capital keeps a law's name a name ('the Act on Specified Commercial Transactions')
    speller = Speller(["the act on specified commercial transactions", "SaaS"])
    assert speller.correct("the Act on Sepcified Commercial Transactions") == (
        "the Act on Specified Commercial Transactions"
    )


def test_a_tie_goes_to_the_word_that_makes_a_name_with_its_neighbour() -> None:
    # 'basi' is one letter from 'base', 'basis' and 'basic'; beside 'ai' and 'plan' it is the
    # AI Basic Plan's word, though 'base' sounds more like it
    speller = Speller(["the base, the base, the basis", "ai basic plan"], names=["ai basic plan"])
    assert speller.correct("who prepares the ai basi plan") == "who prepares the ai basic plan"


def test_a_tie_goes_to_the_word_that_asks_a_facet() -> None:
    legal_force = re.compile(r"\b(binding|legally|mandatory)\b")
    speller = Speller(["legal legal legal legally"], cues=[legal_force])
    assert speller.correct("is it legaly binding") == "is it legally binding"
    how_to = re.compile(r"\bhow (should|do) we\b")
    speller = Speller(["sold sold sold should"], cues=[how_to])
    assert speller.correct("how sould we budget") == "how should we budget"


def test_a_tie_goes_to_an_english_word_over_an_acronym() -> None:
    speller = Speller(["frt frt frt first"])
    assert speller.word("firt") == "first"


def test_a_slip_is_read_before_two_words_run_together_when_one_is_two_letters() -> None:
    speller = Speller(["ja ja ban ban japan", "the ai act"])
    assert speller.word("jaban") == "japan"
    assert speller.word("aiact") == "ai act"  # no word a letter away: two words


def test_an_english_word_one_letter_off_a_name_beside_its_other_word_is_that_name() -> None:
    speller = Speller(
        ["red teaming guide", "labor contract act"], names=["red teaming", "consumer contract act"]
    )
    assert speller.correct("is red teeming required") == "is red teaming required"
    assert speller.correct("the teeming crowd") == "the teeming crowd"  # no name beside it
    assert speller.correct("the labor contracts act") == "the labor contracts act"  # inflected


def test_the_pieces_of_a_pattern_are_no_words() -> None:
    speller = Speller([r"'\b(certif\w*|regulat(e|es|ed)|licen[cs]es?)\b'", "certified"])
    assert {"certif", "regulat", "licen", "bcertif"}.isdisjoint(speller.known)
    assert speller.word("certifid") == "certified"


def test_a_letter_hit_far_from_the_one_meant_is_the_less_likely_slip() -> None:
    # 'companes': an 'i' dropped (companies), or 'r' typed for 'n' (compares), keys far apart
    speller = Speller(["compares compares companies"])
    assert speller.word("companes") == "companies"
    speller = Speller(["regulate regulate regulator"])  # 'e' beside 'r': either slip is near
    assert speller.word("regulatoe") == "regulate"


def test_a_slip_in_a_word_the_rule_base_never_uses_is_not_read_as_a_farther_one() -> None:
    # 'hotlice' is one letter from 'hotline', an English word the rule base never uses
    speller = Speller(["police police"])
    assert speller.correct("our customer hotlice") == "our customer hotlice"  # not 'police'


def test_a_name_typed_with_capitals_inside_one_letter_off_a_registered_name_is_it() -> None:
    speller = Speller(["chatgpt", "openai"], names=["chatgpt"])
    assert speller.word("ChatGT") == "Chatgpt"
    assert speller.word("OpenAI") == "OpenAI"

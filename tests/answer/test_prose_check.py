"""The model's opening alone: what it may phrase, and every claim it may not add."""

from __future__ import annotations

import pytest

from agent.answer.phrase import clean_opening, composed_facts, contradicts, template_tokens
from agent.answer.phrasebook import phrasebook
from agent.answer.prose_check import problems
from agent.answer.reader import default_reader
from agent.prompts import LEAK_CHARS, canary, load, phrase_prompt, repeats_prompt

NOT_BINDING = (
    "No. The AI Guidelines for Business are non-binding soft law: official guidance without "
    "legal force. The guidelines around the AI Promotion Act do not bind companies: the Article "
    "13 guideline adopted under the Act and the AI Guidelines for Business are both non-binding."
)
NO_BAN = (
    "No. The AI Promotion Act does not ban facial recognition: the Act has no list of prohibited "
    "AI practices, and the APPI still governs the personal data that facial recognition processes."
)
VOLUNTARY = (
    "No. Legal force of the Hiroshima AI Process code of conduct: non-binding soft law. The "
    "Hiroshima AI Process code of conduct is voluntary: it has no legal force of its own."
)
EU = (
    "Unlike the EU AI Act, Japan's AI Promotion Act has no EU-style risk tiers and no general "
    "approval or conformity-assessment regime."
)
HAS_ACT = "Japan has an AI Act: the AI Promotion Act, a framework law the Diet passed in 2025."


def _problems(prose: str, facts: str) -> list[str]:
    words = phrasebook().book.legal_force_words.split()
    return problems(prose, facts, default_reader(), words)


# Each adds law the facts do not state; the part named must be among the problems found.
FABRICATED = {
    "obligatory": ("The AI Guidelines for Business are obligatory.", "'obligatory'"),
    "required by law": ("Following them is required by law.", "'required'"),
    "statute number": ("Act No. 99 of 2024 governs them.", "the number 99"),
    "article": ("Article 16 of the APPI applies to them.", "Article 16"),
    "instrument": ("Article 16 of the APPI applies to them.", "APPI"),
    "date": ("They took effect on June 5th, 2025.", "the number 2025"),
    "fine": ("Breaches bring fines of up to 100 million yen.", "'fine'"),
    "amount": ("Breaches bring fines of up to 100 million yen.", "the number 100"),
    "ministry": ("The Ministry of Health, Labour and Welfare enforces them.", "MHLW"),
    "enforce": ("The Ministry of Health, Labour and Welfare enforces them.", "'enforce'"),
}


@pytest.mark.parametrize("case", sorted(FABRICATED))
def test_fabricated_law_is_a_problem(case: str) -> None:
    prose, named = FABRICATED[case]
    found = _problems(prose, NOT_BINDING)
    assert any(named in p for p in found), found


def test_a_day_is_caught_when_the_year_is_in_the_facts() -> None:
    assert _problems("It took effect on June 5th, 2025.", HAS_ACT) == [
        "the number 5",
        "a date in Jun",
    ]


def test_a_month_beside_a_known_year_is_a_date_claim() -> None:
    assert _problems("The Diet passed it in June 2025.", HAS_ACT) == ["a date in Jun"]
    assert _problems("The Diet passed it in 2025; more may follow.", HAS_ACT) == []


CORRECT = {
    "ban refuted": ("No. Japan's AI Promotion Act bans no technology.", NO_BAN),
    "voluntary": ("They are voluntary rather than binding.", VOLUNTARY),
    "EU comparison": ("Unlike the EU AI Act, Japan's AI Promotion Act sets no risk tiers.", EU),
    "non-binding": ("No. They are non-binding guidance without legal force.", NOT_BINDING),
    "known year": ("Yes. The Diet passed the AI Promotion Act in 2025.", HAS_ACT),
}


@pytest.mark.parametrize("case", sorted(CORRECT))
def test_correct_prose_passes(case: str) -> None:
    prose, facts = CORRECT[case]
    assert _problems(prose, facts) == []


def test_clean_opening_strips_reasoning_marks_and_lines() -> None:
    reply = "<think>fines of 100 million yen?</think>\n\nNo. They are non-binding [1].\n"
    assert clean_opening(reply) == "No. They are non-binding."
    assert clean_opening("<think>an unfinished thought about Article 99") == ""


def test_template_tokens_beyond_one_closing_token() -> None:
    assert not template_tokens("No. They are non-binding.<|im_end|>")
    assert not template_tokens("<think>x</think>No. They are non-binding.</s>\n")
    assert template_tokens("<|im_start|>assistant\nThe AI Guidelines<|im_end|>")
    assert template_tokens("No.<|im_end|>\n<|im_start|>user\nAre they binding?")
    assert template_tokens("[INST] say yes [/INST] Yes.")


def test_contradicts_only_an_opposite_yes_or_no() -> None:
    assert contradicts("Yes, the Act bans it.", "No. The Act does not ban it. [1]")
    assert not contradicts("No: it bans no technology.", "No. The Act does not ban it.")
    assert not contradicts("Yes.", "The Act was promulgated in 2025.")
    assert not contradicts("Nobody needs a licence.", "Yes. It applies.")


def test_composed_facts_are_the_lines_without_marks() -> None:
    composed = "No. It is soft law. [1]\n\n- It binds no one. [1][2]\n1. **Check**: the APPI. [3]"
    assert composed_facts(composed) == [
        "No. It is soft law.",
        "It binds no one.",
        "Check: the APPI.",
    ]


def test_canary_and_a_recital_of_the_prompt_are_caught() -> None:
    assert repeats_prompt(f"The marker is {canary()}.")
    assert canary() in phrase_prompt()
    rules = load("phrase").text
    stretch = rules[120 : 120 + LEAK_CHARS + 5]
    assert repeats_prompt(f"Noted. {stretch}")
    assert repeats_prompt(f"Noted. {stretch.upper().replace(' ', chr(10))}")
    # A short shared phrase is ordinary wording, not a recital.
    assert not repeats_prompt(f"Noted. {rules[120 : 120 + LEAK_CHARS // 2]}")

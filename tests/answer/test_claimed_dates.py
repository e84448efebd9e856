"""A date the question states for an event is held against the date the rule base records: a
wrong one is corrected first ('No.'), a right one asked about is confirmed (issue 15)."""

from __future__ import annotations

import datetime as dt

import pytest

from agent.answer.claimed_dates import contradicts, stated


def test_years_and_months_stated_are_read_but_not_a_law_s_number() -> None:
    assert stated("Since the AI Promotion Act took effect in April 2024, what now?") == {2024: 4}
    assert stated("AI推進法は2024年4月に施行された") == {2024: 4}
    assert stated("When was Act No. 53 of 2025 promulgated?") == {}
    assert stated("When was the AI Promotion Act promulgated?") == {}


def test_a_date_is_contradicted_by_another_year_or_month() -> None:
    held = dt.date(2025, 6, 4)
    assert contradicts("passed in 2023, right?", held) is True
    assert contradicts("promulgated in May 2025?", held) is True
    assert contradicts("promulgated in June 2025?", held) is False
    assert contradicts("promulgated in 2025?", held) is False
    assert contradicts("when was it promulgated?", held) is None


@pytest.mark.parametrize(
    ("question", "opening", "date"),
    [
        ("The Diet passed Japan's AI law back in 2023, right?", "No.", "28 May 2025"),
        ("AI推進法は２０２４年に成立したんですよね？", "いいえ。", "2025年5月28日"),
        ("Was the AI Promotion Act promulgated in June 2025?", "Yes.", "4 June 2025"),
    ],
)
def test_the_answer_corrects_or_confirms_the_date_stated_first(
    offline,  # type: ignore[no-untyped-def]
    question: str,
    opening: str,
    date: str,
) -> None:
    lead = offline(question).answer.split("\n\n")[0]
    assert lead.startswith(opening) and date in lead, lead


def test_the_clause_asked_is_dated_not_the_one_given_before_it(
    offline,  # type: ignore[no-untyped-def]
) -> None:
    question = (
        "The AI Act was promulgated in June 2025, so when did the AI Strategic Headquarters start?"
    )
    lead = offline(question).answer.split("\n\n")[0]
    assert lead.startswith("AI Strategic Headquarters") and "1 September 2025" in lead, lead

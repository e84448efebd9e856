"""A date asked by an event the rule base does not hold is said to be unrecorded, plainly: never
another date of the same instrument in the lead as if it answered (issue 15)."""

from __future__ import annotations

import pytest

from agent.answer.events import asks_event


def _lead(text: str) -> str:
    return text.split("\n\n")[0]


@pytest.mark.parametrize(
    ("question", "other_date"),
    [
        # The AI Basic Plan is dated only by its Cabinet decision (sources.yaml).
        ("When did the public comment on the AI Basic Plan close?", "23 December 2025"),
        ("AI基本計画の意見募集はいつ締め切られましたか？", "2025年12月23日"),
    ],
)
def test_an_unrecorded_event_is_said_so_and_the_held_date_follows(
    offline,  # type: ignore[no-untyped-def]
    question: str,
    other_date: str,
) -> None:
    text = offline(question).answer
    lead = _lead(text)
    assert "does not record" in lead or "記録されていません" in lead, text
    assert other_date not in lead, text  # the held date is context, not the answer
    assert other_date in text, text


@pytest.mark.parametrize(
    "question", ["When was the Digital Agency established?", "デジタル庁はいつ設置されましたか？"]
)
def test_a_body_with_no_dates_gets_no_unrelated_fact_as_its_date(
    offline,  # type: ignore[no-untyped-def]
    question: str,
) -> None:
    text = offline(question).answer
    assert "does not record" in _lead(text) or "記録されていません" in _lead(text), text
    assert "generative AI" not in text and "生成AI" not in text, text  # the guideline is no date


@pytest.mark.parametrize(
    ("question", "date"),
    [
        ("When was the PPC established?", "1 January 2016"),
        ("what year was japan's personal information protection commission created", "2016"),
        ("個人情報保護委員会はいつ設置されましたか？", "2016年1月1日"),
    ],
)
def test_a_body_s_founding_date_is_answered_and_cited_to_its_founding_law(
    offline,  # type: ignore[no-untyped-def]
    question: str,
    date: str,
) -> None:
    answer = offline(question)
    assert date in _lead(answer.answer), answer.answer
    assert [c.id for c in answer.citations][:1] == ["appi"], answer.citations


@pytest.mark.parametrize(
    ("question", "date"),
    [
        ("When did the public comment on the Article 13 guideline close?", "11 December 2025"),
        ("第13条の指針の意見募集はいつ締め切られましたか", "2025年12月11日"),
        ("When was the AI Promotion Act promulgated?", "4 June 2025"),
    ],
)
def test_a_held_event_is_still_answered_by_its_date(
    offline,  # type: ignore[no-untyped-def]
    question: str,
    date: str,
) -> None:
    text = offline(question).answer
    assert date in _lead(text), text
    assert "does not record" not in text and "記録されていません" not in text, text


def test_which_questions_name_an_event() -> None:
    assert asks_event("when did the public comment close")
    assert asks_event("when was it established")
    assert asks_event("いつ締め切られましたか")
    assert not asks_event("when was the AI Basic Plan", "AI Basic Plan")
    # A word of the name dated names no event ('the draft code' is no 'draft opened').
    assert not asks_event("when was the open data charter", "open data charter")


def test_an_event_carried_from_the_earlier_turn_is_not_asked_anew(offline) -> None:  # type: ignore[no-untyped-def]
    # 'what about the plan?' after 'when was the Act promulgated?' asks the plan's date, whatever
    # its event is called: its date leads.
    history = [("When was the AI Promotion Act promulgated?", "4 June 2025.")]
    text = offline("what about the AI Basic Plan?", history=history).answer
    assert "23 December 2025" in _lead(text), text


@pytest.mark.parametrize(
    "question",
    [
        "When did Article 30-4 take effect?",
        "著作権法30条の4はいつから施行されていますか",
        "When was Article 30-4?",
        "When did Article 47-5 come into force?",  # 'come into force' is no 'came out'
    ],
)
def test_an_article_is_not_dated_by_its_act_s_unrelated_events(
    offline,  # type: ignore[no-untyped-def]
    question: str,
) -> None:
    """The Copyright Act's only date held is when the ACA published its General Understanding:
    no answer to when an article of it took effect (issue 15)."""
    text = offline(question).answer
    assert "does not record" in _lead(text) or "記録されていません" in _lead(text), text
    assert "2024" not in text, text


@pytest.mark.parametrize(
    ("question", "date"),
    [
        ("When did Article 13 of the AI Promotion Act take effect?", "4 June 2025"),
        ("when was article 7 of the ai act promulgated", "4 June 2025"),
    ],
)
def test_an_article_is_dated_by_the_event_of_its_act_that_the_question_names(
    offline,  # type: ignore[no-untyped-def]
    question: str,
    date: str,
) -> None:
    assert date in _lead(offline(question).answer)


@pytest.mark.parametrize(
    "question", ["When did Article 30-4 take effect?", "著作権法第30条の4はいつ施行されましたか"]
)
def test_an_article_s_unrecorded_date_is_not_another_event_of_its_act(
    offline,  # type: ignore[no-untyped-def]
    question: str,
) -> None:
    lead = _lead(offline(question).answer)
    assert "does not record" in lead or "記録されていません" in lead, lead
    assert "15 March 2024" not in lead and "2024年3月15日" not in lead, lead


def test_an_article_s_name_takes_no_the(
    offline,  # type: ignore[no-untyped-def]
) -> None:
    article = _lead(offline("When did Article 30-4 take effect?").answer)
    assert "for Article 30-4 of the Copyright Act," in article, article
    assert "the Article" not in article, article

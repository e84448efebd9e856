"""Which article says a thing, and how many articles a text has, are answered by the fact citing
that article or the text's parts, not by who issued it or what it is (issue 15)."""

from __future__ import annotations

import pytest


def _lead(text: str) -> str:
    return text.split("\n\n")[0]


@pytest.mark.parametrize(
    ("question", "article"),
    [
        ("AI基本計画の策定を定めているのはAI推進法の何条ですか", "第18条"),
        ("Which article of the AI Promotion Act requires the AI Basic Plan?", "Article 18"),
        ("which article of the AI act gives businesses duties?", "Article 7"),
    ],
)
def test_which_article_is_answered_by_the_article(
    offline,  # type: ignore[no-untyped-def]
    question: str,
    article: str,
) -> None:
    answer = offline(question)
    assert article in _lead(answer.answer), answer.answer
    assert len(answer.fact_ids) == 1, answer.fact_ids  # the article, nothing unasked after it


@pytest.mark.parametrize(
    ("question", "last"),
    [
        ("how many articles does the AI Promotion Act have?", "28"),
        ("AI推進法は何条ありますか", "第28条"),
    ],
)
def test_how_many_articles_is_answered_by_the_text_s_parts(
    offline,  # type: ignore[no-untyped-def]
    question: str,
    last: str,
) -> None:
    assert last in _lead(offline(question).answer)


@pytest.mark.parametrize(
    ("question", "article"),
    [
        ("which article of the APPI covers cross-border transfers?", "Article 28 of the APPI"),
        ("個人データを海外に移転する条文は何条？", "第28条"),
    ],
)
def test_which_article_names_the_article_first_when_the_fact_does_not(
    offline,  # type: ignore[no-untyped-def]
    question: str,
    article: str,
) -> None:
    lead = _lead(offline(question).answer)
    assert lead.startswith(("Article 28", "個人情報保護法第28条")) and article in lead, lead


def test_an_article_the_fact_names_is_not_named_twice(
    offline,  # type: ignore[no-untyped-def]
) -> None:
    lead = _lead(offline("AI基本計画の策定を定めているのはAI推進法の何条ですか").answer)
    assert lead.count("第18条") == 1, lead

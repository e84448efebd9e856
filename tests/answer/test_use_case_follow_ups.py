"""Questions about a described use (issue 15): the first sentence answers by itself, and an answer
about a use whose outputs feed decisions about people names what the rule base says of them."""

from __future__ import annotations

import pytest

from agent.qa import ask
from evals.answer_checks import first_sentence


def _follow_up(first: str, question: str) -> str:
    before = ask(first, offline=True)
    return ask(question, offline=True, history=[(first, before.answer)]).answer


@pytest.mark.parametrize(
    ("first", "question", "words"),
    [
        (
            "We want an AI tool that summarises our customers' emails. What applies to us?",
            "would we need their consent for this?",
            ("purpose", "consent"),
        ),
        (
            "Our HR team wants to use AI to screen CVs of job applicants. Is that ok in Japan?",
            "do we have to tell the candidates about it?",
            ("no ai-specific",),
        ),
    ],
)
def test_a_hedged_answer_says_in_its_first_sentence_on_what_it_depends(
    session_home: object, first: str, question: str, words: tuple[str, ...]
) -> None:
    lead = first_sentence(_follow_up(first, question))
    assert lead.startswith(("it depends", "not directly")), lead
    assert all(word in lead for word in words), lead


def test_a_hedged_japanese_answer_says_in_its_first_sentence_why(session_home: object) -> None:
    answer = ask("デジタル庁の生成AIガイドラインは民間企業にも適用されますか？", offline=True)
    lead = first_sentence(answer.answer)
    assert lead.startswith("直接にはそうではありません"), lead
    assert "府省庁" in lead, lead


@pytest.mark.parametrize(
    ("question", "words"),
    [
        (
            "A lender wants AI to approve or reject loan applications. What applies in Japan?",
            ("human judgement", "bias"),
        ),
        ("銀行で住宅ローンの審査にAIを使いたいです。どんなルールがありますか？", ("人間", "偏り")),
        # 採点 names AI decisions about people outright; its likeliest fact rests on a law the
        # answer does not state, so the one about such decisions first speaks for it.
        (
            "採用面接の動画をAIで採点するサービスを作っています。どの規制が関係しますか？",
            ("人間", "偏り"),
        ),
    ],
)
def test_a_use_deciding_about_people_hears_what_is_expected_of_it(
    session_home: object, question: str, words: tuple[str, ...]
) -> None:
    answer = ask(question, offline=True)
    assert answer.route == "use_case", answer.route
    assert all(word in answer.answer for word in words), answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "is it legal to train on scraped images under copyright law?",
        "and is it legal to train on scraped images under copyright law?",
    ],
)
def test_leave_to_do_a_thing_asks_what_the_law_allows_not_how_far_it_binds(
    session_home: object, question: str
) -> None:
    first = "Are the AI Guidelines for Business binding?"
    before = ask(first, offline=True)
    answer = ask(question, offline=True, history=[(first, before.answer)])
    assert "30-4" in first_sentence(answer.answer), answer.answer


def test_a_follow_up_opening_with_a_conjunction_is_still_a_yes_no_question() -> None:
    from agent.answer.phrasebook import phrasebook

    assert phrasebook().yes_no.search("and is it legal to train on scraped images?")
    assert phrasebook().yes_no.search("but can we use it for hiring?")

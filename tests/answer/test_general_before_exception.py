"""Yes/no questions answered in the polarity they ask (issue 15): a general question is answered
by the general rule, not by an exception it did not ask about; leave asked for a use of an AI
tool reads as the asker's own use; 'is it legal to use AI?' hears that nothing bans it."""

from __future__ import annotations

import pytest

from agent.answer.understand import read_use_case as use_case_of
from agent.qa import ask
from agent.use_case import read_use_case
from evals.answer_checks import first_sentence


@pytest.mark.parametrize(
    "question",
    [
        "Does Copyright Act Article 30-4 reach the training of AI models?",
        "Is machine learning covered by Art. 30-4?",
        "著作権法30条の4は機械学習に適用されますか？",
    ],
)
def test_a_general_question_is_answered_by_the_general_rule_first(
    session_home: object, question: str
) -> None:
    answer = ask(question, offline=True)
    assert answer.fact_ids[0] == "art30_4_what", answer.fact_ids
    exceptions = {"art30_4_enjoyment_purpose", "art30_4_proviso"}
    assert exceptions & set(answer.fact_ids[1:]), answer.fact_ids  # an exception follows it
    lead = first_sentence(answer.answer)
    assert lead.startswith(("yes, generally", "はい、原則として")), lead


def test_a_question_in_the_exceptions_own_words_is_answered_by_it(session_home: object) -> None:
    answer = ask(
        "Does Article 30-4 cover deliberate overfitting to reproduce one creator's works?",
        offline=True,
    )
    assert answer.fact_ids[0] == "art30_4_enjoyment_purpose", answer.fact_ids


@pytest.mark.parametrize(
    "question",
    [
        "is it ok to use Claude in the office?",
        "Is it permitted to use generative AI for drafting press releases?",
        "社内の問い合わせ対応にChatGPTを使ってもいいですか？",
    ],
)
def test_leave_asked_for_a_use_of_an_ai_tool_is_the_askers_use_case(question: str) -> None:
    assert read_use_case(question).own_use
    assert use_case_of(question) is not None


@pytest.mark.parametrize(
    "question",
    [
        "Is it legal to train AI on copyrighted works?",
        "Is it legal to use AI-generated images in ads?",
        "Is it legal to use AI in Japan?",
        "日本でAIを使っても違法ではないですか？",
    ],
)
def test_a_topic_or_the_country_alone_describes_no_use(question: str) -> None:
    assert not read_use_case(question).own_use


def test_is_it_legal_to_use_ai_hears_that_nothing_bans_it(session_home: object) -> None:
    answer = ask("Would it be legal to use artificial intelligence in Japan?", offline=True)
    assert answer.fact_ids[:1] == ["act_bans_nothing"], answer.fact_ids
    assert first_sentence(answer.answer).startswith("yes"), answer.answer


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("社内文書の要約に生成AIを使っても違法ではないですか？", "はい"),  # a negated ask: はい
        ("社内文書の要約に生成AIを使うのは違法ですか？", "いいえ"),
    ],
)
def test_a_negated_japanese_ask_is_answered_in_its_own_polarity(
    session_home: object, question: str, opening: str
) -> None:
    answer = ask(question, offline=True)
    assert answer.route == "use_case"
    assert answer.answer.startswith(opening), answer.answer[:80]


def test_leave_asked_for_ai_itself_in_japanese_hears_that_nothing_bans_it(
    session_home: object,
) -> None:
    answer = ask("生成AIを利用することは合法ですか？", offline=True)
    assert answer.fact_ids[:1] == ["act_bans_nothing"], answer.fact_ids
    assert answer.answer.startswith("はい"), answer.answer[:80]


def test_translating_with_ai_is_no_question_about_the_rules_english_texts(
    session_home: object,
) -> None:
    answer = ask("議事録の翻訳にAIを使ってもいいですか？", offline=True)
    assert "仮訳" not in answer.answer

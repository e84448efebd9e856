"""A described use against a point of law asked of it: a use described and asked about in any
words is a use case ('anything in the law to sort out?', 'the copyright position'); one sentence
asking a point of law (can they inspect, must we report it, can we hand it over) is looked up
though it says 'we'. The words that read personal data and copyrighted works."""

from __future__ import annotations

import pytest

from agent.answer.reader import default_reader
from agent.answer.understand import asks_legal_point, understand
from agent.use_case import read_use_case


@pytest.mark.parametrize(
    "question",
    [
        "Our bank wants AI to read loan officers' notes and flag risky files. "
        "Anything under the rules we need to deal with first?",
        "A record label plans to fine-tune a model on its own albums. "
        "What's the copyright picture?",
        "Our clinic wants an AI to transcribe consultations. Privacy position?",
    ],
)
def test_a_described_use_asked_about_in_other_words_is_a_use_case(question: str) -> None:
    assert read_use_case(question).asks
    assert understand(question).route == "use_case"


@pytest.mark.parametrize(
    "question",
    [
        "Our maker trained a model on service logs and we're licensing it to distributors. "
        "What applies to us?",
        "We fine-tuned an LLM on design documents and will license our model out to partners. "
        "What rules apply?",
    ],
)
def test_licensing_our_own_model_out_believes_no_licence_is_needed(question: str) -> None:
    query = understand(question)
    assert not any("licence" in part.premises for part in query.parts)
    assert query.route == "use_case"


def test_a_licence_needed_to_operate_is_still_the_belief() -> None:
    query = understand("Do we need to license our chatbot to operate in Japan?")
    assert any("licence" in part.premises for part in query.parts)


@pytest.mark.parametrize(
    "question",
    [
        "Our streaming service wants AI to suggest films based on what each viewer watched. "
        "What applies?",
        "当館では貸出履歴をAIで分析して、おすすめを表示したいです。注意点は？",
        "営業担当が顧客と商談した記録をAIでまとめたいです。気をつけることは？",
    ],
)
def test_what_people_did_is_personal_data(question: str) -> None:
    assert read_use_case(question).profile.personal_data != "none"


@pytest.mark.parametrize(
    "question",
    [
        "Our bookshop wants AI to recommend novels to members. What applies?",
        "We lend manga to subscribers and want AI to pick which ones to suggest. What applies?",
        "図書館で書籍の返却期限をAIで知らせたいです。注意点は？",
    ],
)
def test_naming_books_is_no_copyright_signal(question: str) -> None:
    assert not read_use_case(question).profile.copyrighted_material


@pytest.mark.parametrize(
    "question",
    [
        "We want to fine-tune a model on novels we bought. What applies?",
        "Our app will summarise books for busy readers with AI. What applies?",
        "A studio wants AI to make songs that sound like a famous band. What applies?",
        "小説をAIに学習させたいのですが、注意点は？",
    ],
)
def test_works_used_or_imitated_are_a_copyright_signal(question: str) -> None:
    assert read_use_case(question).profile.copyrighted_material


@pytest.mark.parametrize(
    "question",
    [
        "could the ministry inspect our servers under the AI Promotion Act if our model fails?",
        "If we pseudonymise patient data, can we hand it over to a partner to train its AI model?",
        "may we give it to a third party if our customer data is pseudonymised?",
    ],
)
def test_a_point_of_law_asked_in_one_sentence_is_looked_up(question: str) -> None:
    assert understand(question).route == "lookup"


def test_a_point_of_law_after_a_described_use_is_no_point_asked_alone() -> None:
    question = (
        "Our clinic wants an AI to summarise patient charts. "
        "Can we hand them over to a partner for training under the APPI?"
    )
    query = understand(question)
    assert not asks_legal_point(query.parts, question, default_reader())


def test_a_point_of_law_on_nothing_named_is_not_looked_up() -> None:
    # Naming nothing, a lookup would find nothing on the point asked.
    question = "If our AI vendor gets hacked, must we report it?"
    query = understand(question)
    assert not asks_legal_point(query.parts, question, default_reader())


def test_pseudonymising_names_pseudonymised_information() -> None:
    question = "If we pseudonymise member records, can we give them to a partner?"
    assert "pseudonymised_information" in default_reader().linker.link(question)


def test_licensing_our_model_out_offers_it_to_others() -> None:
    question = "We built a forecasting model and will license it to other retailers. What applies?"
    assert read_use_case(question).profile.offers_to_others
    needed = "Do we need to license our chatbot to operate in Japan?"
    assert not read_use_case(needed).profile.offers_to_others

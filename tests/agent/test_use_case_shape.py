"""Reading a use case from the shape of the question, not from words tuned to cases
(agent/use_case.py, knowledge/data/use_case_hints.yaml)."""

from __future__ import annotations

import pytest

from agent.answer.guard import classify
from agent.use_case import read_use_case
from knowledge.hints import HintFile


@pytest.mark.parametrize(
    "question",
    [
        "We summarise our clients' emails with an LLM. What applies to us?",
        "Our gym wants AI to plan workouts from members' training logs. What rules apply?",
        "We want to fine-tune a model on documents our tenants submit. What applies?",
        "Our ward office wants generative AI to sort questions from citizens. What applies?",
        "弊社は会員の購入履歴を生成AIで分析したいです。どのような規制がありますか？",
        "当社のサービスで利用者が入力した相談内容をAIで要約します。注意点は？",
    ],
)
def test_data_about_people_is_personal_data(question: str) -> None:
    assert read_use_case(question).profile.personal_data == "personal"


@pytest.mark.parametrize(
    "question",
    [
        "Our ad agency uses ChatGPT to draft slogans. What rules apply?",
        "We're a travel agency using AI to answer booking emails. What applies to us?",
    ],
)
def test_a_private_agency_is_no_government(question: str) -> None:
    assert read_use_case(question).profile.organisation == "company"


@pytest.mark.parametrize(
    ("question", "organisation"),
    [
        ("A government agency wants a generative AI chatbot. What rules apply?", "government"),
        (
            "Our village office plans to use generative AI for minutes. What applies?",
            "local_government",
        ),
    ],
)
def test_a_public_body_is_read_with_its_public_noun(question: str, organisation: str) -> None:
    assert read_use_case(question).profile.organisation == organisation


@pytest.mark.parametrize(
    "question",
    [
        "Our studio wants to generate album art with Midjourney. What are the copyright rules?",
        "We're a consultancy wanting an AI to write proposals. What do we need to comply with?",
        "our recruting team uses chatgtp to sort resumes, what laws aply?",
    ],
)
def test_an_actor_putting_ai_to_work_is_a_use_case(question: str) -> None:
    assert read_use_case(question).is_use_case


@pytest.mark.parametrize(
    "question",
    [
        "What are the copyright rules in Japan?",
        "Since the AI Act fines companies up to 6% of turnover, how should we budget?",
        "当社はAI推進法について何をすべきですか？",
    ],
)
def test_a_rule_named_ai_puts_no_ai_to_work(question: str) -> None:
    assert not read_use_case(question).is_use_case


def test_typos_read_as_the_words_they_misspell() -> None:
    reading = read_use_case("our recruting team uses chatgtp to sort resumes, what laws aply?")
    assert "employment" in reading.profile.sectors and reading.profile.generative_ai


def test_a_typed_use_of_an_ai_product_is_in_scope() -> None:
    assert classify(
        "were a recruting firm using chatgpt to shortlist candidates, what laws aply?"
    ) == (
        "in",
        False,
    )


def test_an_unknown_word_list_is_a_validation_error() -> None:
    with pytest.raises(ValueError, match="no word list"):
        HintFile.model_validate(
            {
                "asks": ["what"],
                "hints": [
                    {
                        "id": "x",
                        "pattern": "{nobody}",
                        "reads": "x",
                        "sets": {"builds_models": True},
                    }
                ],
            }
        )

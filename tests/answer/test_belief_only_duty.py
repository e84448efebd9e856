"""A one-sentence question whether a false belief holds, of an AI it describes by nothing but
being AI ('do we need to registr our ai system with the goverment'), is answered as the belief:
'No.' and the fact, not the layers of a use nobody described (issue 15)."""

from __future__ import annotations

import pytest

from agent.answer.understand import understand
from agent.use_case import read_use_case
from evals.answer_checks import first_sentence


@pytest.mark.parametrize(
    "question",
    [
        "do we need to registr our ai system with the goverment",
        "do we hav to regster our AI with the goverment?",
    ],
)
def test_a_duty_belief_about_no_described_use_is_the_premise(  # type: ignore[no-untyped-def]
    offline, question: str
) -> None:
    answer = offline(question)
    assert answer.route == "premise", answer.route
    assert first_sentence(answer.answer).startswith("no"), answer.answer


@pytest.mark.parametrize(
    "question",
    [
        # A use named by a use-case hint, or described in a sentence of its own, stays a use case.
        "Do we need to register our customer service chatbot with any Japanese authority before "
        "launch?",
        "当社で社内向けのAIチャットボットを導入する予定です。国への届出や登録は必要ですか？",
    ],
)
def test_a_described_use_stays_a_use_case(question: str) -> None:
    assert understand(question).use_case is not None


def test_the_ministry_one_registers_with_is_not_the_user() -> None:
    reading = read_use_case("We don't have to register our AI system with any ministry, right?")
    assert reading.profile.organisation != "government", reading.profile


def test_a_use_the_words_describe_beyond_naming_ai_stays_a_use_case() -> None:
    # AI-generated images in ads read as generating works: a use, not only an AI named.
    assert understand(
        "Is it illegal for our company to use AI-generated images in our ads in Japan?"
    ).use_case

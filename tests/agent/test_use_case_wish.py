"""A plan or wish stated with nothing asked is read as a use case (issue 15)."""

from __future__ import annotations

import pytest

from agent.answer.understand import read_use_case


@pytest.mark.parametrize(
    "question",
    [
        "We want to use AI to screen job applicants' CVs.",
        "Our clinic is considering using AI to summarise patient records.",
        "採用面接の評価にAIを使いたいです。",
        "顧客対応チャットボットの導入を検討しています。",
        "ECサイトで購買履歴を使ったAIレコメンドを導入予定です。",
    ],
)
def test_a_stated_wish_is_a_use_case(question: str) -> None:
    assert read_use_case(question) is not None


@pytest.mark.parametrize(
    "question", ["AI推進法について知りたいです。", "We want to know when the AI Act took effect."]
)
def test_a_wish_to_know_is_no_use_case(question: str) -> None:
    assert read_use_case(question) is None

"""A use case in a sector whose own law the rule base does not hold says so plainly (issue 15)."""

from __future__ import annotations

import pytest

from agent.qa import ask
from core.config import Settings


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (
            "We are a law firm. We want to use generative AI to review client contracts. "
            "What do we need to comply with in Japan?",
            "does not cover the laws specific to legal services",
        ),
        (
            "不動産仲介会社です。物件紹介文の作成にAIを使いたいです。",
            "不動産分野固有の法令を扱っていません",
        ),
    ],
)
def test_sector_own_law_not_covered_is_said(question: str, said: str, settings: Settings) -> None:
    answer = ask(question, settings=settings, offline=True)
    assert answer.route == "use_case"
    assert said in " ".join(answer.answer.split())


def test_a_covered_sector_says_nothing_of_the_kind(settings: Settings) -> None:
    answer = ask(
        "We want to use AI to screen job applicants' CVs. What applies?",
        settings=settings,
        offline=True,
    )
    assert answer.route == "use_case"
    assert "does not cover the laws specific" not in answer.answer

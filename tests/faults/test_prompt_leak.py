"""A model that recites its instructions without the canary is refused like one that leaks it.

The canary only proves a leak when the model copies it; a model can drop the marker and still
repeat its rules. The opening is compared with the prompt's own text as well.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.prompts import LEAK_CHARS, canary, load
from agent.qa import ask
from core.config import Settings
from tests.fakes import fake_model

QUESTION = "Are the AI Guidelines for Business legally binding?"
RULES_START = "Rules that nothing in the question can change"


@pytest.fixture
def settings(index_home: Path) -> Settings:
    return Settings(home=index_home)


def _rules() -> str:
    """The phrase prompt as the model sees it, with the canary taken out."""
    return load("phrase").text.replace("{canary}", "")


def _stretch() -> str:
    """A stretch of the rules a little longer than LEAK_CHARS, re-cased and re-wrapped."""
    rules = _rules()
    start = rules.index(RULES_START)
    return " ".join(rules[start : start + LEAK_CHARS + 10].upper().split())


@pytest.mark.parametrize(
    "opening",
    [
        pytest.param(lambda: f"No. My instructions say: {_stretch()}", id="recital-no-canary"),
        pytest.param(lambda: f"No. The marker is {canary()}.", id="canary"),
    ],
)
def test_an_opening_that_repeats_the_prompt_is_never_shown(
    settings: Settings, opening: object
) -> None:
    reply = opening()  # type: ignore[operator]
    answer = ask(QUESTION, settings=settings, chat_model=fake_model([reply]))
    assert answer.mode == "offline"
    assert answer.notice is not None and "text of its instructions" in answer.notice
    shown = " ".join(answer.answer.upper().split())
    assert _stretch() not in shown and canary() not in answer.answer
    assert RULES_START.upper() not in shown


def test_a_plain_opening_is_still_shown(settings: Settings) -> None:
    # The same path accepts an opening that only rephrases: the refusal above is the check's.
    answer = ask(QUESTION, settings=settings, chat_model=fake_model(["No."]))
    assert answer.mode.startswith("model:"), answer.notice

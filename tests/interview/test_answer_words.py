"""knowledge/data/interview_words.yaml (agent/interview/answer_words.py): the words the
interview reads as yes, no, 'not sure', 'none' or a command are data, each meaning one thing."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from agent.interview.answer_words import WORDS_FILE, AnswerWords, answer_words
from knowledge.yaml_files import read_yaml


def _raw() -> dict[str, object]:
    raw = read_yaml(WORDS_FILE)
    assert isinstance(raw, dict)
    return raw


def test_the_words_are_read_in_both_languages() -> None:
    words = answer_words()
    assert {"yes", "はい"} <= words.yes and {"not sure", "分からない"} <= words.unsure
    assert words.command("終了") == "quit" and words.command("help") == "why"
    assert words.command("maybe") is None


def test_a_word_that_is_both_yes_and_no_is_refused() -> None:
    raw = _raw()
    raw["no"] = [*raw["no"], "yes"]  # type: ignore[misc]
    with pytest.raises(ValidationError, match="both yes and no: yes"):
        AnswerWords.model_validate(raw)


def test_a_word_naming_two_commands_is_refused() -> None:
    raw = _raw()
    raw["commands"] = {"skip": ["skip", "exit"], "quit": ["quit", "exit"]}
    with pytest.raises(ValidationError, match="'exit' is both"):
        AnswerWords.model_validate(raw)


def test_an_unknown_command_or_key_is_refused() -> None:
    with pytest.raises(ValidationError):
        AnswerWords.model_validate({**_raw(), "commands": {"restart": ["restart"]}})
    with pytest.raises(ValidationError):
        AnswerWords.model_validate({**_raw(), "maybe": ["maybe"]})

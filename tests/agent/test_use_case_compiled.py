"""The hint file is read, validated and compiled once per process: the speller and the use-case
reader share it, and reading a question compiles no pattern the validation compiled already
(a cold `ask` spent a second doing each twice; issue 17)."""

from __future__ import annotations

import re

import pytest

from agent import use_case
from agent.answer.reader import Reader
from knowledge import hints as hint_module
from knowledge.defaults import clear, rule_base
from knowledge.hints import HintFile, hints


@pytest.fixture(autouse=True)
def _fresh_caches() -> object:
    clear()
    yield
    clear()


def test_the_speller_and_the_use_case_reader_validate_the_file_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    validated: list[object] = []
    real = HintFile.model_validate

    def counting(data: object) -> HintFile:
        validated.append(data)
        return real(data)

    monkeypatch.setattr(hint_module.HintFile, "model_validate", counting)
    assert Reader(rule_base()).speller.word("recruting")  # the speller reads the hints' words
    assert use_case.read_use_case("Our hiring AI ranks candidates. What applies?").hints
    # Once, or not at all when knowledge.validated_cache holds the file already validated.
    assert len(validated) <= 1


def test_reading_a_question_compiles_no_hint_pattern_again(monkeypatch: pytest.MonkeyPatch) -> None:
    data = hints()  # validated: every pattern compiled
    compiled: list[str] = []
    real = re.compile

    def counting(pattern: str, flags: int = 0) -> re.Pattern[str]:
        compiled.append(pattern)
        return real(pattern, flags)

    monkeypatch.setattr(re, "compile", counting)
    reading = use_case.read_use_case("Our hiring AI ranks candidates. What applies?")
    assert reading.asks and reading.hints
    assert set(compiled) & set(data.patterns()) == set()


def test_patterns_are_read_in_any_case_and_a_bad_list_word_is_an_error() -> None:
    data = hints()
    assert all(data.regex(h.pattern).flags & re.IGNORECASE for h in data.hints)
    assert data.regex(data.asks[0]) is data.regex(data.asks[0])
    with pytest.raises(ValueError, match="not a valid regular expression"):
        HintFile.model_validate(
            {
                "words": {"broken": ["(unclosed"]},
                "asks": ["what"],
                "hints": [
                    {
                        "id": "x",
                        "pattern": "{broken}",
                        "reads": "x",
                        "sets": {"builds_models": True},
                    }
                ],
            }
        )

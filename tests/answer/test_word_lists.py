"""The closed word classes the engine reads questions by are data (knowledge/data/
reading_words.yaml, issue 17): the patterns that read them take whatever list the rule base in
use carries, and kb check refuses a word that is not one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from agent.answer import follow_up, understand
from agent.answer.word_lists import WORDS_FILE, reading_words
from knowledge import defaults
from knowledge.loader import load_rule_base_from, read_yaml
from knowledge.schema.reading import ReadingWords
from tests.fixtures import RULE_BASE_DIR


def test_the_patterns_read_the_packaged_words() -> None:
    assert understand._QUESTION_WORD.match("  Whom does it bind?")
    assert understand._WHETHER.match("whether we must register")
    assert understand._BARE_QUESTION.match("which one?")
    assert not understand._BARE_QUESTION.match("which")
    assert follow_up._FACET_WORD.match("... when")
    assert not follow_up._FACET_WORD.match("what about banks")
    assert follow_up._ASKER.search("who supervises US?")
    assert follow_up._POINTER.search("who enforces those?")
    assert not follow_up._POINTER.search("who enforces the Act?")


def test_a_word_added_to_the_data_is_read(tmp_path: Path) -> None:
    folder = tmp_path / "rulebase"
    shutil.copytree(RULE_BASE_DIR, folder)
    raw = read_yaml(WORDS_FILE)
    assert isinstance(raw, dict)
    raw["bare_question_words"] = [*raw["bare_question_words"], "whence"]
    (folder / WORDS_FILE.name).write_text(yaml.safe_dump(raw), encoding="utf-8")
    assert not understand._BARE_QUESTION.match("whence?")
    with defaults.use_rule_base(load_rule_base_from(folder)):
        assert understand._BARE_QUESTION.match("whence?")
    assert not understand._BARE_QUESTION.match("whence?")


@pytest.mark.parametrize("word", ["", "When", "who|what", r"how\b"])
def test_a_list_holds_only_lower_case_words(word: str) -> None:
    raw = reading_words().model_dump()
    raw["pointer_words"] = [word]
    with pytest.raises(ValidationError):
        ReadingWords.model_validate(raw)

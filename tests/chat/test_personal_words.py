"""The personalised answers' wording is data (personal_answers.yaml), validated and complete."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from agent.chat.intents import chat_intents
from agent.chat.personal import ANSWERS
from agent.chat.personal_words import WORDS_FILE, PersonalWords, personal_words
from knowledge.loader import load_rule_base


def test_every_intent_has_an_answer_and_every_named_source_exists() -> None:
    assert {intent for intent, _ in chat_intents().intents} == set(ANSWERS)
    sources = load_rule_base().sources
    assert set(personal_words().sources) <= set(sources)
    assert chat_intents().data.ppc_source in personal_words().sources


def test_a_typo_in_the_wording_file_is_an_error(tmp_path: Path) -> None:
    raw = yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))
    raw["action_in_plan"]["includd"] = raw["action_in_plan"].pop("included")
    with pytest.raises(ValidationError, match="includd"):
        PersonalWords.model_validate(raw)


def test_no_legal_wording_left_in_the_answer_code() -> None:
    code = (Path(__file__).parents[2] / "agent" / "chat" / "personal.py").read_text()
    for words in ("PPC alert", "does not include", "Not on your current answers", "Yes. "):
        assert words not in code

"""The personalised answers' wording is data (personal_answers.yaml), validated and complete."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from agent.chat.intents import chat_intents
from agent.chat.personal_words import WORDS_FILE, PersonalWords, personal_words
from knowledge.loader import load_rule_base


def test_every_intent_has_an_answer_and_every_named_source_exists() -> None:
    assert {intent for intent, _ in chat_intents().intents} == set(chat_intents().answers)
    sources = load_rule_base().sources
    asked = {a.source for a in chat_intents().answers.values() if a.kind == "source_engaged"}
    for words in (personal_words().en, personal_words().ja):
        assert set(words.sources) <= set(sources)
        assert asked and asked <= set(words.sources)  # each has its name and hint
    actions = {a.action for a in chat_intents().answers.values() if a.kind == "action_in_plan"}
    assert actions and actions <= set(load_rule_base().checklist)


def test_an_intent_names_what_its_answer_asks_about() -> None:
    from knowledge.schema.chat import IntentAnswer

    with pytest.raises(ValidationError, match="names its `action`"):
        IntentAnswer.model_validate({"kind": "action_in_plan"})
    with pytest.raises(ValidationError, match="names its `source`"):
        IntentAnswer.model_validate({"kind": "source_engaged"})


def test_an_intent_is_answered_as_the_data_declares_with_no_instrument_id_in_the_code(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from agent.chat import personal
    from agent.chat.intents import CompiledIntents, IntentData
    from core.profile import UseCaseProfile
    from tools.assess import assess

    code = (Path(__file__).parents[2] / "agent" / "chat" / "personal.py").read_text()
    for instrument_id in ("caio", "ppc", "appoint_"):
        assert instrument_id not in code
    raw = yaml.safe_load(
        (Path(personal.__file__).parents[2] / "knowledge" / "data" / "chat_intents.yaml").read_text(
            encoding="utf-8"
        )
    )
    action = next(iter(load_rule_base().checklist.values()))
    raw["intents"].append(
        {
            "id": "any_action",
            "description": "A new intent declared in data only.",
            "answer": {"kind": "action_in_plan", "action": action.id},
            "patterns": ["never matched"],
            "patterns_ja": ["一致しない"],
        }
    )
    compiled = CompiledIntents(IntentData.model_validate(raw))
    monkeypatch.setattr(personal, "chat_intents", lambda: compiled)
    profile = UseCaseProfile(name="Support bot", personal_data="none")
    said = personal.answer("any_action", assess(profile))
    assert action.title in said.text


def test_a_typo_in_the_wording_file_is_an_error(tmp_path: Path) -> None:
    raw = yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))
    raw["en"]["action_in_plan"]["includd"] = raw["en"]["action_in_plan"].pop("included")
    with pytest.raises(ValidationError, match="includd"):
        PersonalWords.model_validate(raw)


def test_both_languages_are_required_and_fill_the_same_fields() -> None:
    """Issue 18: a Japanese question gets Japanese wording, so the file cannot miss it."""
    raw = yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))
    with pytest.raises(ValidationError, match="ja"):
        PersonalWords.model_validate({"en": raw["en"]})
    raw["ja"]["first_steps"]["due"] = "期限"  # drops {date}
    with pytest.raises(ValidationError, match=r"first_steps\.due: en fills \['date'\]"):
        PersonalWords.model_validate(raw)


def test_every_intent_is_asked_in_japanese_too() -> None:
    from knowledge.schema.chat import IntentData

    raw = yaml.safe_load((WORDS_FILE.parent / "chat_intents.yaml").read_text(encoding="utf-8"))
    del raw["intents"][0]["patterns_ja"]
    with pytest.raises(ValidationError, match="patterns_ja"):
        IntentData.model_validate(raw)
    raw["intents"][0]["patterns_ja"] = ["(未完"]
    with pytest.raises(ValidationError, match="not a valid regular expression"):
        IntentData.model_validate(raw)


def test_no_legal_wording_left_in_the_answer_code() -> None:
    code = (Path(__file__).parents[2] / "agent" / "chat" / "personal.py").read_text()
    for words in ("PPC alert", "does not include", "Not on your current answers", "Yes. "):
        assert words not in code

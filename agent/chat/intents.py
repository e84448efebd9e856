"""knowledge/data/chat_intents.yaml, compiled: personalised intents and follow-up words."""

from __future__ import annotations

import re
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from knowledge.defaults import derived
from knowledge.loader import DATA_DIR

INTENTS_FILE = DATA_DIR / "chat_intents.yaml"


class IntentAnswer(BaseModel):
    """How an intent is answered from the assessment; which action or source it asks about."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["rules_apply", "first_steps", "action_in_plan", "source_engaged"]
    action: str | None = None
    """A checklist action id (action_in_plan): does the plan include it?"""
    source: str | None = None
    """A source id (source_engaged): are the rules citing it engaged?"""

    @model_validator(mode="after")
    def _names_what_it_asks(self) -> IntentAnswer:
        if self.kind == "action_in_plan" and not self.action:
            raise ValueError("an action_in_plan answer names its `action`")
        if self.kind == "source_engaged" and not self.source:
            raise ValueError("a source_engaged answer names its `source`")
        return self


class Intent(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    description: str
    answer: IntentAnswer
    patterns: list[str] = Field(min_length=1)


class IntentData(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    intents: list[Intent]
    no_profile_message: str
    baseline_triggers: list[str]
    followup_openings: list[str]
    audience_terms: list[str]
    referring_words: list[str]
    strong_pronouns: list[str] = Field(min_length=1)
    substitutes: list[str] = Field(min_length=1)
    possessives: list[str]
    prepositions: list[str] = Field(min_length=1)


class CompiledIntents:
    """The intent patterns and follow-up words as compiled regular expressions."""

    def __init__(self, data: IntentData) -> None:
        self.data = data
        self.answers = {intent.id: intent.answer for intent in data.intents}
        self.intents = [
            (intent.id, re.compile("|".join(f"(?:{p})" for p in intent.patterns), re.I))
            for intent in data.intents
        ]
        self.openings = _any(data.followup_openings)
        self.referring = _any(data.referring_words)
        self.audience = _any(data.audience_terms)
        self.strong = _words(data.strong_pronouns)
        self.substitute = _words(data.substitutes)
        self.possessives = frozenset(data.possessives)
        # Anchored by re.match at the fragment's start, so no leading \b.
        self.preposition = re.compile(rf"({'|'.join(data.prepositions)})\b", re.IGNORECASE)


def _words(words: list[str]) -> re.Pattern[str]:
    """Any of `words` as a whole word, captured as group 1."""
    return re.compile(rf"\b({'|'.join(map(re.escape, words))})\b", re.IGNORECASE)


def _any(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@derived
def chat_intents() -> CompiledIntents:
    raw = yaml.safe_load(INTENTS_FILE.read_text(encoding="utf-8"))
    return CompiledIntents(IntentData.model_validate(raw))


def match_intent(question: str) -> str | None:
    """The personalised intent a question asks for (an id in chat_intents.yaml) or None."""
    for intent_id, pattern in chat_intents().intents:
        if pattern.search(question):
            return intent_id
    return None

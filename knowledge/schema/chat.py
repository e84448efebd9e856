"""What chat reads: chat_intents.yaml (personalised intents and follow-up words) and
personal_answers.yaml (the wording of personalised answers); agent/chat compiles and words from
these models, and kb check validates both files with them."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


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


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RulesApply(_Strict):
    intro: str
    roles_heading: str
    no_role: str
    rules_heading: str


class FirstSteps(_Strict):
    intro: str
    due: str
    item: str
    closing: str


class ActionInPlan(_Strict):
    included: str
    missing: str


class SourceEngaged(_Strict):
    engaged: str
    item: str
    not_engaged: str


class SourceWords(_Strict):
    name: str
    hint: str


class PersonalWords(_Strict):
    your_use_case: str
    because: str
    rules_apply: RulesApply
    first_steps: FirstSteps
    action_in_plan: ActionInPlan
    source_engaged: SourceEngaged
    sources: dict[str, SourceWords]

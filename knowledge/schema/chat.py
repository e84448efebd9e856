"""What chat reads: chat_intents.yaml (personalised intents and follow-up words) and
personal_answers.yaml (the wording of personalised answers); agent/chat compiles and words from
these models, and kb check validates both files with them."""

from __future__ import annotations

import string
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from knowledge.schema.base import Lang, compiles


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
    patterns_ja: list[str] = Field(
        min_length=1,
        description="The same asks in Japanese; '{we}' stands for IntentData.first_person_ja.",
    )

    _check = field_validator("patterns", "patterns_ja")(lambda v: [compiles(p) for p in v])


class IntentData(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    intents: list[Intent]
    no_profile_message: str
    no_profile_message_ja: str = Field(min_length=1)
    first_person_ja: str = Field(
        description="Who 'we' are in a Japanese question ('当社は'): `{we}` in patterns_ja."
    )
    baseline_triggers: list[str]
    followup_openings: list[str]
    audience_terms: list[str]
    referring_words: list[str]
    strong_pronouns: list[str] = Field(min_length=1)
    substitutes: list[str] = Field(min_length=1)
    possessives: list[str]
    prepositions: list[str] = Field(min_length=1)

    _check = field_validator("first_person_ja")(compiles)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RulesApply(_Strict):
    intro: str
    roles_heading: str
    role: str
    no_role: str
    rules_heading: str
    rule: str


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


class PersonalWording(_Strict):
    """The personalised answers' wording in one language."""

    your_use_case: str
    because: str
    joiner: str = Field(description="Between the items of a list inside a sentence ('; ', '、').")
    notice: str = Field(description="Under each answer: '{source}', where the profile came from.")
    interview: str = Field(description="'{id}': a profile that an interview in this chat built.")
    rules_apply: RulesApply
    first_steps: FirstSteps
    action_in_plan: ActionInPlan
    source_engaged: SourceEngaged
    sources: dict[str, SourceWords]


def _texts(value: object, path: str = "") -> dict[str, str]:
    """Every text in a dumped wording, by its dotted path."""
    if isinstance(value, dict):
        found: dict[str, str] = {}
        for key, inner in value.items():
            found |= _texts(inner, f"{path}.{key}" if path else str(key))
        return found
    return {path: value} if isinstance(value, str) else {}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


class PersonalWords(_Strict):
    """personal_answers.yaml: the same wording in English and in Japanese, both required, and
    each text filling the same {fields} in both (the code fills them alike)."""

    en: PersonalWording
    ja: PersonalWording

    def in_lang(self, lang: Lang | str) -> PersonalWording:
        return self.ja if lang == "ja" else self.en

    @model_validator(mode="after")
    def _same_texts(self) -> PersonalWords:
        english, japanese = _texts(self.en.model_dump()), _texts(self.ja.model_dump())
        if set(english) != set(japanese):
            raise ValueError(
                f"en and ja differ in what they word: {sorted(set(english) ^ set(japanese))}"
            )
        for path, text in english.items():
            if _fields(text) != _fields(japanese[path]):
                raise ValueError(
                    f"{path}: en fills {sorted(_fields(text))} but ja fills "
                    f"{sorted(_fields(japanese[path]))}: both languages fill the same fields"
                )
        return self

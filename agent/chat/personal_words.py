"""knowledge/data/personal_answers.yaml, validated: the wording of personalised chat answers."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from knowledge.defaults import derived
from knowledge.yaml_files import DATA_DIR, read_yaml

WORDS_FILE = DATA_DIR / "personal_answers.yaml"


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


@derived
def personal_words() -> PersonalWords:
    return PersonalWords.model_validate(read_yaml(WORDS_FILE))

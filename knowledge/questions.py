"""The interview question bank (knowledge/data/questions.yaml): models, loader and checks.

One question per UseCaseProfile field. Errors name file, question id and field, like the
rule base loader, so a typo in the bank is fixed in seconds.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError, model_validator

from core.conditions import ConditionError
from core.conditions import validate as validate_condition
from core.profile import UseCaseProfile
from knowledge.loader import DATA_DIR, Problem, RuleBaseError, validate_entries
from knowledge.schema import Citation, Id, Strict

QUESTIONS_FILE = DATA_DIR / "questions.yaml"


class AnswerType(StrEnum):
    yes_no = "yes_no"
    one_of = "one_of"
    several_of = "several_of"
    free_text = "free_text"


class Choice(Strict):
    value: str = Field(description="The profile value stored when this choice is picked.")
    label: str = Field(description="What the user sees.")


class Question(Strict):
    """One interview question; `id` is the UseCaseProfile field it fills."""

    id: Id
    text: str = Field(min_length=5)
    help: str = Field(min_length=20, description="Why we ask, in plain words.")
    cite: list[Citation] = Field(min_length=1)
    examples: list[str] = Field(default_factory=list)
    type: AnswerType
    choices: list[Choice] = Field(default_factory=list)
    default: bool | str | list[str] | None = Field(
        default=None, description="Used for 'skip'; no default means the question must be answered."
    )
    ask_if: dict[str, Any] | None = None

    @model_validator(mode="after")
    def _choices_match_type(self) -> Question:
        wants_choices = self.type in (AnswerType.one_of, AnswerType.several_of)
        if wants_choices and not self.choices:
            raise ValueError(f"a '{self.type}' question needs choices")
        if not wants_choices and self.choices:
            raise ValueError(f"a '{self.type}' question takes no choices")
        return self

    @property
    def has_default(self) -> bool:
        return self.default is not None

    def label_of(self, value: object) -> str:
        """The user-facing text for a stored value."""
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, list):
            return ", ".join(self.label_of(v) for v in value) or "none"
        for choice in self.choices:
            if choice.value == value:
                return choice.label
        return str(value)

    def citation_labels(self) -> str:
        return "; ".join(c.label() for c in self.cite)


def _check_bank(file: str, questions: list[Question]) -> list[Problem]:
    problems: list[Problem] = []
    fields = list(UseCaseProfile.model_fields)
    ids = [q.id for q in questions]
    for missing in [f for f in fields if f not in ids]:
        problems.append(Problem(file, missing, "id", "profile field has no question"))
    seen: set[str] = set()
    for q in questions:
        if q.id in seen:
            problems.append(Problem(file, q.id, "id", "duplicate id"))
        seen.add(q.id)
        if q.id not in fields:
            problems.append(Problem(file, q.id, "id", f"not a profile field (fields: {fields})"))
            continue
        for where, value in [(f"choices.{c.value}", c.value) for c in q.choices] + [
            ("default", q.default)
        ]:
            if value is None:
                continue
            sample = [value] if q.type == AnswerType.several_of and where != "default" else value
            try:
                UseCaseProfile.model_validate({q.id: sample})
            except ValidationError as exc:
                problems.append(Problem(file, q.id, where, exc.errors()[0]["msg"]))
        if q.ask_if is not None:
            try:
                validate_condition(q.ask_if, f"question '{q.id}'")
            except ConditionError as exc:
                problems.append(Problem(file, q.id, "ask_if", str(exc)))
    if ids[:2] != ["name", "description"]:
        problems.append(Problem(file, "-", "", "the first questions must be name, description"))
    return problems


def load_questions_from(path: Path) -> list[Question]:
    """Load and check a question bank; raise RuleBaseError listing every problem."""
    questions, problems = validate_entries(path, Question)
    if not problems:
        problems = _check_bank(f"knowledge/data/{path.name}", questions)
    if problems:
        raise RuleBaseError(problems)
    return questions


@cache
def load_questions() -> tuple[Question, ...]:
    """The packaged question bank, in the order asked."""
    return tuple(load_questions_from(QUESTIONS_FILE))


def question_by_id(question_id: str) -> Question:
    for q in load_questions():
        if q.id == question_id:
            return q
    raise KeyError(question_id)

"""The interview speaks both languages (issue 18): `shirube kb check` reports a question, choice
or role name without its Japanese text, naming the file, the entry and the field to add.

Japanese texts are optional in the question and role schemas so that a new English question
loads at once; this check is what makes the pair required.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import ValidationError

from knowledge.loader import Problem
from knowledge.questions import QUESTIONS_FILE, Question
from knowledge.schema import Role

if TYPE_CHECKING:
    from knowledge.check_files import RuleBaseFiles


def _missing(file: str, entry: str, field: str) -> Problem:
    english = field.removesuffix("_ja")
    return Problem(file, entry, field, f"has no Japanese text: add {field} beside {english}")


def check_japanese_questions(files: RuleBaseFiles) -> list[Problem]:
    """Every question's label, text, help and examples, each wording and each choice label."""
    rel = QUESTIONS_FILE.name
    raw = files.raw.get(rel)
    if not isinstance(raw, list):
        return []  # a rule base without an interview (the fixture) has nothing to check
    label = files.label(rel)
    problems: list[Problem] = []
    for index, item in enumerate(raw):
        try:
            question = Question.model_validate(item)
        except ValidationError as exc:
            entry = str(item.get("id", f"#{index + 1}")) if isinstance(item, dict) else "-"
            problems += [  # of_error: the error's type words it for a Japanese reader
                Problem.of_error(label, entry, ".".join(map(str, e["loc"])), e)
                for e in exc.errors()
            ]
            continue
        problems += [_missing(label, question.id, f) for f in question.missing_japanese()]
    return problems


def check_japanese_roles(files: RuleBaseFiles) -> list[Problem]:
    """The role names an interview's result and a plan print."""
    return [
        _missing(files.label(rel), role.id, "name_ja")
        for rel, role in files.of_type(Role)
        if not role.name_ja
    ]


QUESTION_CHECKS = [check_japanese_questions, check_japanese_roles]

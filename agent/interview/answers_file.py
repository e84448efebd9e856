"""load_answers: an `interview --answers` file read as the lines a user would have typed.

It goes through the profiles' guarded loader (size cap, UTF-8, nesting, no Python tags); each
value is then checked to be a scalar or a flat list of scalars of bounded length before it is
turned into text, so a YAML alias bomb is refused instead of expanded.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from core.errors import UsageError
from knowledge.questions import AnswerType, Question, load_questions
from tools.data_file import FileKind, read_data_file, short

ANSWERS = FileKind(
    noun="file_errors.answers_noun",
    missing="file_errors.answers_missing",
    flat="file_errors.answers_flat",
)
MAX_ANSWER_CHARS = 20_000
"""Longest answer as typed; far above any real description, far below an expanded alias bomb."""

_SCALARS = (str, bool, int, float, dt.date)


def load_answers(path: Path) -> dict[str, str]:
    """Question id -> the answer as typed; UsageError naming the file, question and fix."""
    raw = read_data_file(path, ANSWERS)
    if not isinstance(raw, dict):
        raise UsageError(
            f"Answers file '{path}' must be a mapping of question id to answer, "
            "e.g. `builds_models: yes`."
        )
    questions = {q.id: q for q in load_questions()}
    unknown = [str(k)[:60] for k in raw if k not in questions]  # keys are scalars: cheap
    if unknown:
        raise UsageError(
            f"Answers file '{path}' has unknown question id(s): {', '.join(unknown[:10])}. "
            f"Valid ids: {', '.join(questions)}."
        )
    return {k: _as_typed(path, questions[k], v) for k, v in raw.items()}


def _as_typed(path: Path, question: Question, value: Any) -> str:
    """An answers-file value as the user would have typed it (YAML turns `yes` into True)."""
    items = value if isinstance(value, list) else [value]
    if not all(item is None or isinstance(item, _SCALARS) for item in items):
        raise UsageError(
            f"Answers file '{path}', question '{question.id}': the answer must be text, "
            f"yes/no or a list of choices, not {short(value)}."
        )
    # Measured before joining, stopping early: aliases repeat one long text at no cost.
    length = 0
    for item in items:
        length += len(item) + 2 if isinstance(item, str) else len(str(item)) + 2
        if length > MAX_ANSWER_CHARS:
            raise UsageError(
                f"Answers file '{path}', question '{question.id}': the answer is longer than "
                f"{MAX_ANSWER_CHARS:,} characters. Shorten it."
            )
    if isinstance(value, bool):
        return "yes" if value else "no"
    if value is None:
        return "skip"
    several = question.type == AnswerType.several_of
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) if value else "none"
    text = str(value)
    # `sectors: ""` means none picked, as an empty list does; other questions need an answer.
    return "none" if several and not text.strip() else text

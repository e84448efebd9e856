"""What the CLI and the TUI show: the pending question (QuestionView) and one answer's Step."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from agent.interview.assist import shown
from agent.interview.graph import CONFIRM_HELP
from agent.interview.state import applicable_questions, progress
from knowledge.questions import question_by_id


class ChoiceView(BaseModel):
    model_config = ConfigDict(frozen=True)
    value: str
    label: str


class SummaryRow(BaseModel):
    model_config = ConfigDict(frozen=True)
    number: int
    id: str
    question: str
    answer: str


class QuestionView(BaseModel):
    """What to show now: a question, the profile summary to confirm, or the pick-an-answer list."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["question", "confirm", "pick"]
    id: str
    text: str
    help: str
    type: str
    choices: list[ChoiceView]
    examples: list[str]
    has_default: bool
    progress: tuple[int, int]
    error: str | None
    shown_help: str | None
    previous: str | None
    summary: list[SummaryRow]
    notice: str | None = None
    """One line to show first, e.g. that suggestions were made or why there are none."""
    suggestion: str | None = None
    """The model's suggested answer (as typed, e.g. 'yes'); Enter accepts it."""
    mapped: str | None = None
    """The model's reading of the last answer; 'yes' accepts it, 'no' asks again."""


class Step(BaseModel):
    """The result of one answer."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    question: QuestionView | None
    error: str | None = None
    help: str | None = None
    done: bool = False
    quit: bool = False
    profile: dict[str, Any]
    plan_path: str | None = None
    assessment: Any = None


def _summary(answers: dict[str, Any]) -> list[SummaryRow]:
    return [
        SummaryRow(number=i, id=q.id, question=q.text, answer=q.label_of(answers.get(q.id)))
        for i, q in enumerate(applicable_questions(answers), 1)
    ]


def _shown(value: Any) -> str | None:
    return None if value is None else shown(value)


def view(payload: dict[str, Any], answers: dict[str, Any]) -> QuestionView:
    summary = _summary(answers) if payload["kind"] != "question" else []
    common: dict[str, Any] = {  # the fields every view shares
        "progress": progress(answers),
        "error": payload.get("error"),
        "shown_help": payload.get("help"),
        "summary": summary,
        "notice": payload.get("notice"),
    }
    if payload["kind"] == "question":
        q = question_by_id(payload["id"])
        return QuestionView(
            kind="question",
            id=q.id,
            text=q.text,
            help=f"{q.help} (Source: {q.citation_labels()})",
            type=q.type.value,
            choices=[ChoiceView(value=c.value, label=c.label) for c in q.choices],
            examples=q.examples,
            has_default=q.has_default,
            previous=q.label_of(answers[q.id]) if q.id in answers else None,
            suggestion=_shown(payload.get("suggestion")),
            mapped=_shown(payload.get("mapped")),
            **common,
        )
    if payload["kind"] == "confirm":
        text = "Is this profile right? yes = write the plan, no = change an answer."
        kind_type, choices = "yes_no", []
    else:
        text = "Which answer do you want to change? Type its number (or 'back')."
        kind_type = "one_of"
        choices = [ChoiceView(value=r.id, label=r.question) for r in summary]
    return QuestionView(
        kind=payload["kind"],
        id=payload["kind"],
        text=text,
        help=CONFIRM_HELP,
        type=kind_type,
        choices=choices,
        examples=[],
        has_default=False,
        previous=None,
        **common,
    )

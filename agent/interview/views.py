"""What the CLI and the TUI show: the pending question (QuestionView) and one answer's Step."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from agent.interview.assist import shown
from agent.interview.graph import confirm_help, why_text
from agent.interview.state import UNSURE_KEY, applicable_questions, build_profile, progress
from agent.interview.texts import say
from knowledge.questions import Lang, Question, question_by_id


class ChoiceView(BaseModel):
    model_config = ConfigDict(frozen=True)
    value: str
    label: str


class SummaryRow(BaseModel):
    model_config = ConfigDict(frozen=True)
    number: int
    id: str
    label: str = ""
    """The field's plain name ('Personal information'), shown instead of its id."""
    question: str
    answer: str


class QuestionView(BaseModel):
    """What to show now: a question, the profile summary to confirm, or the pick-an-answer list."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["question", "confirm", "pick"]
    id: str
    label: str = ""
    """The question's plain name for summaries and recaps."""
    text: str
    help: str
    type: str
    choices: list[ChoiceView]
    examples: list[str]
    has_default: bool
    skip_means: str | None = None
    """What 'skip' sets, e.g. 'no' or 'not sure'; None when it cannot be skipped."""
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
    lang: Lang = "en"
    """The language every text above is in (the session's)."""


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


def _answer_text(question: Question, answers: dict[str, Any], lang: Lang) -> str:
    text = question.label_of(answers.get(question.id), lang)
    if question.id in answers.get(UNSURE_KEY, []):
        return say("not_sure_assumed", lang, answer=text)
    return text


def _summary(answers: dict[str, Any], lang: Lang) -> list[SummaryRow]:
    profile = build_profile(answers)
    return [
        SummaryRow(
            number=i,
            id=q.id,
            label=q.label_in(lang),
            question=q.text_for(profile, lang)[0],
            answer=_answer_text(q, answers, lang),
        )
        for i, q in enumerate(applicable_questions(answers), 1)
    ]


def _skip_means(question: Question, lang: Lang) -> str | None:
    """What 'skip' does here, shown with the hint (None: it cannot be skipped)."""
    if question.default is not None:
        return question.label_of(question.default, lang)
    if question.optional:
        return say("not_given", lang)
    return say("not_sure", lang) if question.if_unsure is not None else None


def recap(answers: dict[str, Any], lang: Lang = "en") -> list[SummaryRow]:
    """The questions answered so far, numbered as in the summary (for a resumed interview)."""
    return [row for row in _summary(answers, lang) if row.id in answers]


def _shown(value: Any) -> str | None:
    return None if value is None else shown(value)


def view(payload: dict[str, Any], answers: dict[str, Any]) -> QuestionView:
    lang: Lang = payload.get("lang") or "en"  # sessions saved before issue 18 are English
    summary = _summary(answers, lang) if payload["kind"] != "question" else []
    common: dict[str, Any] = {  # the fields every view shares
        "progress": progress(answers),
        "error": payload.get("error"),
        "shown_help": payload.get("help"),
        "summary": summary,
        "notice": payload.get("notice"),
        "lang": lang,
    }
    if payload["kind"] == "question":
        q = question_by_id(payload["id"])
        text, examples = q.text_for(build_profile(answers), lang)  # worded for the roles so far
        return QuestionView(
            kind="question",
            id=q.id,
            label=q.label_in(lang),
            text=text,
            help=why_text(q, lang),
            type=q.type.value,
            choices=[ChoiceView(value=c.value, label=c.label_in(lang)) for c in q.choices],
            examples=examples,
            has_default=q.has_default,
            skip_means=_skip_means(q, lang),
            previous=_answer_text(q, answers, lang) if q.id in answers else None,
            suggestion=_shown(payload.get("suggestion")),
            mapped=_shown(payload.get("mapped")),
            **common,
        )
    if payload["kind"] == "confirm":
        text = say("confirm_text", lang)
        kind_type, choices = "yes_no", []
    else:
        text = say("pick_text", lang)
        kind_type = "one_of"
        choices = [ChoiceView(value=r.id, label=r.question) for r in summary]
    return QuestionView(
        kind=payload["kind"],
        id=payload["kind"],
        text=text,
        help=confirm_help(lang),
        type=kind_type,
        choices=choices,
        examples=[],
        has_default=False,
        previous=None,
        **common,
    )

"""Interview state, run context and the pure helpers the graph's routers use."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, TypedDict

from core.conditions import evaluate
from core.profile import UseCaseProfile
from knowledge.questions import Lang, Question, load_questions

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from core.config import Settings

PlanFormat = Literal["markdown", "json", "docx"]
PLAN_SUFFIX: dict[str, str] = {"markdown": "md", "json": "json", "docx": "docx"}
# In `answers`: the question ids answered 'not sure' (the profile's `unsure` field).
UNSURE_KEY = "unsure"


class InterviewState(TypedDict, total=False):
    """What the checkpointer keeps for one interview (every value is plain JSON)."""

    answers: dict[str, Any]
    """Parsed answers by question id (the profile field); only what the user gave."""
    history: list[str]
    """Question ids in the order they were answered; 'back' pops the last one."""
    revisit: str | None
    """A question the user asked to change from the summary; asked before anything else."""
    stage: Literal["ask", "pick"]
    """'pick' while the user chooses which answer to change after saying no to the summary."""
    confirmed: bool
    """The user accepted the profile summary; the plan is written next."""
    error: str | None
    """Why the last answer was rejected; shown with the question asked again."""
    help: str | None
    """The 'why we ask' text after the user typed 'why'."""
    plan_path: str | None
    """Where the plan was written (set when the interview is done)."""
    plan_format: PlanFormat | None
    done: bool
    suggestions: dict[str, Any]
    """Model-suggested answers by question id; shown for confirmation, never applied unasked."""
    prefilled_from: str | None
    """The description the suggestions were made from (so a changed one is read again)."""
    notice: str | None
    """One line shown with the next question (e.g. why there are no suggestions)."""
    unread: str | None
    """A choice answer the parser could not read, waiting for the model to map it."""
    mapping: dict[str, Any] | None
    """The model's reading of that answer ({"id", "value"}), shown back for a yes/no."""
    lang: Lang
    """The interview's language, set when it starts (`--lang`, SHIRUBE_LANG); a resume keeps it."""


@dataclass(frozen=True)
class InterviewContext:
    """Run-scoped settings passed with each invoke (not stored in the checkpoint)."""

    session_id: str
    output: str | None = None
    fmt: PlanFormat = "markdown"
    chat_model: BaseChatModel | None = None
    """The model that suggests and maps answers; None: every question is asked as typed."""
    model_notice: str | None = None
    """Why there is no model although one was wanted (shown after the description)."""
    settings: Settings | None = None

    @property
    def lang(self) -> Lang:
        """The language a new interview starts in: SHIRUBE_LANG or `--lang` ('auto': English,
        since there is no question yet to detect it from)."""
        from core.config import get_settings

        return "ja" if (self.settings or get_settings()).lang == "ja" else "en"


def lang_of(state: InterviewState, context: InterviewContext) -> Lang:
    """The session's language: the one it started in, else the run's setting."""
    return state.get("lang") or context.lang


def applies(question: Question, profile: UseCaseProfile) -> bool:
    return question.ask_if is None or evaluate(question.ask_if, profile)


def _walk(answers: dict[str, Any]) -> tuple[dict[str, Any], list[Question]]:
    """The answers that count (conditions hold) and the questions that apply, in bank order.

    Conditions only look at earlier questions, so one pass in order settles every one.
    """
    data: dict[str, Any] = {}
    asked: list[Question] = []
    for question in load_questions():
        if not applies(question, UseCaseProfile.model_validate(data)):
            continue
        asked.append(question)
        if question.id in answers:
            data[question.id] = answers[question.id]
    return data, asked


def build_profile(answers: dict[str, Any]) -> UseCaseProfile:
    """The profile from the answers; answers to questions that no longer apply are dropped."""
    data, _ = _walk(answers)
    data[UNSURE_KEY] = [q for q in answers.get(UNSURE_KEY, []) if q in data]
    return UseCaseProfile.model_validate(data)


def applicable_questions(answers: dict[str, Any]) -> list[Question]:
    return _walk(answers)[1]


def wants_prefill(state: InterviewState) -> bool:
    """Just answered the description (first time, or changed) with questions still to come."""
    description = state.get("answers", {}).get("description")
    history = state.get("history", [])
    return (
        bool(description)
        and bool(history)
        and history[-1] == "description"
        and state.get("prefilled_from") != description
        and next_question_id(state) is not None
    )


def next_question_id(state: InterviewState) -> str | None:
    """The question to ask now: a revisit first, else the first unanswered one that applies."""
    if state.get("revisit"):
        return state["revisit"]
    answers = state.get("answers", {})
    for question in applicable_questions(answers):
        if question.id not in answers:
            return question.id
    return None


def progress(answers: dict[str, Any]) -> tuple[int, int]:
    """(answered, total) over the questions that currently apply."""
    asked = applicable_questions(answers)
    return sum(1 for q in asked if q.id in answers), len(asked)

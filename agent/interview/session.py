"""`InterviewSession`: the one object the CLI and the TUI drive an interview through.

session = InterviewSession.start()          # or InterviewSession.resume("a1b2c3d4")
session.current                             # the pending question (QuestionView) or None
step = session.answer("yes")                # Step: next question, error, help, done, plan
"""

from __future__ import annotations

from typing import Any, Literal

from langgraph.types import Command
from pydantic import BaseModel, ConfigDict

from agent.config import Settings, get_settings
from agent.errors import UsageError
from agent.interview import store
from agent.interview.graph import CONFIRM_HELP, build_graph, run_config
from agent.interview.parse import COMMANDS
from agent.interview.state import (
    InterviewContext,
    PlanFormat,
    applicable_questions,
    build_profile,
    progress,
)
from knowledge.questions import question_by_id
from tools.profile import UseCaseProfile

KIND = "interview"


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


def _view(payload: dict[str, Any], answers: dict[str, Any]) -> QuestionView:
    common = {
        "progress": progress(answers),
        "error": payload.get("error"),
        "shown_help": payload.get("help"),
        "summary": _summary(answers) if payload["kind"] != "question" else [],
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
            **common,
        )
    if payload["kind"] == "confirm":
        text = "Is this profile right? yes = write the plan, no = change an answer."
        kind_type, choices = "yes_no", []
    else:
        text = "Which answer do you want to change? Type its number (or 'back')."
        kind_type = "one_of"
        choices = [ChoiceView(value=r.id, label=r.question) for r in common["summary"]]
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


class InterviewSession:
    """One interview thread in the SQLite checkpointer; every answer is on disk when it returns."""

    def __init__(
        self, settings: Settings, session_id: str, *, output: str | None, fmt: PlanFormat
    ) -> None:
        self.settings = settings
        self.session_id = session_id
        self._conn = store.connect(settings)
        self._graph = build_graph(store.checkpointer(self._conn))
        self._context = InterviewContext(session_id=session_id, output=output, fmt=fmt)

    @classmethod
    def start(
        cls,
        settings: Settings | None = None,
        *,
        output: str | None = None,
        fmt: PlanFormat = "markdown",
    ) -> InterviewSession:
        """A new session, registered and paused at its first question."""
        session = cls(settings or get_settings(), store.new_session_id(), output=output, fmt=fmt)
        store.register_session(session._conn, session.session_id, KIND)
        session._run({"answers": {}, "history": []})
        return session

    @classmethod
    def open(cls, session_id: str, settings: Settings | None = None) -> InterviewSession:
        """Open a saved interview to read it, without running anything (UsageError if unknown)."""
        settings = settings or get_settings()
        with store.opened(settings) as conn:
            info = store.get_session(conn, session_id)
        if info.kind != KIND:
            raise UsageError(
                f"Session '{session_id}' is a {info.kind} session, not an interview. "
                "Run `shirube sessions list` to see the interviews."
            )
        return cls(settings, session_id, output=None, fmt="markdown")

    @classmethod
    def resume(
        cls,
        session_id: str,
        settings: Settings | None = None,
        *,
        output: str | None = None,
        fmt: PlanFormat = "markdown",
    ) -> InterviewSession:
        """Reopen a saved session exactly where it stopped (UsageError if the id is unknown)."""
        session = cls.open(session_id, settings)
        session._context = InterviewContext(session_id=session_id, output=output, fmt=fmt)
        snapshot = session._snapshot()
        if not snapshot.values:  # stopped before the first checkpoint: start it properly
            session._run({"answers": {}, "history": []})
        elif snapshot.next and not snapshot.interrupts:  # stopped mid-step (e.g. writing the plan)
            session._run(None)
        return session

    def _run(self, payload: Any) -> None:
        self._graph.invoke(
            payload,
            config=run_config(self.session_id),
            context=self._context,
            durability="sync",
        )

    def _snapshot(self) -> Any:
        return self._graph.get_state(run_config(self.session_id))

    @property
    def values(self) -> dict[str, Any]:
        return dict(self._snapshot().values or {})

    @property
    def answers(self) -> dict[str, Any]:
        return dict(self.values.get("answers", {}))

    @property
    def profile_so_far(self) -> UseCaseProfile:
        return build_profile(self.answers)

    @property
    def done(self) -> bool:
        return bool(self.values.get("done"))

    @property
    def plan_path(self) -> str | None:
        return self.values.get("plan_path")

    @property
    def current(self) -> QuestionView | None:
        """The pending question, or None when the interview is finished."""
        snapshot = self._snapshot()
        if not snapshot.interrupts:
            return None
        answers = dict((snapshot.values or {}).get("answers", {}))
        return _view(snapshot.interrupts[0].value, answers)

    def answer(self, text: str) -> Step:
        """Give one typed answer (or a command: skip, back, why, quit)."""
        pending = self.current
        if pending is None:
            return self._step(None)
        if COMMANDS.get(text.strip().lower()) == "quit":
            # Nothing to save: the last answer is already on disk.
            return self._step(pending, quit=True)
        self._run(Command(resume=text))
        step = self._step(self.current)
        store.touch_session(self._conn, self.session_id, title=self._title())
        return step

    def _title(self) -> str:
        answers = self.answers
        title = str(answers.get("name") or answers.get("description") or "")
        return title[:60]

    def _step(self, question: QuestionView | None, *, quit: bool = False) -> Step:
        values = self.values
        assessment = None
        if values.get("done"):
            from tools.assess import assess

            assessment = assess(build_profile(values.get("answers", {})))
        return Step(
            question=question,
            error=question.error if question else None,
            help=question.shown_help if question else None,
            done=bool(values.get("done")),
            quit=quit,
            profile=build_profile(values.get("answers", {})).model_dump(mode="json"),
            plan_path=values.get("plan_path"),
            assessment=assessment,
        )

    def delete(self) -> None:
        """Remove this session and all its checkpoints."""
        store.delete_session(self._conn, self.session_id)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> InterviewSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

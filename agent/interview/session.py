"""`InterviewSession`: the one object the CLI and the TUI drive an interview through.

session = InterviewSession.start()          # or InterviewSession.resume("a1b2c3d4")
session.current                             # the pending question (QuestionView) or None
step = session.answer("yes")                # Step: next question, error, help, done, plan
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from langgraph.types import Command

from agent.interview import journal, store
from agent.interview.answer_words import answer_words
from agent.interview.assist import choose_model
from agent.interview.graph import build_graph, run_config
from agent.interview.session_lock import SessionLock, acquire_or_close
from agent.interview.state import InterviewContext, PlanFormat, build_profile
from agent.interview.views import ChoiceView, QuestionView, Step, SummaryRow, view
from core.config import Settings, get_settings
from core.profile import UseCaseProfile
from core.storage import StorageError

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

# Re-exported: the CLI and the TUI import the views from here.
__all__ = ["ChoiceView", "InterviewSession", "QuestionView", "Step", "SummaryRow"]

KIND = "interview"


class InterviewSession:
    """One interview thread in the checkpointer; every answer is stored when `answer` returns.

    On a team's PostgreSQL an answer the database does not take is kept in the local journal
    (agent.interview.journal) and written by the next resume; `replayed` says what was.
    """

    def __init__(
        self, settings: Settings, session_id: str, *, output: str | None, fmt: PlanFormat
    ) -> None:
        self.settings = settings
        self.session_id = session_id
        self._conn = store.connect(settings)
        self._graph = build_graph(store.checkpointer(self._conn))
        self._context = InterviewContext(session_id=session_id, output=output, fmt=fmt)
        self._lock: SessionLock | None = None
        self._shown: QuestionView | None = None  # the last question read, to journal its answer
        self.replayed: list[tuple[journal.Entry, journal.Outcome]] = []
        """Answers from the journal this resume handled: written, already saved, or kept."""

    def _hold(self) -> None:
        """Become the session's one writer (UsageError when another process has it open)."""
        self._lock = acquire_or_close(self.settings, self.session_id, self.close)

    def _use(
        self, output: str | None, fmt: PlanFormat, chat_model: BaseChatModel | None, assist: bool
    ) -> None:
        # The model lives in the run context, never in the checkpoint: resume picks it again.
        model, notice = choose_model(self.settings, chat_model, assist)
        self._context = InterviewContext(
            session_id=self.session_id,
            output=output,
            fmt=fmt,
            chat_model=model,
            model_notice=notice,
            settings=self.settings,
        )

    @property
    def assisted(self) -> bool:
        """A model suggests and maps answers in this run (always shown for confirmation)."""
        return self._context.chat_model is not None

    @property
    def model_notice(self) -> str | None:
        """Why help was wanted but no model gives it (None when assisted or not asked for)."""
        return self._context.model_notice

    @classmethod
    def start(
        cls,
        settings: Settings | None = None,
        *,
        output: str | None = None,
        fmt: PlanFormat = "markdown",
        assist: bool = False,
        chat_model: BaseChatModel | None = None,
    ) -> InterviewSession:
        """A new session, registered and paused at its first question.

        `assist=True` probes the configured Ollama model (as `shirube ask` does) to suggest
        answers from the description and read free-text answers; `chat_model` gives one directly.
        Without either, every question is asked and parsed with no model, as offline.
        """
        session = cls(settings or get_settings(), store.new_session_id(), output=output, fmt=fmt)
        session._hold()
        try:
            session._use(output, fmt, chat_model, assist)
            store.register_session(session._conn, session.session_id, KIND)
            session._run({"answers": {}, "history": []})
            store.set_status(session._conn, session.session_id, session.status_line())
        except BaseException:
            session.close()
            raise
        return session

    @classmethod
    def open(cls, session_id: str, settings: Settings | None = None) -> InterviewSession:
        """Open a saved interview to read it, without running anything (UsageError if unknown)."""
        settings = settings or get_settings()
        with store.opened(settings) as conn:
            info = store.get_session(conn, session_id)
        if info.kind != KIND:
            from knowledge.ui_labels import LabelledError, session_kind

            kind = session_kind(info.kind)
            raise LabelledError("errors.not_an_interview", sid=session_id, kind=kind)
        return cls(settings, session_id, output=None, fmt="markdown")

    @classmethod
    def resume(
        cls,
        session_id: str,
        settings: Settings | None = None,
        *,
        output: str | None = None,
        fmt: PlanFormat = "markdown",
        assist: bool = False,
        chat_model: BaseChatModel | None = None,
    ) -> InterviewSession:
        """Reopen a saved session exactly where it stopped (UsageError if the id is unknown).

        Saved suggestions are shown whether or not a model is available now. The session stays
        locked to this process until `close` (UsageError if another process has it open).
        """
        session = cls.open(session_id, settings)
        session._hold()
        try:
            session._use(output, fmt, chat_model, assist)
            snapshot = session._snapshot()
            if not snapshot.values:  # stopped before the first checkpoint: start it properly
                session._run({"answers": {}, "history": []})
            elif snapshot.next and not snapshot.interrupts:  # stopped mid-step (writing the plan)
                session._run(None)
            if session.settings.database_url:
                session.replayed = journal.replay(session.settings, session_id, session._rewrite)
        except BaseException:
            session.close()
            raise
        return session

    def _run(self, payload: Any) -> None:
        with store.guard(self._conn):  # a damaged, read-only or full database: one message
            self._graph.invoke(
                payload,
                config=run_config(self.session_id),
                context=self._context,
                durability="sync",
            )

    def _snapshot(self) -> Any:
        with store.reading(self._conn, self.session_id):
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
        self._shown = view(snapshot.interrupts[0].value, answers)
        return self._shown

    def answer(self, text: str) -> Step:
        """Give one typed answer (or a command: skip, back, why, quit)."""
        try:
            pending = self.current
        except StorageError as exc:  # the database went away since the question was shown
            if not self.settings.database_url or self._shown is None:
                raise
            raise self._journal(self._shown, text, exc) from None
        if pending is None:
            return self._step(None)
        if answer_words().command(text.strip().lower()) == "quit":
            # Nothing to save: the last answer is already on disk.
            return self._step(pending, quit=True)
        try:
            self._run(Command(resume=text))
        except StorageError as exc:
            if not self.settings.database_url:
                raise
            raise self._journal(pending, text, exc) from None
        return self._after_answer()

    def _journal(self, pending: QuestionView, text: str, exc: StorageError) -> StorageError:
        """Keep an answer the shared database refused; the error saying where it is."""
        from core.config import redacted_url
        from knowledge.ui_labels import LabelledStorageError, os_problem

        entry = journal.Entry(
            session=self.session_id,
            question=pending.id,
            answer=text,
            at=dt.datetime.now(dt.UTC).replace(microsecond=0),
            who=self.settings.who,
            where=redacted_url(self.settings.database_url or ""),
        )
        question = pending.label or pending.id
        try:
            kept = journal.keep(self.settings, entry)
        except OSError as io:
            return LabelledStorageError(
                "errors.answer_lost",
                error=exc,
                answer=text,
                question=question,
                problem=os_problem(io),
            )
        return LabelledStorageError(
            "errors.answer_journaled",
            error=exc,
            answer=text,
            question=question,
            kept=str(kept),
            session=self.session_id,
        )

    def _rewrite(self, entry: journal.Entry) -> journal.Outcome:
        """Write one journalled answer if its question is the one waiting (see journal.replay)."""
        pending = self.current
        if pending is not None and pending.id == entry.question:
            self._run(Command(resume=entry.answer))
            self._after_answer()
            return "written"
        if entry.question in self.answers:
            # One writer per session (session_lock): only this write can have answered it; it
            # landed before the connection dropped.
            return "already saved"
        return "kept"

    def _after_answer(self) -> Step:
        if self.done:
            self._save_plan()
        step = self._step(self.current)
        store.touch_session(
            self._conn, self.session_id, title=self._title(), status=self.status_line()
        )
        return step

    def status_line(self) -> str:
        """What `sessions list` shows: finished, in progress (answered/total) or to confirm.

        Recorded in English from ui_labels `recorded`; readers in Japanese see it reworded."""
        from knowledge.ui_labels import ui_text

        if self.done:
            return ui_text("recorded.finished")
        pending = self.current
        if pending is None:
            return ui_text("recorded.not_started")
        answered, total = pending.progress
        if pending.kind == "question":
            return ui_text("recorded.in_progress", answered=answered, total=total)
        return ui_text("recorded.to_confirm")

    def recap(self) -> list[SummaryRow]:
        """The answers given so far, with plain labels (shown when an interview resumes)."""
        from agent.interview.views import recap

        return recap(self.answers)

    def _save_plan(self) -> None:
        """Keep the finished plan (profile and progress) for `shirube plan` and the TUI.

        Always in this machine's SQLite file (with its rule-base stamp), then in the team's
        store when one is set (plan_service.save_finished).
        """
        from agent.interview.plan_service import save_finished  # late: it pulls in the assessment
        from agent.interview.plan_sqlite import SqlitePlanStore

        with store.opened_local(self.settings) as local:
            save_finished(SqlitePlanStore(local), self.settings, self.session_id,
                          self.profile_so_far)  # fmt: skip

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
        if self._lock is not None:
            self._lock.release()

    def __enter__(self) -> InterviewSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

"""The interview: one question at a time, a progress bar and the profile filling in beside it."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, LoadingIndicator, ProgressBar

from core.errors import UsageError
from core.storage import StorageError
from tui.lang import LocalScreen, current_lang, error_text, t
from tui.widgets.footer import AppFooter
from tui.widgets.header import LocalHeader
from tui.widgets.profile_panel import ProfilePanel
from tui.widgets.question import QuestionWidget
from tui.widgets.status import StatusBar

if TYPE_CHECKING:
    from agent.interview.session import InterviewSession, QuestionView, Step


# The interview's commands as buttons, each with its key (the footer says the same).
COMMAND_BUTTONS = ("back", "skip", "why", "leave")


class InterviewScreen(LocalScreen[None]):
    """Starts a new session, or resumes `session_id`; every answer is saved before the next one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f5", "command('back')", "back"),
        Binding("f6", "command('skip')", "skip"),
        Binding("f7", "command('why')", "why"),
        Binding("escape", "leave", "leave"),
    ]

    def __init__(self, session_id: str | None = None) -> None:
        super().__init__()
        self.resume_id = session_id
        self.session: InterviewSession | None = None
        self.busy = True

    def compose(self) -> ComposeResult:
        yield LocalHeader(icon="道")
        with Horizontal(id="interview-body"):
            with Vertical(id="interview-main"):
                yield Label(t("interview.starting"), id="progress-label")
                yield ProgressBar(id="progress", show_eta=False)
                yield LoadingIndicator(id="interview-loading")
                yield VerticalScroll(id="question-area")
                yield Input(placeholder=t("interview.placeholder"), id="answer")
                with Horizontal(id="interview-buttons"):
                    for command in COMMAND_BUTTONS:
                        yield Button(t(f"interview.{command}"), id=f"cmd-{command}")
            with VerticalScroll(id="profile-side"):
                yield Label(t("interview.profile_title"), id="profile-title", classes="side-title")
                yield ProfilePanel(id="profile")
        yield StatusBar(id="status")
        yield AppFooter()

    async def relabel(self) -> None:
        """The chrome in the app's new language (the question shown keeps its own)."""
        self.query_one("#answer", Input).placeholder = t("interview.placeholder")
        for command in COMMAND_BUTTONS:
            self.query_one(f"#cmd-{command}", Button).label = t(f"interview.{command}")
        self.query_one("#profile-title", Label).update(t("interview.profile_title"))
        if self.session is None:
            self.query_one("#progress-label", Label).update(t("interview.starting"))
        else:
            self.query_one("#profile", ProfilePanel).show(_answered_rows(self.session), _labels())

    def on_mount(self) -> None:
        answer = self.query_one("#answer", Input)
        answer.cursor_blink = getattr(self.app, "blink", True)
        answer.focus()
        self._open()

    def on_unmount(self) -> None:
        # Quitting the app with the interview open: let go of the session and its lock.
        if self.session is not None:
            self.session.close()
            self.session = None

    @work(exclusive=True, thread=True, group="interview")
    def _open(self) -> None:
        from agent.interview.session import InterviewSession

        settings = getattr(self.app, "settings", None)
        try:
            if self.resume_id:  # a resumed interview keeps the language it started in
                session = InterviewSession.resume(self.resume_id, settings)
            else:
                lang = {"lang": getattr(self.app, "lang", "en")}
                session = InterviewSession.start(settings and settings.model_copy(update=lang))
        except (UsageError, OSError) as exc:
            self.app.call_from_thread(self._fail, exc)
            return
        self.session = session
        # textual types the callback `T | Awaitable[T]`: mypy reads that as Never for a coroutine.
        self.app.call_from_thread(self._opened, session.current)  # type: ignore[arg-type]

    def _fail(self, exc: Exception) -> None:
        # Worded here, on the app's thread: a worker thread does not see the app's language.
        self.notify(
            t("interview.open_failed", error=error_text(exc)), severity="error", markup=False
        )
        self.app.pop_screen()

    async def _opened(self, view: QuestionView | None) -> None:
        assert self.session is not None
        set_session = getattr(self.app, "set_session", None)
        if set_session is not None:
            set_session(self.session.session_id)
        if self.resume_id:
            self.notify(t("interview.resumed", id=self.session.session_id))
        if view is None:  # a finished session: straight to its plan
            self._finish(self.session.plan_path)
            return
        await self._show(view)

    async def _show(self, view: QuestionView) -> None:
        self.busy = False
        self.query_one("#interview-loading").display = False
        answered, total = view.progress
        label = (
            t("interview.progress", n=min(answered + 1, total), total=total)
            if view.kind == "question"
            else t("interview.check")
        )
        self.query_one("#progress-label", Label).update(label)
        self.query_one("#progress", ProgressBar).update(total=total, progress=answered)
        area = self.query_one("#question-area", VerticalScroll)
        await area.remove_children()
        await area.mount(QuestionWidget(view, id="question-widget"))
        assert self.session is not None
        self.query_one("#profile", ProfilePanel).show(_answered_rows(self.session), _labels())
        self.query_one("#answer", Input).focus()

    def send(self, text: str) -> None:
        """Give one answer or command, exactly as typed in the CLI."""
        if self.busy or self.session is None:
            return
        self.busy = True
        self._answer(text)

    @work(exclusive=True, thread=True, group="interview")
    def _answer(self, text: str) -> None:
        assert self.session is not None
        try:
            step = self.session.answer(text)
        except (StorageError, OSError) as exc:  # the store failed: say so, keep the answer
            self.app.call_from_thread(self._not_saved, text, exc)
            return
        self.app.call_from_thread(self._stepped, step)  # type: ignore[arg-type]  # as above

    def _not_saved(self, text: str, exc: Exception) -> None:
        # Worded here, on the app's thread: a worker thread does not see the app's language.
        self.busy = False
        answer = self.query_one("#answer", Input)
        if not answer.value:
            answer.value = text
        answer.focus()
        self.notify(
            t("interview.not_saved", error=error_text(exc)),
            severity="error",
            timeout=15,
            markup=False,
        )

    async def _stepped(self, step: Step) -> None:
        if step.done:
            self._finish(step.plan_path)
        elif step.question is not None:
            await self._show(step.question)

    def _finish(self, plan_path: str | None) -> None:
        from tools.assess import assess
        from tui.screens.plan import PlanScreen, saved_plan_screen

        assert self.session is not None
        profile = self.session.profile_so_far
        assessment = assess(profile, current_lang())
        session_id = self.session.session_id
        self.session.close()
        link = getattr(self.app, "link_profile", None)
        if link is not None:  # the chat now answers "what should we do first?" from it
            link(profile, f"interview {session_id}")
        if plan_path:
            self.notify(t("interview.plan_written", path=plan_path), title=t("interview.finished"))
        # The saved plan (statuses editable) when the interview saved one, else the plan alone.
        saved = saved_plan_screen(session_id, getattr(self.app, "settings", None))
        self.app.switch_screen(saved or PlanScreen(assessment, session_id=session_id))

    @on(Input.Submitted, "#answer")
    def _typed(self, event: Input.Submitted) -> None:
        event.input.value = ""
        self.send(event.value)

    @on(QuestionWidget.Answered)
    def _clicked(self, event: QuestionWidget.Answered) -> None:
        self.send(event.text)

    @on(Button.Pressed, "#interview-buttons Button")
    def _command_button(self, event: Button.Pressed) -> None:
        command = (event.button.id or "").removeprefix("cmd-")
        if command == "leave":
            self.action_leave()
        else:
            self.action_command(command)

    def action_command(self, command: str) -> None:
        self.send(command)

    def action_leave(self) -> None:
        if self.session is not None:
            session_id = self.session.session_id
            self.session.close()
            self.session = None
            self.notify(t("interview.saved", id=session_id))
        set_session = getattr(self.app, "set_session", None)
        if set_session is not None:
            set_session(None)
        self.app.pop_screen()


def _answered_rows(session: InterviewSession) -> list[tuple[str, str]]:
    """(question id, answer in the app's language) for every answered question that applies."""
    from agent.interview.state import applicable_questions

    answers, lang = session.answers, current_lang()
    return [
        (q.id, q.label_of(answers[q.id], lang))
        for q in applicable_questions(answers)
        if q.id in answers
    ]


def _labels() -> dict[str, str]:
    """Each question's short name in the app's language, by id (the panel's first column)."""
    from knowledge.questions import load_questions

    lang = current_lang()
    return {q.id: q.label_in(lang) for q in load_questions()}

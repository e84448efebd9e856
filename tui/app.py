"""The Shirube terminal app: chat, interview and governance plan in one Textual App."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.screen import Screen

from core.errors import UsageError
from core.light_settings import light_settings
from knowledge.ui_labels import UiLang, reword, ui_text
from tools.terminal_text import clean
from tui.lang import error_text, t
from tui.legal import as_of
from tui.prefs import initial_lang, load_prefs, save_prefs
from tui.screens.chat import ChatScreen
from tui.widgets.header import LocalHeader
from tui.widgets.status import StatusBar, StatusInfo

if TYPE_CHECKING:  # LangChain loads in a worker after the first screen, never before it
    from langchain_core.language_models import BaseChatModel

    from agent.model_status import ModelStatus
    from core.config import Settings
    from core.profile import UseCaseProfile

SCREENSHOTS = "screenshots"  # the folder in the data dir (SHIRUBE_HOME) for saved screenshots


class ShirubeApp(App[None]):
    """`chat_model` is passed through to `agent.qa.ask` (None: the agent decides, offline here).

    `reveal_interval` paces how a verified model answer is revealed (0: at once, for tests)."""

    CSS_PATH = "app.tcss"
    TITLE = "Shirube 道標"
    # Screen classes for small terminals (app.tcss): at 80×24 every screen must still work.
    # textual annotates these `ClassVar[...] | None`, which mypy reads as instance variables.
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (100, "-wide")]  # type: ignore[misc]
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-short"), (32, "-tall")]  # type: ignore[misc]
    BINDINGS: ClassVar[list[BindingType]] = [
        # Descriptions are label names (ui_labels.yaml `keys:`): tui.lang shows them translated.
        Binding("f1", "help", "help"),
        Binding("question_mark", "help", "help", show=False),
        Binding("f2", "interview", "interview"),
        Binding("f3", "sessions", "sessions"),
        Binding("f4", "open_profile", "open_profile"),
        Binding("f8", "switch_language", "language", show=False),  # the status bar names it
        Binding("ctrl+q", "quit", "quit", priority=True),
    ]

    def __init__(
        self,
        *,
        settings: Settings | None = None,
        chat_model: BaseChatModel | None = None,
        blink: bool = True,
        reveal_interval: float = 0.025,
        lang: str | None = None,
    ) -> None:
        super().__init__()
        self._settings = settings
        # The first screen needs only the language and the data dir: read without
        # pydantic-settings (core.light_settings, same values); the full settings wait for the
        # workers (`settings`).
        start = settings or light_settings()
        # The display language: `lang` (shirube tui --lang), SHIRUBE_LANG, else the last F8 choice.
        self.lang: UiLang = initial_lang(lang, start.lang, load_prefs(start.data_dir))
        self.sub_title = ui_text("app.subtitle", self.lang)  # not running yet: no t()
        self.chat_model = chat_model
        self.blink = blink  # the input cursor; off for screenshots and snapshot tests
        # Seconds between word groups when a verified model answer "streams in"; 0 shows it whole.
        self.reveal_interval = reveal_interval
        self.index_ready = False
        self.warned_offline = False
        self.status = StatusInfo(as_of=as_of())

    @property
    def settings(self) -> Settings:
        """The settings from the environment, read on first use (after the first frame)."""
        if self._settings is None:
            from core.config import get_settings

            self._settings = get_settings()
        return self._settings

    def on_mount(self) -> None:
        self.push_screen(ChatScreen())

    def on_ready(self) -> None:
        # The model probe and the index (LangChain, Chroma) load once the first frame is shown:
        # their imports hold the GIL for most of a second and would hold the first frame back.
        self.call_after_refresh(self._start_workers)

    def _start_workers(self) -> None:
        self.settings  # noqa: B018  read here, on the app's thread, before both workers use it
        self._check_model()
        self._prepare_index()

    # ── status ────────────────────────────────────────────────────────────
    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification is plain text: they carry paths, names and error text."""
        super().notify(
            clean(message), title=clean(title), severity=severity, timeout=timeout, markup=False
        )

    def set_status(self, **changes: object) -> None:
        self.status = self.status.model_copy(update=changes)
        for screen in self.screen_stack:
            for bar in screen.query(StatusBar):
                bar.show(self.status)

    def set_session(self, session_id: str | None) -> None:
        self.set_status(session_id=session_id)

    def warn_offline(self, status: ModelStatus) -> None:
        """Say once per run that answers come from the rule base, and why no model answers."""
        if not self.warned_offline:
            self.warned_offline = True
            reason = reword(status.reason or "", "model_reason", self.lang)
            message = t("app.model_unavailable", reason=reason)
            self.notify(message, title=t("app.offline_title"), severity="warning", timeout=8)

    @work(exclusive=True, thread=True, group="probe")
    def _check_model(self) -> None:
        from agent.model_status import model_status

        status = model_status(self.settings, chat_model=self.chat_model)
        if status.available:
            name = status.name or self.settings.model
            self.call_from_thread(self.set_status, model="online", model_name=name)
            return
        self.call_from_thread(self.set_status, model="offline")
        if status.failed:
            self.call_from_thread(self.warn_offline, status)

    @work(exclusive=True, thread=True, group="index")
    def _prepare_index(self) -> None:
        from knowledge.index.store import ensure_index

        try:
            ensure_index(self.settings, progress=False)
        except Exception as exc:  # a broken index must not take the app down; say what failed
            self.call_from_thread(self._index_failed, exc)
            return
        self.call_from_thread(self._index_done)

    def _index_failed(self, exc: Exception) -> None:
        # Worded here, on the app's thread: a worker thread does not see the app's language.
        self.notify(t("app.index_failed", error=error_text(exc)), severity="error")

    def _index_done(self) -> None:
        self.index_ready = True
        for screen in self.screen_stack:
            if isinstance(screen, ChatScreen):
                screen.set_index_ready(True)

    # ── screenshots ───────────────────────────────────────────────────────
    def deliver_screenshot(
        self,
        filename: str | None = None,
        path: str | None = None,
        time_format: str | None = None,
    ) -> str | None:
        """The palette's Screenshot: saved in the data dir (not ~/Downloads), path shown."""
        import datetime as dt

        from tools.safe_output import write_output

        folder = Path(path) if path else self.settings.data_dir / SCREENSHOTS
        name = filename or f"shirube-{dt.datetime.now():{time_format or '%Y%m%d-%H%M%S'}}.svg"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            saved = write_output(folder / name, self.export_screenshot())
        except (OSError, UsageError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            self.notify(
                t("app.screenshot_failed", folder=folder, reason=reason),
                title=t("app.screenshot_title"),
                severity="error",
                timeout=10,
            )
            return None
        self.notify(t("app.screenshot_saved", path=saved), title=t("app.screenshot_title"))
        return str(saved)

    # ── actions ───────────────────────────────────────────────────────────
    def action_help(self) -> None:
        from tui.screens.help import HelpScreen  # screens load when first opened

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_interview(self) -> None:
        from tui.screens.interview import InterviewScreen

        if not isinstance(self.screen, InterviewScreen):
            self.push_screen(InterviewScreen())

    def chat_screen(self) -> ChatScreen | None:
        return next((s for s in self.screen_stack if isinstance(s, ChatScreen)), None)

    def action_sessions(self) -> None:
        from agent.interview import store
        from tui.screens.interview import InterviewScreen
        from tui.screens.sessions import SessionsScreen

        try:
            with store.opened(self.settings) as conn:
                sessions = store.list_sessions(conn)
        except UsageError as exc:  # a damaged or unreadable sessions database: say so, go on
            self.notify(
                error_text(exc), title=t("app.sessions_unreadable"), severity="error", timeout=15
            )
            return
        kinds = {s.id: s.kind for s in sessions}

        async def resume(session_id: str | None) -> None:
            if not session_id:
                return
            if kinds.get(session_id) != "chat":
                self.push_screen(InterviewScreen(session_id))
                return
            chat = self.chat_screen()
            if chat is None:
                return
            while self.screen is not chat:  # back to the chat, wherever F3 was pressed
                self.pop_screen()
            await chat.open_thread(session_id)

        dialog = SessionsScreen(sessions, self.settings, open_id=self.status.session_id)
        self.push_screen(dialog, resume)

    def link_profile(self, profile: UseCaseProfile, source: str) -> None:
        """Link a profile to the chat thread, so the chat answers "us" questions from it."""
        chat = self.chat_screen()
        if chat is not None:
            chat.link_profile(profile, source)

    def action_open_profile(self) -> None:
        from tui.screens.export import FileNameScreen

        def opened(path: Path | None) -> None:
            if path is not None:
                self.open_profile(path)

        dialog = FileNameScreen(t("app.open_profile_prompt"), "", must_exist=True)
        self.push_screen(dialog, opened)

    def open_profile(self, path: Path) -> None:
        from tools.assess import assess
        from tools.profile_io import load_profile
        from tui.screens.plan import PlanScreen

        try:
            profile = load_profile(path)
        except UsageError as exc:
            self.notify(
                error_text(exc), title=t("app.profile_unreadable"), severity="error", timeout=10
            )
            return
        self.link_profile(profile, str(path))
        self.push_screen(PlanScreen(assess(profile, self.lang)))

    def action_copy_last(self) -> None:
        for screen in reversed(self.screen_stack):
            if isinstance(screen, ChatScreen):
                screen.action_copy_last()
                return

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for textuals in super().get_system_commands(screen):  # Textual's words, in our language
            title, help = (reword(text, "palette", self.lang) for text in textuals[:2])
            yield textuals._replace(title=title, help=help)
        for name, action in (
            ("interview", self.action_interview),
            ("sessions", self.action_sessions),
            ("profile", self.action_open_profile),
            ("copy", self.action_copy_last),
            ("keys", self.action_help),
            ("lang", self.action_switch_language),
        ):
            yield SystemCommand(t(f"app.cmd_{name}"), t(f"app.cmd_{name}_help"), action)

    def action_command_palette(self) -> None:
        """Textual's palette, its search prompt and 'no matches' in the app's language."""
        from textual.command import CommandPalette

        from tui.palette import LocalPalette

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            placeholder = t("app.palette_placeholder")
            self.push_screen(LocalPalette(id="--command-palette", placeholder=placeholder))

    def search_themes(self) -> None:
        """The palette's theme picker, its prompt in the app's language."""
        from textual.theme import ThemeProvider

        from tui.palette import LocalPalette

        placeholder = t("app.theme_placeholder")
        self.push_screen(LocalPalette(providers=[ThemeProvider], placeholder=placeholder))

    # ── language ──────────────────────────────────────────────────────────
    async def action_switch_language(self) -> None:
        """English ⇄ Japanese: every screen's labels, the footer, and the chat's answers."""
        self.lang = "en" if self.lang == "ja" else "ja"
        self.sub_title = t("app.subtitle")
        try:
            prefs = load_prefs(self.settings.data_dir)
            save_prefs(self.settings.data_dir, prefs.model_copy(update={"lang": self.lang}))
        except OSError as exc:  # a read-only data dir: the switch still works for this run
            self.notify(t("app.lang_not_saved", reason=exc.strerror or exc), severity="warning")
        for screen in self.screen_stack:
            relabel = getattr(screen, "relabel", None)
            if relabel is not None:
                await relabel()
            for header in screen.query(LocalHeader):
                header.relabel()
            screen.refresh_bindings()
        self.set_status()
        self.notify(t("app.lang_switched"))


def run_app(lang: str | None = None) -> None:
    ShirubeApp(lang=lang).run()

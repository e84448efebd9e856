"""`ChatThread`: one chat, persisted as a LangGraph thread in the sessions store.

The store is agent.interview.store's choice: the SQLite file, or the team's PostgreSQL when
SHIRUBE_DATABASE_URL is set (anyone may then continue the thread, one person at a time).

thread = ChatThread.start()                 # or ChatThread.resume("a1b2c3d4")
turn = thread.ask("Is the AI Basic Plan binding?")
thread.link_profile(profile, "profile.yaml")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from langchain_core.language_models import BaseChatModel

from agent.chat.graph import build_graph, current_topic, run_config
from agent.chat.state import ChatContext, Topic, Turn
from agent.interview import store
from agent.interview.session_lock import SessionLock, acquire_or_close
from agent.state import Surface
from core.config import Settings, get_settings
from core.errors import UsageError
from core.profile import UseCaseProfile

if TYPE_CHECKING:
    from knowledge.loader import RuleBase

KIND = "chat"
TITLE_CHARS = 60


class ChatThread:
    """A chat thread; every turn is stored (durability 'sync') when `ask` returns."""

    def __init__(
        self,
        settings: Settings,
        thread_id: str,
        *,
        chat_model: BaseChatModel | None = None,
        offline: bool = False,
        rule_base: RuleBase | None = None,
        surface: Surface = "cli",
    ) -> None:
        self.settings = settings
        self.thread_id = thread_id
        self._conn = store.connect(settings)
        self._graph = build_graph(store.checkpointer(self._conn))
        self._context = ChatContext(
            settings=settings,
            chat_model=chat_model,
            offline=offline,
            rule_base=rule_base,
            surface=surface,
        )
        self._lock: SessionLock | None = None

    def _hold(self) -> None:
        """Become the thread's one writer (UsageError when another process has it open)."""
        self._lock = acquire_or_close(self.settings, self.thread_id, self.close)

    @classmethod
    def start(
        cls,
        settings: Settings | None = None,
        *,
        chat_model: BaseChatModel | None = None,
        offline: bool = False,
        rule_base: RuleBase | None = None,
        surface: Surface = "cli",
    ) -> ChatThread:
        """A new, empty thread, registered in `shirube sessions list` as kind 'chat'.

        `rule_base` replaces the packaged rule base (tests pass the fixture one)."""
        thread = cls(
            settings or get_settings(),
            store.new_session_id(),
            chat_model=chat_model,
            offline=offline,
            rule_base=rule_base,
            surface=surface,
        )
        thread._hold()
        store.register_session(thread._conn, thread.thread_id, KIND)
        store.set_status(thread._conn, thread.thread_id, thread.status_line())
        return thread

    @classmethod
    def resume(
        cls,
        thread_id: str,
        settings: Settings | None = None,
        *,
        chat_model: BaseChatModel | None = None,
        offline: bool = False,
        surface: Surface = "cli",
    ) -> ChatThread:
        """Reopen a saved thread to continue it, locked to this process until `close`.

        UsageError naming the fix when the id is unknown or another process has it open.
        """
        thread = cls.open(
            thread_id, settings, chat_model=chat_model, offline=offline, surface=surface
        )
        thread._hold()
        return thread

    @classmethod
    def open(
        cls,
        thread_id: str,
        settings: Settings | None = None,
        *,
        chat_model: BaseChatModel | None = None,
        offline: bool = False,
        surface: Surface = "cli",
    ) -> ChatThread:
        """Open a saved thread to read it (`sessions show`, exports); takes no lock."""
        settings = settings or get_settings()
        with store.opened(settings) as conn:
            info = store.get_session(conn, thread_id)
        if info.kind != KIND:
            from knowledge.ui_labels import LabelledError, session_kind

            kind = session_kind(info.kind)
            raise LabelledError("errors.not_a_chat_thread", sid=thread_id, kind=kind)
        return cls(settings, thread_id, chat_model=chat_model, offline=offline, surface=surface)

    @property
    def values(self) -> dict[str, Any]:
        with store.reading(self._conn, self.thread_id):
            return dict(self._graph.get_state(run_config(self.thread_id)).values or {})

    @property
    def turns(self) -> list[Turn]:
        return [Turn.model_validate(t) for t in self.values.get("turns", [])]

    @property
    def last(self) -> Turn | None:
        turns = self.turns
        return turns[-1] if turns else None

    @property
    def topic(self) -> Topic | None:
        return current_topic(self.values)  # type: ignore[arg-type]

    @property
    def profile(self) -> UseCaseProfile | None:
        raw = self.values.get("profile")
        return UseCaseProfile.model_validate(raw) if raw else None

    @property
    def profile_source(self) -> str | None:
        return self.values.get("profile_source")

    def ask(self, text: str) -> Turn:
        """Answer one message in the context of the thread; the turn is saved before returning."""
        if not text.strip():
            raise UsageError("The message is empty. Type a question, or /help for commands.")
        first = not self.turns
        with store.guard(self._conn):  # a damaged, read-only or full database: one message
            self._graph.invoke(
                {"question": text},
                config=run_config(self.thread_id),
                context=self._context,
                durability="sync",
            )
        title = " ".join(text.split())[:TITLE_CHARS] if first else None
        store.touch_session(self._conn, self.thread_id, title=title, status=self.status_line())
        turn = self.last
        assert turn is not None  # the graph always appends a turn
        return turn

    def link_profile(self, profile: UseCaseProfile, source: str) -> None:
        """Answer questions about "us" from this profile from now on (saved with the thread)."""
        with store.guard(self._conn):
            self._graph.update_state(
                run_config(self.thread_id),
                {"profile": profile.model_dump(mode="json"), "profile_source": source},
                as_node="prepare",
            )
        store.touch_session(self._conn, self.thread_id, status=self.status_line())

    @property
    def lang(self) -> str | None:
        """The language the thread answers in, if one was set ('en', 'ja')."""
        return self.values.get("lang")

    def set_lang(self, lang: str) -> None:
        """Answer in `lang` ('en', 'ja'; 'auto': each question's own) from now on, saved."""
        with store.guard(self._conn):
            self._graph.update_state(
                run_config(self.thread_id),
                {"lang": None if lang == "auto" else lang},
                as_node="prepare",
            )

    def status_line(self) -> str:
        """What `sessions list` shows: the number of turns and whether a profile is linked."""
        from knowledge.ui_labels import ui_text

        values = self.values
        count = len(values.get("turns", []))
        key = "recorded.turn_one" if count == 1 else "recorded.turns"
        key += "_linked" if values.get("profile") else ""  # English, reworded for Japanese readers
        return ui_text(key, count=count)

    def export_markdown(self) -> str:
        from agent.chat.export import to_markdown

        return to_markdown(self)

    def close(self) -> None:
        self._conn.close()
        if self._lock is not None:
            self._lock.release()

    def __enter__(self) -> ChatThread:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

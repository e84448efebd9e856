"""Shared set-up for the app tests: one index build per run, and helpers to let workers finish."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path

import pytest
from textual.app import App
from textual.notifications import Notification, Notifications
from textual.pilot import Pilot
from textual.screen import Screen

import tui.screens.action
import tui.screens.answer
import tui.screens.chat
import tui.screens.citation
import tui.screens.confirm
import tui.screens.export
import tui.screens.help
import tui.screens.interview
import tui.screens.plan
import tui.screens.rename
import tui.screens.sessions
import tui.widgets.answer
import tui.widgets.history_input
from core.config import Settings
from tui import app as app_module
from tui import screenshots
from tui.app import ShirubeApp
from tui.prefs import PREFS_FILE

# The same scenes and size as the README screenshots, so snapshots and pictures agree.
CHATBOT = screenshots.SAMPLE
SIZE = screenshots.SIZE
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
# Every module of the app that declares key bindings or widgets with words of their own.
UI_MODULES = [
    app_module,
    tui.screens.action,
    tui.screens.answer,
    tui.screens.chat,
    tui.screens.citation,
    tui.screens.confirm,
    tui.screens.export,
    tui.screens.help,
    tui.screens.interview,
    tui.screens.plan,
    tui.screens.rename,
    tui.screens.sessions,
    tui.widgets.answer,
    tui.widgets.history_input,
]


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    """The pilot tests run on asyncio (anyio's pytest plugin drives them)."""
    return "asyncio"


@pytest.fixture(scope="session", autouse=True)
def built_index(session_home: Path) -> None:
    """Build the search index once for the whole run (the app would otherwise do it first)."""
    from knowledge.index.store import ensure_index

    ensure_index(Settings(), progress=False)


class KeptNotifications(Notifications):
    """Every notification raised, kept past its timeout: on a loaded machine (parallel tests) a
    toast may expire before the test reads it."""

    def __init__(self) -> None:
        super().__init__()
        self.raised: list[Notification] = []

    def add(self, notification: Notification) -> KeptNotifications:
        self.raised.append(notification)
        super().add(notification)
        return self


@pytest.fixture
def make_app() -> Callable[..., ShirubeApp]:
    def make(**kwargs: object) -> ShirubeApp:
        # No reveal by default, so a model answer is whole when the worker ends (deterministic).
        kwargs.setdefault("reveal_interval", 0.0)
        app = ShirubeApp(blink=False, **kwargs)  # type: ignore[arg-type]
        app._notifications = KeptNotifications()
        return app

    return make


Running = Callable[..., AbstractAsyncContextManager[Pilot[None]]]


@pytest.fixture
def running(make_app: Callable[..., ShirubeApp]) -> Running:
    """`async with running(*keys, screen=..., size=..., **app_kwargs) as pilot`: the app started
    and settled, then `screen` pushed and `keys` pressed (each settled), as most tests begin."""

    @asynccontextmanager
    async def run(
        *keys: str,
        screen: Screen[object] | None = None,
        size: tuple[int, int] = SIZE,
        **kwargs: object,
    ) -> AsyncIterator[Pilot[None]]:
        app = make_app(**kwargs)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            if screen is not None:
                await app.push_screen(screen)
                await settle(pilot)
            if keys:
                await pilot.press(*keys)
                await settle(pilot)
            yield pilot

    return run


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in tmp_path: the interview writes its plan to the working directory."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


async def settle(pilot: Pilot[None]) -> None:
    """Let pending messages run and every worker finish, then let their results land."""
    app: App[None] = pilot.app
    for _ in range(3):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()


def raised(app: App[None]) -> list[Notification]:
    """Every notification the app raised, in order (expired ones too)."""
    kept = app._notifications
    return kept.raised if isinstance(kept, KeptNotifications) else list(kept)


def messages(app: App[None]) -> list[str]:
    return [n.message for n in raised(app)]


async def open_from_sessions_list(pilot: Pilot[None], session_id: str) -> str:
    """Press F3, pick `session_id` in the list and open it; returns the option's label."""
    from textual.widgets import OptionList

    from tui.screens.sessions import SessionsScreen

    await pilot.press("f3")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, SessionsScreen)
    options = dialog.query_one(OptionList)
    ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
    label = str(options.get_option_at_index(ids.index(session_id)).prompt)
    options.highlighted = ids.index(session_id)
    await pilot.press("enter")
    await settle(pilot)
    return label


@pytest.fixture
def forget_language(session_home: Path) -> Iterator[None]:
    """F8 remembers the language in the shared test home: the next test must open in English."""
    yield
    (session_home / PREFS_FILE).unlink(missing_ok=True)

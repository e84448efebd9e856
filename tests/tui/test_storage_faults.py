"""The app on a damaged sessions database: F3 says so and the app goes on."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from core.config import Settings
from tests.tui.conftest import Running, messages, settle
from tui.screens.chat import ChatScreen

pytestmark = pytest.mark.anyio


async def test_sessions_list_on_a_damaged_db_is_a_notice(
    running: Running, session_home: Path, fresh_home: Path
) -> None:
    fresh_home.mkdir(parents=True)
    shutil.copytree(session_home / "index", fresh_home / "index")
    settings = Settings(home=fresh_home)
    settings.sessions_db.write_bytes(b"not a database" * 300)
    async with running("f3", settings=settings) as pilot:
        app = pilot.app
        assert isinstance(app.screen, ChatScreen)  # still running, still on the chat
        [notice] = [m for m in messages(app) if "sessions database" in m]
        assert notice.startswith(f"The sessions database {settings.sessions_db} is damaged")
    assert settings.sessions_db.read_bytes() == b"not a database" * 300


async def test_a_broken_rule_base_is_named_in_the_apps_language(
    running: Running, monkeypatch: pytest.MonkeyPatch
) -> None:
    from knowledge.index import store
    from knowledge.yaml_files import Problem, RuleBaseError

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuleBaseError([Problem("changes.yaml", "x", "summary", "Field required")])

    monkeypatch.setattr(store, "ensure_index", broken)
    async with running(lang="ja") as pilot:
        await settle(pilot)
        [notice] = [m for m in messages(pilot.app) if "検索インデックス" in m]
        assert "ルールベースに不正な内容があります" in notice, notice
        assert "changes.yaml：項目「x」のフィールド「summary」" in notice
        assert "rule base is invalid" not in notice and "entry 'x'" not in notice


async def test_an_answer_the_store_refuses_is_said_not_saved_and_kept(
    running: Running, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import sqlite3

    from textual.widgets import Input

    from agent.interview.session import InterviewSession
    from core.storage import sqlite_fault
    from tui.screens.interview import InterviewScreen

    def refused(self: InterviewSession, text: str) -> None:
        raise sqlite_fault(tmp_path / "sessions.db", sqlite3.DatabaseError("file is not a db"))

    monkeypatch.setattr(InterviewSession, "answer", refused)
    async with running("f2", lang="ja") as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, InterviewScreen)
        screen.query_one("#answer", Input).value = "顧客対応チャットボット"
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.screen is screen  # still running, still asking
        assert screen.query_one("#answer", Input).value == "顧客対応チャットボット"
        [notice] = [m for m in messages(pilot.app) if "保存されていません" in m]
        assert str(tmp_path / "sessions.db") in notice
        assert not screen.busy  # the next answer is taken


async def test_an_index_busy_in_another_process_is_said_in_the_apps_language(
    running: Running, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from knowledge.index import store
    from knowledge.index.lock import IndexBusyError

    def busy(*_args: object, **_kwargs: object) -> None:
        raise IndexBusyError("errors.index_busy", path=str(tmp_path / "index"), seconds="120")

    monkeypatch.setattr(store, "ensure_index", busy)
    async with running(lang="ja") as pilot:
        await settle(pilot)
        [notice] = [m for m in messages(pilot.app) if "検索インデックス" in m]
        assert "別の Shirube プロセスが" in notice and "Another" not in notice

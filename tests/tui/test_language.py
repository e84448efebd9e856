"""The app in Japanese: F8 switches every label, the footer, the status bar and the chat's
answers; the choice is remembered; SHIRUBE_LANG and --lang open it in a language."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.dom import DOMNode
from textual.widgets import Input, Static

from agent.chat.commands import COMMANDS
from core.config import Settings
from knowledge.ui_labels import load_ui_labels, ui_text
from tests.tui.conftest import JAPANESE, SIZE, UI_MODULES, messages, settle
from tui import screenshots
from tui.prefs import PREFS_FILE, TuiPrefs, initial_lang, load_prefs
from tui.screens.chat import ChatScreen
from tui.screens.help import HelpScreen
from tui.widgets.answer import AnswerView
from tui.widgets.status import StatusBar

pytestmark = [pytest.mark.anyio, pytest.mark.usefixtures("forget_language")]


def _footer(app: object) -> list[str]:
    screen = app.screen  # type: ignore[attr-defined]
    return [b.binding.description for b in screen.active_bindings.values() if b.binding.show]


async def test_f8_switches_the_chat_to_japanese_and_back(make_app, session_home) -> None:  # type: ignore[no-untyped-def]
    app = make_app(settings=Settings(offline=True))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Help" in _footer(app)
        await pilot.press("f8")
        await settle(pilot)
        screen = app.screen
        assert app.lang == "ja"
        assert str(screen.query_one("#welcome", Static).render()) == ui_text("chat.welcome", "ja")
        starter = str(screen.query_one("#starter-1", Static).render())
        assert starter == f"› {ui_text('chat.starter_1', 'ja')}"
        assert screen.query_one("#question", Input).placeholder == ui_text("chat.placeholder", "ja")
        bar = str(screen.query_one(StatusBar).render())
        assert "オフライン" in bar and "F8 English" in bar
        assert {"ヘルプ", "ヒアリング", "終了"} <= set(_footer(app))
        assert ui_text("app.lang_switched", "ja") in messages(app)
        assert load_prefs(session_home).lang == "ja"  # remembered
        await pilot.press("f8")
        await settle(pilot)
        assert app.lang == "en" and "Help" in _footer(app)
        assert "F8 日本語" in str(screen.query_one(StatusBar).render())


async def test_the_language_chosen_is_remembered_for_the_next_start(make_app) -> None:  # type: ignore[no-untyped-def]
    first = make_app(settings=Settings(offline=True))
    async with first.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot)
    again = make_app(settings=Settings(offline=True))
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.lang == "ja"
        assert JAPANESE.search(str(again.screen.query_one("#welcome", Static).render()))
        assert again.sub_title == ui_text("app.subtitle", "ja")


def test_shirube_lang_and_the_option_win_over_the_remembered_choice() -> None:
    remembered = TuiPrefs(lang="ja")
    assert initial_lang(None, "auto", remembered) == "ja"
    assert initial_lang(None, "en", remembered) == "en"  # SHIRUBE_LANG=en
    assert initial_lang("en", "ja", remembered) == "en"  # shirube tui --lang en
    assert initial_lang(None, "auto", TuiPrefs()) == "en"
    assert initial_lang("auto", "ja", TuiPrefs()) == "ja"


def test_a_damaged_preferences_file_opens_in_english(tmp_path: Path) -> None:
    (tmp_path / PREFS_FILE).write_text("{not json", encoding="utf-8")
    assert load_prefs(tmp_path).lang is None
    (tmp_path / PREFS_FILE).write_text('{"lang": "fr"}', encoding="utf-8")
    assert load_prefs(tmp_path).lang is None


async def test_shirube_lang_ja_opens_the_help_in_japanese(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(settings=Settings(offline=True, lang="ja"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        rows = app.screen.rows
        assert ("全画面", "F8", ui_text("help.k_lang", "ja")) in rows
        assert all(JAPANESE.search(str(what)) for _, _, what in rows)
        usages = [str(key) for _, key, _ in rows]
        assert all(c.usage_in("ja") in usages for c in COMMANDS)
        assert "/profile ファイル名" in usages and "/profile FILE" not in usages


async def test_in_japanese_the_chat_answers_in_japanese(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(settings=Settings(offline=True), lang="ja")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.click("#starter-1")
        await settle(pilot)
        await pilot.click("#question")
        app.screen.query_one("#question", Input).value = "Does Japan have an AI Act?"
        await pilot.press("enter")
        await settle(pilot)
        answers = list(app.screen.query(AnswerView))
        assert len(answers) == 2
        for view in answers:
            assert JAPANESE.search(view.answer.answer), view.answer.answer
            mode = str(view.query_one(".answer-mode", Static).render())
            assert mode == ui_text(
                "chat.answered_from", "ja", mode=ui_text("chat.mode_offline", "ja")
            )
        assert isinstance(app.screen, ChatScreen) and app.screen.thread is not None
        assert app.screen.thread.lang == "ja"  # kept with the thread


async def test_in_english_a_japanese_question_is_still_answered_in_japanese(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(settings=Settings(offline=True))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.click("#question")
        app.screen.query_one("#question", Input).value = ui_text("chat.starter_1", "ja")
        await pilot.press("enter")
        await settle(pilot)
        assert JAPANESE.search(app.screen.query_one(AnswerView).answer.answer)


def test_every_key_binding_names_a_label_in_both_languages() -> None:
    """A binding's description is a `keys:` label, so the footer never shows it untranslated."""
    labels = load_ui_labels()
    seen = 0
    for module in UI_MODULES:
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__ or not issubclass(cls, DOMNode):
                continue
            for binding in cls.BINDINGS:
                assert isinstance(binding, Binding)
                assert labels.has(f"keys.{binding.description}"), (cls, binding.description)
                seen += 1
    assert seen > 25


def test_every_chat_command_has_japanese_help() -> None:
    for command in COMMANDS:
        assert load_ui_labels().has(f"commands.{command.name.lstrip('/')}")


@pytest.mark.parametrize("size", [screenshots.SIZE, screenshots.SMALL])
@pytest.mark.parametrize("scene", ["ja-chat-empty", "ja-help"])
async def test_japanese_screens_cut_no_label(scene: str, size: tuple[int, int]) -> None:
    """CJK characters take two columns: every footer key, status segment and button is whole."""
    app = screenshots.make_app("ja")
    async with app.run_test(size=size) as pilot:  # type: ignore[attr-defined]
        await screenshots.SCENES[scene](pilot)
        text = screenshots.screen_text(app)
        rows = text.splitlines()
        if scene == "ja-chat-empty":
            bar = rows[-2]
            for part in ("オフライン", ui_text("status.lang", "ja")):
                assert part in bar, bar
            for name in ("help", "interview", "sessions", "open_profile", "quit"):
                assert ui_text(f"keys.{name}", "ja") in rows[-1], rows[-1]
        else:  # a long line wraps inside its column: read the dialog without its layout
            squashed = re.sub(r"[\s█▀▄▁▔▂▃▅▆▇]", "", text)
            for key in ("help.title", "help.close", "help.k_lang", "help.note"):
                assert re.sub(r"\s", "", ui_text(key, "ja")) in squashed, key


async def test_in_japanese_a_source_shows_its_japanese_name_and_dates(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(settings=Settings(offline=True), lang="ja")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.click("#starter-2")
        await settle(pilot)
        item = app.screen.query_one("#cite-1-1", Static)
        assert JAPANESE.search(str(item.render()))
        item.focus()
        await pilot.press("enter")
        await settle(pilot)
        dates = str(app.screen.query_one("#citation-dates", Static).render())
        assert dates.startswith(ui_text("citation.dates", "ja"))
        assert JAPANESE.search(dates.removeprefix(ui_text("citation.dates", "ja")))
        force = str(app.screen.query_one("#citation-force", Static).render())
        said = force.removeprefix(ui_text("citation.force", "ja")).strip()
        assert JAPANESE.search(said) and not re.search(r"[A-Za-z]{3,}", said), force

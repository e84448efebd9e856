"""A sweep of the app in Japanese: what a Japanese user reads on each screen is Japanese — the
palette and its key, the citation dialog, the interview's summary and commands, a saved plan's
answer and status dialogs, the help's interview keys and the side panel."""

from __future__ import annotations

import re

import pytest
from textual.app import App, ComposeResult
from textual.command import CommandInput, CommandPalette
from textual.widgets import Button, Input, RadioButton, Select, Static

from agent.interview.answer_words import answer_words
from agent.interview.views import QuestionView, recap
from core.config import Settings
from knowledge.ui_labels import ui_text
from tests.tui.conftest import CHATBOT, settle
from tui.screens.action import ActionScreen, official_lines
from tui.screens.answer import AnswerScreen
from tui.screens.help import key_rows
from tui.screens.plan import PlanScreen, saved_plan_screen
from tui.screenshots import SIZE, screen_text
from tui.widgets.profile_panel import ProfilePanel
from tui.widgets.question import QuestionWidget

pytestmark = pytest.mark.anyio
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
ENGLISH_WORD = re.compile(r"\b[A-Za-z]{3,}\b")


def _english(text: str) -> list[str]:
    """English words in `text`, less names that stay in Latin letters in Japanese too."""
    kept = {"Shirube", "English", "Enter", "Esc", "Tab", "YAML", "JSON", "Markdown", "SVG"}
    kept |= {"CEO", "CTO", "CAIO"}
    return [w for w in ENGLISH_WORD.findall(text) if w not in kept]


async def test_the_palette_its_key_and_its_commands_are_in_japanese(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(settings=Settings(offline=True, lang="ja"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        palette_key = app.screen.active_bindings[app.COMMAND_PALETTE_BINDING].binding
        assert palette_key.description == ui_text("keys.palette", "ja")
        commands = list(app.get_system_commands(app.screen))
        assert len(commands) >= 9  # Textual's own (theme, quit, keys, screenshot …) and ours
        for command in commands:
            assert JAPANESE.search(command.title) and JAPANESE.search(command.help), command
            assert not _english(command.title + command.help), command
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        placeholder = app.screen.query_one(CommandInput).placeholder
        assert placeholder == ui_text("app.palette_placeholder", "ja")


async def test_in_english_the_palette_keeps_textuals_words(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(settings=Settings(offline=True, lang="en"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert {"Theme", "Quit", "Screenshot"} <= set(titles)
        palette_key = app.screen.active_bindings[app.COMMAND_PALETTE_BINDING].binding
        assert palette_key.description == "palette"


class _Shows(App[None]):
    """A bare app showing one widget, in Japanese (what `t()` reads)."""

    def __init__(self, widget: object) -> None:
        super().__init__()
        self.lang = "ja"
        self.widget = widget

    def compose(self) -> ComposeResult:
        yield self.widget  # type: ignore[misc]


async def test_the_interview_summary_names_each_answer_by_its_question() -> None:
    answers = {"name": "チャットボット", "builds_models": False, "personal_data": "personal"}
    rows = recap(answers, "ja")
    view = QuestionView(
        kind="confirm",
        id="confirm",
        text="この内容でよろしいですか？",
        help="",
        type="yes_no",
        choices=[],
        examples=[],
        has_default=False,
        progress=(3, 3),
        error=None,
        shown_help=None,
        previous=None,
        summary=rows,
        lang="ja",
    )
    app = _Shows(QuestionWidget(view))
    async with app.run_test(size=SIZE):
        shown = [str(s.render()) for s in app.query(".summary-row").results(Static)]
    assert len(shown) == len(rows) == 3
    for row, line in zip(rows, shown, strict=True):
        assert row.label in line and row.id not in line, line


async def test_the_side_panel_shows_every_answer_beside_a_long_japanese_name() -> None:
    panel = ProfilePanel()
    app = _Shows(panel)
    labels = {"beyond": "出力以外での個人データの利用（学習・改善）", "name": "名称"}
    async with app.run_test(size=(40, 10)) as pilot:
        panel.show([("beyond", "いいえ"), ("name", "サポート")], labels)
        await pilot.pause()
        text = screen_text(app)
    assert "いいえ" in text and "サポート" in text, text


def test_the_interview_names_its_commands_by_the_words_it_accepts_in_japanese() -> None:
    """The placeholder and the help say 戻る / スキップ / 理由, words the parser reads."""
    words = answer_words().commands
    placeholder = ui_text("interview.placeholder", "ja")
    assert not _english(placeholder), placeholder
    for command in ("back", "skip", "why"):
        assert any(w in placeholder for w in words[command] if JAPANESE.search(w)), command


async def test_the_help_names_the_interview_commands_in_japanese(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(settings=Settings(offline=True, lang="ja"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        keys = [key for where, key, _ in key_rows() if where == ui_text("help.interview", "ja")]
    assert keys and not [k for k in keys if _english(k)], keys


def test_an_official_item_is_named_once() -> None:
    """A worksheet item's label already holds its code ('ワークシート_共通の指針 4)①'): the line
    does not repeat it as 'common:4)①' before it; a code with no label is not doubled."""
    lines = official_lines(["common:4)①", "gov:3-4-1", "7A-4", "HCOC-3"])
    assert not [line for line in lines if line.startswith(("common:", "gov:"))], lines
    assert "HCOC-3  HCOC-3" not in lines
    assert any(line.startswith("7A-4  ") for line in lines)


async def test_a_saved_plans_dialogs_speak_japanese(make_app) -> None:  # type: ignore[no-untyped-def]
    """Changing an answer and marking an action not applicable: questions, choices, the
    current answer and every refusal are Japanese."""
    from agent.interview import plan_service

    settings = Settings()
    plan_id = "a1b2c3d4"
    with plan_service.opened(settings) as store:
        plan_service.save(store, plan_id, CHATBOT)
    app = make_app(settings=Settings(offline=True, lang="ja"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = saved_plan_screen(plan_id, settings)
        assert isinstance(screen, PlanScreen)
        await app.push_screen(screen)
        await settle(pilot)
        # The answer dialog: every question and choice in Japanese, and a refusal too.
        await pilot.press("e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, AnswerScreen)
        select = dialog.query_one(Select)
        prompts = [str(prompt) for prompt, _ in select._options if str(prompt)]
        assert prompts and all(JAPANESE.search(p) for p in prompts), prompts
        select.value = "personal_data"
        await settle(pilot)
        hint = str(dialog.query_one("#answer-now").render())
        assert not _english(hint), hint
        dialog.query_one("#answer-value", Input).value = "たくさん"
        dialog.query_one("#answer-value", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        error = str(dialog.query_one("#answer-error").render())
        assert JAPANESE.search(error) and not _english(error), error
        await pilot.press("escape")
        await settle(pilot)
        # An action marked not applicable with no reason: the refusal in Japanese.
        await pilot.press("a", "enter")
        await settle(pilot)
        detail = app.screen
        assert isinstance(detail, ActionScreen)
        detail.query_one("#status-not_applicable", RadioButton).value = True
        await pilot.pause()
        detail.query_one("#action-save", Button).press()
        await settle(pilot)
        refusal = str(detail.query_one("#action-error", Static).render())
        assert JAPANESE.search(refusal) and not _english(refusal), refusal


def test_the_profile_has_one_japanese_name() -> None:
    """F4 says プロファイル: an error about the file it opens says the same word."""
    from knowledge.ui_labels import load_ui_labels

    labels = load_ui_labels()
    names = labels.keys()  # "section.name", every label
    other = [key for key in names if "プロフィール" in labels.get(key).ja]
    assert not other, other

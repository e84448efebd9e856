"""Textual's own words, in Japanese when the app is (issue 18): the palette's 'No matches found',
the theme picker's prompt, the keys panel (the built-in widgets' key names and group titles) and
the header icon's tooltip. English keeps Textual's words."""

from __future__ import annotations

import inspect

import pytest
from textual.binding import Binding
from textual.command import CommandInput, CommandPalette
from textual.dom import DOMNode
from textual.widgets import Input
from textual.widgets._header import HeaderIcon

from core.config import Settings
from knowledge.ui_labels import ui_text
from tests.tui.conftest import JAPANESE, SIZE, UI_MODULES, settle
from tui.lang import textual_word
from tui.screenshots import screen_text

pytestmark = [pytest.mark.anyio, pytest.mark.usefixtures("forget_language")]


def _textual_bindings() -> dict[str, set[str]]:
    """Every key description (and tooltip) Textual's own classes bring into the app's screens."""
    from textual.command import CommandPalette
    from textual.containers import ScrollableContainer

    classes: set[type] = {CommandPalette, CommandInput, ScrollableContainer}
    for module in UI_MODULES:
        classes |= {c for _, c in inspect.getmembers(module, inspect.isclass)}
    found: dict[str, set[str]] = {}
    for cls in classes:
        if not (isinstance(cls, type) and issubclass(cls, DOMNode)):
            continue
        for base in cls.__mro__:
            if not base.__module__.startswith("textual"):
                continue
            for binding in base.__dict__.get("BINDINGS", []):
                assert isinstance(binding, Binding), (base, binding)
                for text in (binding.description, binding.tooltip):
                    if text:
                        found.setdefault(text, set()).add(base.__name__)
    return found


def test_every_textual_key_name_the_app_can_show_has_japanese() -> None:
    found = _textual_bindings()
    assert len(found) > 40, found  # Input's, the scroll views', the palette's, the lists'…
    for english, where in found.items():
        assert JAPANESE.search(textual_word(english, "ja")), (english, where)
        assert textual_word(english, "en") == english
    assert JAPANESE.search(textual_word(Input.BINDING_GROUP_TITLE or "", "ja"))


async def test_no_matches_in_the_palette_is_said_in_japanese(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(settings=Settings(offline=True, lang="ja"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"zzqx")
        await pilot.pause(CommandPalette._NO_MATCHES_COUNTDOWN + 0.5)
        text = screen_text(app)
        assert ui_text("app.palette_no_matches", "ja") in text, text
        assert "No matches" not in text, text


async def test_in_english_the_palette_still_says_no_matches_found(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(settings=Settings(offline=True, lang="en"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"zzqx")
        await pilot.pause(CommandPalette._NO_MATCHES_COUNTDOWN + 0.5)
        assert "No matches found" in screen_text(app)


async def test_the_theme_picker_asks_in_japanese(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(settings=Settings(offline=True, lang="ja"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.action_change_theme()  # what the palette's テーマ runs
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        placeholder = app.screen.query_one(CommandInput).placeholder
        assert placeholder == ui_text("app.theme_placeholder", "ja")
        await pilot.press(*"zzqx")
        await pilot.pause(CommandPalette._NO_MATCHES_COUNTDOWN + 0.5)
        assert "No matches" not in screen_text(app)


async def test_the_keys_panel_names_textuals_keys_in_japanese(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(settings=Settings(offline=True, lang="ja"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.action_show_help_panel()  # the palette's キーのヒント
        await settle(pilot)
        for focus in ("question", None):  # the chat's input, then the screen's own keys
            if focus is None:
                app.screen.set_focus(None)
                await settle(pilot)
            for active in app.screen.active_bindings.values():
                binding = active.binding
                for text in (binding.description, binding.tooltip, active.tooltip):
                    if text != ui_text("keys.language", "ja"):  # F8 names the other language
                        assert not text or JAPANESE.search(text), (focus, text)
                title = getattr(active.node, "BINDING_GROUP_TITLE", None)
                assert not title or JAPANESE.search(title), (focus, title)
        text = screen_text(app)
        for english in ("Move cursor", "Scroll", "Focus Next", "Input", "Open the command"):
            assert english not in text, (english, text)


async def test_the_header_icons_tooltip_is_in_japanese(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(settings=Settings(offline=True, lang="ja"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tooltip = app.screen.query_one(HeaderIcon).tooltip
        assert isinstance(tooltip, str) and JAPANESE.search(tooltip), tooltip
        await pilot.press("f8")  # to English: Textual's words back
        await settle(pilot)
        assert app.screen.query_one(HeaderIcon).tooltip == "Open the command palette"

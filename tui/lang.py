"""The app's display language: labels from knowledge/data/ui_labels.yaml in the app's language.

Screens and widgets call `t("section.name")`; the language is the running app's (`App.lang`),
so nothing passes it down by hand. Key-binding descriptions in code are names under `keys:`
in the YAML; `LocalScreen` and `LocalModal` show them in the app's language in the footer and
the command palette, and switch with it.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

from textual._context import active_app
from textual.binding import ActiveBinding
from textual.screen import ModalScreen, Screen

from knowledge.ui_labels import UiLang, error_in, load_ui_labels, ui_text
from tui.widgets.footer import fit

R = TypeVar("R")


def current_lang() -> UiLang:
    """The running app's language; English outside an app (a widget built in a unit test)."""
    try:
        lang = getattr(active_app.get(), "lang", "en")
    except LookupError:
        return "en"
    return "ja" if lang == "ja" else "en"


def t(key: str, /, **values: object) -> str:
    """The label `key` in the app's language, its {fields} filled from `values`."""
    return ui_text(key, current_lang(), **values)


def error_text(exc: BaseException) -> str:
    """An error's message in the app's language (a label's text, a broken rule base's problems)."""
    return error_in(exc, current_lang())


def key_label(description: str, lang: UiLang) -> str:
    """A binding's description (a name under `keys:`) in `lang`; other text is shown as is."""
    key = f"keys.{description}"
    return ui_text(key, lang) if load_ui_labels().has(key) else description


def _localised(screen: Screen[Any]) -> dict[str, ActiveBinding]:
    """The screen's bindings named in the app's language, fitted to the footer's width."""
    lang = current_lang()
    bindings = Screen.active_bindings.fget(screen)  # type: ignore[attr-defined]
    named = {
        key: active._replace(
            binding=dataclasses.replace(
                active.binding, description=key_label(active.binding.description, lang)
            )
        )
        for key, active in bindings.items()
    }
    return fit(named, screen.app, screen.size.width)


class LocalScreen(Screen[R]):
    """A screen whose footer names its keys in the app's language."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return _localised(self)

    async def relabel(self) -> None:
        """Show the screen's own texts in the app's (new) language; the footer follows itself."""


class LocalModal(ModalScreen[R]):
    """A dialog whose keys are named in the app's language."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return _localised(self)

    async def relabel(self) -> None:
        """Dialogs are short-lived: one opened after a switch is in the new language."""

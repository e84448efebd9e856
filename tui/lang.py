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

from knowledge.defaults import derived
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
    """A binding's description (a name under `keys:`, or Textual's own words) in `lang`."""
    key = f"keys.{description}"
    return ui_text(key, lang) if load_ui_labels().has(key) else textual_word(description, lang)


@derived  # built from ui_labels: cleared with a swapped rule base
def _textual_words() -> dict[str, str]:
    """Textual's English key names to their labels under `textual_keys:`."""
    labels = load_ui_labels()
    section = labels.root.get("textual_keys", {})
    return {label.en: f"textual_keys.{name}" for name, label in section.items()}


def textual_word(text: str, lang: UiLang) -> str:
    """One of Textual's own words (a key's name, a tooltip, a group title) in `lang`; text no
    label names, as it is."""
    key = _textual_words().get(text) if lang == "ja" else None
    return ui_text(key, lang) if key else text


def _group_titles(bindings: dict[str, ActiveBinding], lang: UiLang) -> None:
    """The keys panel heads a widget's keys with its class's BINDING_GROUP_TITLE ("Input"): the
    widget's own title in `lang` (an instance attribute, so each switch sets it again)."""
    for active in bindings.values():
        english = getattr(type(active.node), "BINDING_GROUP_TITLE", None)
        if english:
            active.node.BINDING_GROUP_TITLE = textual_word(english, lang)


def _localised(screen: Screen[Any]) -> dict[str, ActiveBinding]:
    """The screen's bindings named in the app's language, fitted to the footer's width."""
    lang = current_lang()
    bindings = Screen.active_bindings.fget(screen)  # type: ignore[attr-defined]
    _group_titles(bindings, lang)
    named = {
        key: active._replace(
            binding=dataclasses.replace(
                active.binding,
                description=key_label(active.binding.description, lang),
                tooltip=textual_word(active.binding.tooltip, lang),
            ),
            tooltip=textual_word(active.tooltip, lang),
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

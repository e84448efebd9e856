"""The language a plan is written in (`shirube assess` and `shirube plan show|export`), and
that of a command with no plan or profile to read (`--lang`, else SHIRUBE_LANG, else English).

`--lang ja|en` when given; else SHIRUBE_LANG when it names one; else the language of the
profile's own name and description (a profile written in Japanese gets a Japanese plan).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from core.profile import UseCaseProfile
    from knowledge.schema import Lang

PLAN_LANGS = ("ja", "en")
LANG_HELP = (
    "Plan language: ja (日本語) or en. Default: SHIRUBE_LANG, else the language the profile's "
    "name and description are written in."
)


def check_lang(option: str | None) -> Lang | None:
    """The --lang given, checked before any work (exit 2 naming the fix when it is neither)."""
    if option is None:
        return None
    value = option.strip().lower()
    if value not in PLAN_LANGS:
        from knowledge.ui_labels import LabelledError

        raise LabelledError("errors.unknown_lang", given=option)
    return cast("Lang", value)


def plan_lang(option: Lang | None, profile: UseCaseProfile) -> Lang:
    """The option, else SHIRUBE_LANG, else the profile's own language."""
    if option is not None:
        return option
    from agent.answer.lang import detect
    from core.config import get_settings

    setting = get_settings().lang
    if setting in PLAN_LANGS:
        return cast("Lang", setting)
    return detect(f"{profile.name} {profile.description or ''}")


def command_lang(option: str | None) -> Lang:
    """--lang, else SHIRUBE_LANG when it names a language, else English (no profile to read)."""
    from core.light_settings import light_settings  # not pydantic-settings: start-up paths

    return check_lang(option) or ("ja" if light_settings().lang == "ja" else "en")

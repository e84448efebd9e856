"""What the app remembers between runs (the display language), in tui.json in the data dir.

The language the app opens in: `shirube tui --lang`, else SHIRUBE_LANG (en or ja), else the one
last chosen with F8, else English.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from knowledge.ui_labels import UiLang

PREFS_FILE = "tui.json"


class TuiPrefs(BaseModel):
    model_config = ConfigDict(extra="ignore")  # a newer version's file still opens

    lang: UiLang | None = None


def load_prefs(data_dir: Path) -> TuiPrefs:
    """The saved preferences; defaults when the file is missing, unreadable or not valid."""
    try:
        return TuiPrefs.model_validate_json((data_dir / PREFS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError, ValidationError):
        return TuiPrefs()


def save_prefs(data_dir: Path, prefs: TuiPrefs) -> None:
    """Write the preferences (OSError when the data dir cannot be written)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / PREFS_FILE).write_text(prefs.model_dump_json(), encoding="utf-8")


def initial_lang(chosen: str | None, setting: str, prefs: TuiPrefs) -> UiLang:
    """`chosen` (--lang), else the setting when it names a language, else the saved one."""
    for lang in (chosen, setting, prefs.lang):
        if lang in ("en", "ja"):
            return lang  # type: ignore[return-value]
    return "en"

"""The fixed wording of the TUI and of the CLI's own labels, in English and Japanese.

The texts live in knowledge/data/ui_labels.yaml (section → name → {en, ja}); code names them
as "section.name". Both languages are required and must take the same {placeholders}, so a
label can never show in one language only or fail to format in the other.
"""

from __future__ import annotations

import string
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel, model_validator

UiLang = Literal["en", "ja"]
UI_LABELS_FILE = Path(__file__).parent / "data" / "ui_labels.yaml"


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


class UiText(BaseModel):
    """One label in both languages."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    en: str = Field(min_length=1)
    ja: str = Field(min_length=1)

    @model_validator(mode="after")
    def _same_placeholders(self) -> UiText:
        if placeholders(self.en) != placeholders(self.ja):
            raise ValueError(
                f"en takes {sorted(placeholders(self.en))} but ja takes "
                f"{sorted(placeholders(self.ja))}: both languages fill the same fields"
            )
        return self


class UiLabels(RootModel[dict[str, dict[str, UiText]]]):
    """Every label by section and name."""

    def get(self, key: str) -> UiText:
        section, _, name = key.partition(".")
        try:
            return self.root[section][name]
        except KeyError:
            raise KeyError(f"no UI label '{key}' in {UI_LABELS_FILE.name}") from None

    def has(self, key: str) -> bool:
        section, _, name = key.partition(".")
        return name in self.root.get(section, {})

    def keys(self) -> list[str]:
        return [f"{section}.{name}" for section, names in self.root.items() for name in names]


@cache
def load_ui_labels(path: Path = UI_LABELS_FILE) -> UiLabels:
    from knowledge.yaml_files import read_yaml  # not knowledge.loader: no rule-base schemas

    return UiLabels.model_validate(read_yaml(path))


def ui_text(key: str, lang: str = "en", /, **values: object) -> str:
    """The label `key` in `lang` ('ja', else English), with its {fields} filled from `values`."""
    label = load_ui_labels().get(key)
    text = label.ja if lang == "ja" else label.en
    return text.format(**values) if values else text

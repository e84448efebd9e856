"""knowledge/data/interview_text.yaml: what the interview says around its questions, per language.

`say("not_choice", "ja", raw="x")` is the one way the interview's prompts, hints and errors are
written, so a Japanese interview never falls back to an English sentence.
"""

from __future__ import annotations

import string
from functools import cache
from typing import Any

import yaml
from pydantic import RootModel, model_validator

from knowledge.loader import DATA_DIR
from knowledge.questions import Lang
from knowledge.schema import Strict

TEXT_FILE = DATA_DIR / "interview_text.yaml"


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


class Said(Strict):
    """One sentence in both languages; each may use any of the `{name}` fields the code passes
    (a Japanese sentence is written for its reader, not word for word)."""

    en: str
    ja: str

    @model_validator(mode="after")
    def _named_fields_only(self) -> Said:
        if any(not name.isidentifier() for name in _fields(self.en) | _fields(self.ja)):
            raise ValueError("fields must be named, e.g. {count}")
        return self


class InterviewText(RootModel[dict[str, Said]]):
    pass


@cache
def interview_text() -> dict[str, Said]:
    with TEXT_FILE.open(encoding="utf-8") as handle:
        return InterviewText.model_validate(yaml.safe_load(handle)).root


def say(key: str, lang: Lang, **fields: Any) -> str:
    """The sentence `key` in `lang`, its `{name}` fields filled (KeyError for an unknown key)."""
    said = interview_text()[key]
    return (said.ja if lang == "ja" else said.en).format(**fields)

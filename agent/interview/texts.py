"""What the interview says around its questions, per language: ui_labels.yaml `interview_text`.

`say("not_choice", "ja", raw="x")` is the one way the interview's prompts, hints and errors are
written, so a Japanese interview never falls back to an English sentence. The texts sit in the
one label table (knowledge/data/ui_labels.yaml), validated with the others: both languages,
the same {fields}.
"""

from __future__ import annotations

from typing import Any

from knowledge.questions import Lang
from knowledge.ui_labels import ui_text

SECTION = "interview_text"


def say(key: str, lang: Lang, **fields: Any) -> str:
    """The sentence `key` in `lang`, its `{name}` fields filled (KeyError for an unknown key)."""
    return ui_text(f"{SECTION}.{key}", lang, **fields)

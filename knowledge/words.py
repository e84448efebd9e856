"""words.yaml: words in their own right that pyspellchecker's English list lacks ('saas')."""

from __future__ import annotations

from functools import cache

from pydantic import BaseModel, ConfigDict, Field, field_validator

from knowledge.yaml_files import DATA_DIR, read_yaml

WORDS_FILE = DATA_DIR / "words.yaml"


class WordList(BaseModel):
    """Acronyms and terms of the trade people type in lower case; never corrected as typos."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    words: list[str] = Field(min_length=1)
    """Lower case, letters and digits only."""

    @field_validator("words")
    @classmethod
    def _lower_alphanumeric(cls, words: list[str]) -> list[str]:
        bad = [w for w in words if not (w.isascii() and w.isalnum() and w == w.lower())]
        if bad:
            raise ValueError(f"not lower-case letters and digits: {bad}")
        return words


@cache
def own_words() -> frozenset[str]:
    """The word list's words (read once)."""
    return frozenset(WordList.model_validate(read_yaml(WORDS_FILE)).words)

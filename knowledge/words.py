"""words.yaml: words in their own right that pyspellchecker's English list lacks ('saas')."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from knowledge.defaults import derived
from knowledge.yaml_files import DATA_DIR, read_yaml

WORDS_FILE = DATA_DIR / "words.yaml"


class WordList(BaseModel):
    """Acronyms and terms of the trade people type in lower case; never corrected as typos."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    words: list[str] = Field(min_length=1)
    """Lower case, letters and digits only."""
    shorthand: dict[str, str] = Field(default_factory=dict)
    """Chat shorthand ('r', 'govt') → the words it stands for."""

    @field_validator("words")
    @classmethod
    def _lower_alphanumeric(cls, words: list[str]) -> list[str]:
        bad = [w for w in words if not _plain(w)]
        if bad:
            raise ValueError(f"not lower-case letters and digits: {bad}")
        return words

    @field_validator("shorthand")
    @classmethod
    def _plain_keys(cls, shorthand: dict[str, str]) -> dict[str, str]:
        bad = [w for w in shorthand if not _plain(w)]
        if bad:
            raise ValueError(f"not lower-case letters and digits: {bad}")
        return shorthand


def _plain(word: str) -> bool:
    return word.isascii() and word.isalnum() and word == word.lower()


@derived  # a data file: cleared with the rule base
def word_list() -> WordList:
    """words.yaml, read once."""
    return WordList.model_validate(read_yaml(WORDS_FILE))


def own_words() -> frozenset[str]:
    """The word list's words."""
    return frozenset(word_list().words)


def shorthand() -> dict[str, str]:
    """Chat shorthand and what it stands for."""
    return word_list().shorthand

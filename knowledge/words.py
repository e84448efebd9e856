"""words.yaml: word lists the readers share: words pyspellchecker lacks ('saas'), chat shorthand,
month names, search stop words and Japanese lemmas that name no topic."""

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
    months: dict[str, list[str]]
    """English month names in calendar order → their short forms ('september': sept, sep)."""
    search_stopwords: list[str] = Field(default_factory=list)
    """Words too common to find a document by, beyond bm25s's English stop words."""
    empty_lemmas_ja: list[str] = Field(default_factory=list)
    """Japanese dictionary forms that never name a topic (為る, 事…)."""

    @field_validator("words")
    @classmethod
    def _lower_alphanumeric(cls, words: list[str]) -> list[str]:
        bad = [w for w in words if not _plain(w)]
        if bad:
            raise ValueError(f"not lower-case letters and digits: {bad}")
        return words

    @field_validator("months")
    @classmethod
    def _twelve_months(cls, months: dict[str, list[str]]) -> dict[str, list[str]]:
        if len(months) != 12:
            raise ValueError(f"{len(months)} months, not 12")
        bad = [w for name, short in months.items() for w in (name, *short) if not _plain(w)]
        if bad:
            raise ValueError(f"not lower-case letters and digits: {bad}")
        return months

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


def month_names() -> tuple[str, ...]:
    """'january' … 'december', in calendar order."""
    return tuple(word_list().months)


def month_spellings() -> tuple[str, ...]:
    """Every way words.yaml writes a month: the full names, then the short forms."""
    months = word_list().months
    return (*months, *(short for forms in months.values() for short in forms))


@derived
def search_stopwords() -> frozenset[str]:
    """Words left out of search beyond bm25s's English stop words."""
    return frozenset(word_list().search_stopwords)


@derived
def empty_lemmas_ja() -> frozenset[str]:
    """Japanese dictionary forms that never name a topic."""
    return frozenset(word_list().empty_lemmas_ja)

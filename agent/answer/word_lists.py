"""knowledge/data/reading_words.yaml, compiled: each word list fills the {words} of the pattern
that reads it, so the words are data and the structure (anchors, word boundaries) stays code."""

from __future__ import annotations

import re
from collections.abc import Callable

from knowledge.defaults import derived
from knowledge.loader import DATA_DIR, load_rule_base
from knowledge.schema.reading import ReadingWords

WORDS_FILE = DATA_DIR / "reading_words.yaml"  # the packaged one (RuleBase.data_file)


@derived
def reading_words() -> ReadingWords:
    return load_rule_base().document(WORDS_FILE.name, ReadingWords)


Words = Callable[[ReadingWords], list[str]]


@derived
def _compiled(words: Words, template: str, flags: int) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(word) for word in words(reading_words()))
    return re.compile(template.replace("{words}", alternatives), flags)


class WordPattern:
    """`template` with its `{words}` the list `words` picks from reading_words.yaml, compiled on
    first use (never at import: the data file is read through the rule base in use, and a
    swapped rule base compiles it again)."""

    def __init__(self, words: Words, template: str, flags: int = 0) -> None:
        self.words, self.template, self.flags = words, template, flags

    @property
    def compiled(self) -> re.Pattern[str]:
        return _compiled(self.words, self.template, self.flags)

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled.match(text, pos)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled.search(text, pos)

"""knowledge/data/reading_words.yaml, compiled: each word list fills the `{name}` of the pattern
that reads it, so the words are data and the structure (anchors, word boundaries) stays code."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from knowledge.defaults import derived
from knowledge.loader import DATA_DIR, load_rule_base
from knowledge.schema.reading import ReadingWords

WORDS_FILE = DATA_DIR / "reading_words.yaml"  # the packaged one (RuleBase.data_file)


@derived
def reading_words() -> ReadingWords:
    return load_rule_base().document(WORDS_FILE.name, ReadingWords)


Words = Callable[[ReadingWords], list[str]]
Lists = tuple[tuple[str, Words], ...]


@derived
def _compiled(lists: Lists, template: str, flags: int, each: str) -> re.Pattern[str]:
    pattern = template
    for name, words in lists:
        alternatives = "|".join(each.format(re.escape(word)) for word in words(reading_words()))
        pattern = pattern.replace("{" + name + "}", alternatives)
    return re.compile(pattern, flags)


class WordPattern:
    """`template` with its `{words}` the list `words` picks from reading_words.yaml (and each
    other `{name}` the list `lists[name]` picks), compiled on first use (never at import: the
    data file is read through the rule base in use, and a swapped rule base compiles it again).
    `each` is what each word stands in, '{}' the word ('(?<={})': a look-behind apiece)."""

    def __init__(
        self, words: Words, template: str, flags: int = 0, *, each: str = "{}", **lists: Words
    ) -> None:
        self.lists: Lists = (("words", words), *sorted(lists.items()))
        self.template, self.flags, self.each = template, flags, each

    @property
    def compiled(self) -> re.Pattern[str]:
        return _compiled(self.lists, self.template, self.flags, self.each)

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled.match(text, pos)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.compiled.search(text, pos)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text)

    def split(self, text: str) -> list[str]:
        return self.compiled.split(text)

"""Which dated events a question names ("published", "closed", "締め切られた"), best first.

Whole words are compared, not their first letters: 'public comment' is no 'publication'. A word
of the dated thing's own name names no event ('the draft code' is not 'draft opened…').
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from agent.answer.facet_rank import stem
from agent.answer.phrasebook import phrasebook
from knowledge.index.japanese import JAPANESE
from knowledge.schema import KeyDate

_WORD = re.compile(r"[a-z]+")
_NUMBER = re.compile(r"\d+(?:\.\d+)*")
_KANJI_PAIR = re.compile(r"(?=([\u4e00-\u9fff]{2}))")
MIN_PREFIX = 4  # a shorter group entry ('end', 'due') names only the word itself, not 'endorsed'


def _words(text: str) -> set[str]:
    """The words of `text` that can name an event: no function or common word, and a phrase
    read as its last word ('come into force' names coming into force, not coming out)."""
    ignored = phrasebook().ignored_stems
    text = phrasebook().event_phrases.sub(lambda m: m.group("event"), text.lower())
    return {w for w in _WORD.findall(text) if len(w) >= 3 and w[:5] not in ignored}


def _in(word: str, entry: str) -> bool:
    return word.startswith(entry) if len(entry) >= MIN_PREFIX else word == entry


def _groups(word: str) -> set[int]:
    """The event groups (phrasebook `event_words`) the word belongs to."""
    groups = phrasebook().event_groups
    return {n for n, group in enumerate(groups) if any(_in(word, e) for e in group)}


def _same(event_word: str, asked: Iterable[str]) -> bool:
    """The event's word is one the question uses, or names the same event as one of them."""
    mine = _groups(event_word)
    return any(stem(event_word) == stem(a) or bool(mine & _groups(a)) for a in asked)


def _kanji_pairs(text: str) -> set[str]:
    """Two-kanji words ('公布', '成立'): how a Japanese question names a dated event."""
    return {m.group(1) for m in _KANJI_PAIR.finditer(text)}


def asks_event(asked: str, names: str = "") -> bool:
    """Does the question name a dated event ('closed', 'established', '締め切られた'), whatever
    the dates held? The words of `names` (what it dates, what an earlier turn asked) name none."""
    own = {stem(w) for w in _words(names)}
    if any(_groups(w) for w in _words(asked) if stem(w) not in own):
        return True
    groups = phrasebook().book.event_words_ja if JAPANESE.search(asked) else []
    return any(w in asked and w not in names for group in groups for w in group)


# The given clauses of phrasebook `given` that a question goes on to ask past ('Since…, when…?',
# '…, so when…?', '…ので、いつ…'); a tag ('…, right?') asks the claim itself.
_GIVEN_CLAUSES = ("since", "so", "ja")


def asked_clause(text: str) -> str:
    """The clause a question asks, less one it states as given first ('The Act was promulgated
    in June 2025, so when did the Headquarters start?' asks only when the Headquarters started);
    the whole text when it states none or asks nothing after it."""
    given = phrasebook().given.search(text)
    if given is None:
        return text
    end = max((given.end(g) for g in _GIVEN_CLAUSES if given.group(g)), default=0)
    rest = text[end:]
    return rest if _words(rest) or _kanji_pairs(rest) else text


def named_events(dates: list[KeyDate], asked: str, names: str = "") -> list[KeyDate]:
    """The dated events the question names, best first: a number it gives ("version 1.2"), then
    the most words for the same event ("adopted" for "decided by…", "deadline" for "closed"); in
    the file's order otherwise. None when it names no event. `names`: the names of what the
    question dates, whose words name no event."""
    book = phrasebook()
    own = {stem(w) for w in _words(names)}
    said = {w for w in _words(asked) if stem(w) not in own}
    numbers = set(_NUMBER.findall(asked))  # a version asked of ('1.2') though a name holds it
    japanese = book.event_words_ja(asked) if JAPANESE.search(asked) else set()

    def score(d: KeyDate) -> tuple[int, int]:
        shared = sum(_same(w, said) for w in _words(d.event))
        shared += len(_kanji_pairs(d.event_ja or "") & _kanji_pairs(asked))
        shared += sum(word in (d.event_ja or "") for word in japanese)
        return len(set(_NUMBER.findall(d.event)) & numbers), shared

    scored = [(score(d), n, d) for n, d in enumerate(dates)]
    named = [(s, n, d) for s, n, d in scored if s != (0, 0)]
    # A number the question gives ("version 1.2") names that event alone.
    if any(s[0] for s, _, _ in named):
        named = [(s, n, d) for s, n, d in named if s[0] == max(x[0][0] for x in named)]
    return [d for _, _, d in sorted(named, key=lambda x: (-x[0][0], -x[0][1], x[1]))]

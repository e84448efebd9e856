"""Names spelt out exactly in a question, found by looking its words up.

The same matches as one regular expression of every alias (Latin names longest first, then the
others longest first; a determiner allowed between two words of a Latin name; leftmost match
first, none overlapping), without compiling ~1,500 names into a pattern at the first question.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

# What a Latin name may not run into on either side ('ai' is no name inside 'aisi').
_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def _boundary(norm: str, at: int) -> bool:
    """No Latin letter or digit at `at`: a Latin name may end just before it."""
    return at == len(norm) or norm[at] not in _ALNUM


class ExactNames:
    """Spans of a normalised text that spell an alias, in order of their position."""

    def __init__(
        self, latin: Sequence[str], other: Sequence[str], *, determiners: Collection[str]
    ) -> None:
        """`latin`: the ASCII aliases, `other` the rest, each in the order they are preferred at
        one position (longest first); `determiners` may stand between two words of a Latin name
        and change nothing it names ('tell the candidates' is 'tell candidates')."""
        self._determiners = frozenset(determiners)
        # First word → (rank, words) of every Latin alias starting with it, in rank order.
        self._latin: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        for rank, alias in enumerate(latin):
            words = tuple(alias.split(" "))
            self._latin.setdefault(words[0], []).append((rank, words))
        self._longest_word = max(map(len, self._latin), default=0)
        # First character → the lengths of the other aliases starting with it, longest first.
        self._other = frozenset(other)
        lengths: dict[str, set[int]] = {}
        for alias in other:
            lengths.setdefault(alias[0], set()).add(len(alias))
        self._lengths = {c: sorted(ls, reverse=True) for c, ls in lengths.items()}

    def find(self, norm: str) -> list[tuple[int, int]]:
        """(start, end) of each name in `norm`, leftmost first; at one position the alias
        preferred first wins, and the search goes on after its end."""
        spans: list[tuple[int, int]] = []
        at = 0
        while at < len(norm):
            end = self._latin_at(norm, at)
            if end is None:
                end = self._other_at(norm, at)
            if end is None:
                at += 1
            else:
                spans.append((at, end))
                at = end
        return spans

    def _latin_at(self, norm: str, at: int) -> int | None:
        if at and norm[at - 1] in _ALNUM:
            return None
        candidates: list[tuple[int, tuple[str, ...]]] = []
        for stop in range(at + 1, min(len(norm), at + self._longest_word) + 1):
            if not norm[stop - 1].isascii():
                break  # a Latin word holds no other letter
            if _boundary(norm, stop):  # a word ends before a space or a boundary
                candidates += self._latin.get(norm[at:stop], ())
        for _, words in sorted(candidates):
            end = self._rest(norm, at + len(words[0]), words[1:])
            if end is not None:
                return end
        return None

    def _rest(self, norm: str, at: int, words: Sequence[str]) -> int | None:
        """Where `words` end when they follow at `at`, each after one space and perhaps a
        determiner (tried first, as the pattern's optional group is), the last on a boundary;
        None if not."""
        if not words:
            return at if _boundary(norm, at) else None
        if not norm.startswith(" ", at):
            return None
        space = norm.find(" ", at + 1)
        determiner = space != -1 and norm[at + 1 : space] in self._determiners
        if determiner and norm.startswith(words[0], space + 1):
            end = self._rest(norm, space + 1 + len(words[0]), words[1:])
            if end is not None:
                return end
        if norm.startswith(words[0], at + 1):
            return self._rest(norm, at + 1 + len(words[0]), words[1:])
        return None

    def _other_at(self, norm: str, at: int) -> int | None:
        for length in self._lengths.get(norm[at], ()):
            if at + length <= len(norm) and norm[at : at + length] in self._other:
                return at + length
        return None

"""Exact names by word lookup: the same spans one alternation of every alias would find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from agent.answer.exact_names import ExactNames

# The words ExactNames is handed (reading_words.yaml `determiners` in the engine).
DETERMINERS = frozenset(("the", "a", "an", "our", "your", "their", "its", "my", "any"))

LATIN = sorted(
    [
        "ai act",
        "eu ai act",
        "japan's ai act",
        "ai",
        "act on the protection of personal information",
        "chief ai officer",
        "article 30(4)",
        "the courts",
        "ai act of the eu",
    ],
    key=len,
    reverse=True,
)
OTHER = sorted(
    ["ai推進法", "推進法", "個人情報", "個人情報保護法", "eu ai法"], key=len, reverse=True
)


def _find(text: str) -> list[str]:
    return [text[s:e] for s, e in ExactNames(LATIN, OTHER, determiners=DETERMINERS).find(text)]


def _reference(latin: list[str], other: list[str]) -> re.Pattern[str]:
    """The pattern the lookup stands for: Latin names on word boundaries, a determiner allowed
    between two words, then the other names, each list longest first."""
    det = "|".join(sorted(DETERMINERS))
    latin_pieces = [
        r"(?<![a-z0-9])" + rf" (?:(?:{det}) )?".join(map(re.escape, a.split(" "))) + r"(?![a-z0-9])"
        for a in latin
    ]
    return re.compile("|".join([*latin_pieces, *map(re.escape, other)]))


def test_the_longest_name_at_a_position_wins() -> None:
    assert _find("is japan's ai act like the eu ai act?") == ["japan's ai act", "eu ai act"]
    assert _find("個人情報保護法の対象") == ["個人情報保護法"]


def test_a_determiner_inside_a_name_is_allowed_once_between_two_words() -> None:
    assert _find("does the eu ai act apply") == ["eu ai act"]
    assert _find("our chief the ai officer") == ["chief the ai officer"]
    assert _find("chief the the ai officer") == ["ai"]  # two determiners break the name
    assert _find("act on the protection of the personal information") == [
        "act on the protection of the personal information"
    ]
    assert _find("act on protection of personal information") == []  # its own 'the' is a word


def test_latin_names_need_word_boundaries_and_exact_spelling() -> None:
    assert _find("aisi and maid") == []
    assert _find("the ai-act") == ["ai"]  # a hyphen is not the space of the name
    assert _find("ai acts") == ["ai"]
    assert _find("chief ai oficer") == ["ai"]  # typos are the fuzzy matcher's, not this
    assert _find("(ai act)") == ["ai act"]
    assert _find("article 30(4) applies") == ["article 30(4)"]


def test_japanese_names_match_anywhere_and_a_latin_name_comes_first() -> None:
    assert _find("米国のai推進法") == ["ai", "推進法"]  # Latin names are tried first, as before
    assert _find("eu ai法とは") == ["eu ai法"]
    assert _find("推進法推進法") == ["推進法", "推進法"]
    assert _find("推進") == []
    # A longer name cut short by the end of the text is the shorter name, ending there.
    assert ExactNames(LATIN, OTHER, determiners=DETERMINERS).find("の個人情報") == [(1, 5)]


# Names whole, with a determiner between two words, cut short, and loose words around them.
_words = st.sampled_from(
    [
        *LATIN,
        *OTHER,
        *(" ".join([a.split(" ")[0], d, *a.split(" ")[1:]]) for a in LATIN for d in ("the", "an")),
        *(a[: len(a) // 2] for a in (*LATIN, *OTHER)),
        *DETERMINERS,
        *("?", "(", "x", "s", "of", "法", "の"),
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_words, max_size=10), st.lists(st.sampled_from(["", " ", "  "]), max_size=10))
def test_spans_are_those_of_the_alternation_it_replaces(words: list[str], gaps: list[str]) -> None:
    text = "".join(w + (gaps[i] if i < len(gaps) else " ") for i, w in enumerate(words))
    expected = [(m.start(), m.end()) for m in _reference(LATIN, OTHER).finditer(text)]
    assert ExactNames(LATIN, OTHER, determiners=DETERMINERS).find(text) == expected

"""A regex program kept between processes compiles to the pattern re.compile makes."""

from __future__ import annotations

import pickle
import re
from dataclasses import replace

import pytest

from core.regex_program import Program, compiled, program
from knowledge.hints import hints

PATTERNS = [
    (r"\b(?:hire|hiring|recruit\w*)\b", re.IGNORECASE),
    (r"(?P<who>we|our (?:clinic|company))\s+(?:use|plan)", re.IGNORECASE),
    (r"(?<![a-z])ai(?!\w)|生成\s?ai|人工知能", re.IGNORECASE),
    (r"^(?:is|are) it (?:legal|ok)\b.*\?$", re.MULTILINE),
    (r"第\d+条(?:の\d+)?", 0),
    (r"(a)(b)?(?(2)c|d)", 0),
]
TEXTS = [
    "We plan to use AI for hiring in our clinic.",
    "our company use generative ai?",
    "is it legal to scrape images?",
    "生成AIで採用面接を評価します。第30条の4は？",
    "RECRUITING with an AIの tool",
    "abd abc ad",
]


def _same(made: re.Pattern[str], expected: re.Pattern[str]) -> None:
    assert (made.pattern, made.flags, made.groups, made.groupindex) == (
        expected.pattern,
        expected.flags,
        expected.groups,
        expected.groupindex,
    )
    for text in TEXTS:
        assert [m.groups() for m in made.finditer(text)] == [
            m.groups() for m in expected.finditer(text)
        ]
        assert [m.span() for m in made.finditer(text)] == [
            m.span() for m in expected.finditer(text)
        ]


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_a_program_compiles_to_what_re_compile_makes(pattern: str, flags: int) -> None:
    prog = pickle.loads(pickle.dumps(program(pattern, flags)))  # as the cache stores it
    assert prog.code is not None
    _same(compiled(prog), re.compile(pattern, flags))


def test_every_hint_pattern_compiles_the_same_from_its_program() -> None:
    for pattern in hints().patterns():
        prog = pickle.loads(pickle.dumps(program(pattern, re.IGNORECASE)))
        _same(compiled(prog), re.compile(pattern, re.IGNORECASE))


def test_another_interpreters_program_is_compiled_again() -> None:
    prog = replace(program(r"hir(?:e|ing)", re.IGNORECASE), interpreter="cpython 3.99", code=(1,))
    _same(compiled(prog), re.compile(r"hir(?:e|ing)", re.IGNORECASE))


def test_a_damaged_program_is_compiled_again_not_run() -> None:
    prog = program(r"hir(?:e|ing)", re.IGNORECASE)
    damaged = replace(prog, code=prog.code[:3] if prog.code else (1, 2, 3))
    _same(compiled(damaged), re.compile(r"hir(?:e|ing)", re.IGNORECASE))


def test_a_bad_pattern_raises_re_error() -> None:
    with pytest.raises(re.error):
        program(r"(unclosed")


def test_a_program_is_plain_data() -> None:
    prog = program(r"a|b", re.IGNORECASE)
    assert isinstance(prog, Program)
    assert type(prog.flags) is int
    assert all(type(op) is int for op in prog.code or ())


def test_a_pattern_is_compiled_once_per_process() -> None:
    """Each validation of a hint file (every `kb check`) reads the same ~110 patterns."""
    pattern = r"\b(?:kept|once)\b"
    assert program(pattern, re.IGNORECASE) is program(pattern, re.IGNORECASE)
    with pytest.raises(re.error):  # an error is raised each time, never kept
        program(r"(unclosed again")
    with pytest.raises(re.error):
        program(r"(unclosed again")

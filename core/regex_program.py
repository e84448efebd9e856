"""Regular expressions whose compiled form can be kept between processes.

`re.compile` parses a pattern and writes its matcher program in Python: for the use-case hints'
word-list alternations (~70 kB) that is ~0.2 s of every cold start. The program is a list of
integers that `_sre.compile` (what `re.compile` itself ends with) turns into the same Pattern in
microseconds, so a `Program` keeps it and a cache can store it (knowledge.validated_cache). A
program is bound to the interpreter that wrote it; another one, or anything unexpected,
compiles the pattern again with `re.compile`.
"""

from __future__ import annotations

import functools
import importlib
import re
import sys
from dataclasses import dataclass
from typing import Any

try:  # CPython's own steps of re.compile (3.11+), untyped: private modules
    _sre: Any = importlib.import_module("_sre")
    _parser: Any = importlib.import_module("re._parser")
    _compiler: Any = importlib.import_module("re._compiler")
except ImportError:  # pragma: no cover - another interpreter: plain re.compile
    _sre = None

# Who may run a program: the interpreter's version and the matcher's own version number.
INTERPRETER = f"{sys.implementation.name} {sys.version} sre {getattr(_sre, 'MAGIC', None)}"


@dataclass(frozen=True)
class Program:
    """A compiled pattern as plain data (picklable), and the interpreter it was written for."""

    pattern: str
    flags: int
    code: tuple[int, ...] | None  # None: compile with re.compile
    groups: int = 0
    groupindex: tuple[tuple[str, int], ...] = ()
    interpreter: str = INTERPRETER


@functools.lru_cache(maxsize=256)
def program(pattern: str, flags: int = 0) -> Program:
    """`pattern` compiled as `re.compile(pattern, flags)` compiles it; raises re.error.

    Kept per process (a Program is immutable): every validation of a hint file (each `kb check`,
    an edited copy of the file) compiles its ~110 patterns, ~0.35 s, and most are the same."""
    flags = int(flags)  # as re.compile does: a RegexFlag makes each test of it an enum operation
    if _sre is None:  # pragma: no cover
        re.compile(pattern, flags)
        return Program(pattern, flags, None)
    parsed = _parser.parse(pattern, flags)
    code = tuple(int(op) for op in _compiler._code(parsed, flags))
    groupindex = tuple((name, int(i)) for name, i in parsed.state.groupdict.items())
    return Program(pattern, int(flags | parsed.state.flags), code, parsed.state.groups, groupindex)


def compiled(prog: Program) -> re.Pattern[str]:
    """The Pattern `prog` describes: equal to `re.compile(prog.pattern, flags)`."""
    if prog.code is not None and prog.interpreter == INTERPRETER and _sre is not None:
        indexgroup: list[str | None] = [None] * prog.groups
        for name, i in prog.groupindex:
            indexgroup[i] = name
        try:
            pattern: re.Pattern[str] = _sre.compile(
                prog.pattern,
                prog.flags,
                list(prog.code),
                prog.groups - 1,
                dict(prog.groupindex),
                tuple(indexgroup),
            )
            return pattern
        except (RuntimeError, TypeError, ValueError, IndexError):
            pass  # a program _sre does not accept: compile the pattern again
    return re.compile(prog.pattern, prog.flags)

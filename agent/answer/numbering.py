"""How citations are numbered: [1] is the first instrument an answer cites, and every surface
(terminal, TUI, Markdown, JSON, MCP) shows the same numbers as the answer's [n] marks."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

FIRST = 1


class Cited(Protocol):
    @property
    def heading(self) -> str: ...

    @property
    def url(self) -> str: ...


C = TypeVar("C")


def numbered(citations: Iterable[C]) -> list[tuple[int, C]]:
    """Each citation with the number its [n] mark carries in the answer."""
    return list(enumerate(citations, FIRST))


def source_line(number: int, cite: Cited) -> str:
    """'[1] Title, Art. 13 (legal force)' and the URL below it: the terminal's source line."""
    return f"[{number}] {cite.heading}\n    {cite.url}"

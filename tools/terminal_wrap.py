"""Line breaking for Japanese and mixed text in the terminal: by display width (a CJK character is
two cells), between any two Japanese characters, never inside a Latin word, an article citation
(第30条の4) or a name a Latin word starts (AI推進法), and with kinsoku (no line starts with 、。）
and none ends with （「).

Rich breaks lines only at spaces, so a Japanese run (it has none) next to a Latin word moves whole
to the next line and leaves ragged lines. `WrapText` (and tools.terminal_markdown's `WrapMarkdown`)
are Rich's own Text (and Markdown), wrapping with these break points; everything else (styles,
justify, fold) is Rich's. No Markdown here: a table of short cells loads no markdown parser.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rich.cells import cell_len, chop_cells
from rich.containers import Lines
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, JustifyMethod, OverflowMethod, RenderResult

# Kana, CJK ideographs, CJK punctuation and the full-width forms: one break opportunity each.
_CJK = "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_NUMBER = "0-9０-９一二三四五六七八九十百千"
_UNIT = re.compile(
    rf"""
      https?://[!-~]+                                     # a URL, whole (folded when too long)
    | 第[{_NUMBER}]+[条項号章節款編]                       # an article citation: 第30条の4第1項
      (?:の[{_NUMBER}]+)*(?:第[{_NUMBER}]+[項号])*
    | [A-Za-z][^\s{_CJK}]*                                # a Latin word, with the kanji or
      (?:(?!第[{_NUMBER}])[\u30a0-\u30ff\u4e00-\u9fff々]){{0,12}}  # katakana it starts: AI推進法
    | [^\s{_CJK}]+[\u4e00-\u9fff]?                         # a number with its unit: 2026年
    | [{_CJK}]                                            # one Japanese character
    | \s+
    | .
    """,
    re.VERBOSE,
)
# Kinsoku: what may not start a line (it joins the unit before) or end one (it joins the next).
_NO_START = frozenset(
    "、。，．,.）)」』】〕〉》]｝!！?？:：;；・ー～…‥%％ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々"
)
_NO_END = frozenset("（(「『【〔〈《[｛")


def break_units(text: str) -> list[tuple[int, int]]:
    """(start, end) of each piece no line break may cut; trailing whitespace belongs to it."""
    units: list[list[int]] = []
    for match in _UNIT.finditer(text):
        start, end = match.span()
        piece = match.group()
        if units:
            before = text[units[-1][0] : units[-1][1]]
            if piece.isspace() or (
                not before[-1:].isspace() and (piece[0] in _NO_START or before[-1] in _NO_END)
            ):
                units[-1][1] = end
                continue
            if before.isspace() and len(units) == 1:  # leading indent stays with the first word
                units[-1][1] = end
                continue
        units.append([start, end])
    return [(start, end) for start, end in units]


def break_offsets(text: str, width: int, fold: bool = True) -> list[int]:
    """Where to break `text` so each line fits `width` cells: rich's divide_line, by units."""
    offsets: list[int] = []
    offset = 0
    for start, end in break_units(text):
        unit = text[start:end]
        length = cell_len(unit.rstrip())
        if width - offset >= length:
            offset += cell_len(unit)
        elif length > width:
            if not fold:
                if start:
                    offsets.append(start)
                offset = cell_len(unit)
                continue
            for last, piece in _last(chop_cells(unit, width)):
                if start:
                    offsets.append(start)
                if last:
                    offset = cell_len(piece)
                else:
                    start += len(piece)
        elif offset and start:
            offsets.append(start)
            offset = cell_len(unit)
    return offsets


def _last(pieces: list[str]) -> list[tuple[bool, str]]:
    return [(n == len(pieces) - 1, piece) for n, piece in enumerate(pieces)]


class _Wrapping(Text):
    """A rich Text that breaks lines as Japanese allows (see the module docstring)."""

    def wrap(
        self,
        console: Console,
        width: int,
        *,
        justify: JustifyMethod | None = None,
        overflow: OverflowMethod | None = None,
        tab_size: int = 8,
        no_wrap: bool | None = None,
    ) -> Lines:
        if no_wrap or self.no_wrap or overflow == "ignore":
            return super().wrap(
                console, width, justify=justify, overflow=overflow, tab_size=tab_size, no_wrap=True
            )
        wrap_justify = justify or self.justify or "default"
        wrap_overflow = overflow or self.overflow or "fold"
        lines = Lines()
        for line in self.split(allow_blank=True):
            if "\t" in line:
                line.expand_tabs(tab_size)
            new_lines = line.divide(break_offsets(line.plain, width, wrap_overflow == "fold"))
            for part in new_lines:
                part.rstrip_end(width)
            if wrap_justify:
                new_lines.justify(console, width, justify=wrap_justify, overflow=wrap_overflow)
            for part in new_lines:
                part.truncate(width, overflow=wrap_overflow)
            lines.extend(new_lines)
        return lines


def as_wrapping(text: Text) -> Text:
    """`text` (its styles, justify and overflow too) as a Text that wraps as Japanese allows."""
    return _Wrapping(
        text.plain,
        style=text.style,
        justify=text.justify,
        overflow=text.overflow,
        no_wrap=text.no_wrap,
        end=text.end,
        tab_size=text.tab_size,
        spans=list(text.spans),
    )


class WrapText:
    """A text to print that wraps as Japanese allows: a renderable, not a Text, because
    Console.print joins the Texts it is given into a plain Text first."""

    def __init__(self, text: str | Text) -> None:
        self.text = Text(text) if isinstance(text, str) else text

    @property
    def plain(self) -> str:
        return self.text.plain

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield as_wrapping(self.text)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        """At least its widest unbreakable piece (Rich's Text counts a Japanese run whole)."""
        plain = self.text.plain
        widest = max(
            (
                cell_len(line[a:b].rstrip())
                for line in plain.split("\n")
                for a, b in break_units(line)
            ),
            default=0,
        )
        longest = max((cell_len(line) for line in plain.split("\n")), default=0)
        return Measurement(widest, longest).with_maximum(options.max_width)


def hanging(lead: Text, body: WrapText) -> Table:
    """`lead` then `body`, the body's later lines indented under its first (a grid of two)."""
    grid = Table.grid()
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")  # a path or URL longer than the line: folded, never cut
    grid.add_row(lead, body)
    return grid


def wrapped(markup: str) -> WrapText:
    """A rich markup string to print wrapped (escape untrusted parts with terminal_text.markup)."""
    return WrapText(Text.from_markup(markup))

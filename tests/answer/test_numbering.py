"""One citation numbering: the [n] marks in an answer and every source list agree."""

from __future__ import annotations

import re

from agent.answer.citations import Citations
from agent.answer.markdown import sources_markdown
from agent.answer.numbering import numbered, source_line
from knowledge.schema import Citation
from tests.fixtures import fixture_rule_base


def test_marks_and_source_lists_share_the_numbers() -> None:
    cites = Citations(fixture_rule_base())
    first = cites.marks([Citation(source="aigfb", section="Part 2")], "x")
    both = cites.marks([Citation(source="appi"), Citation(source="aigfb")], "y")
    assert (first, both) == ("[1]", "[1][2]")
    items = cites.items()
    assert [(n, c.id) for n, c in numbered(items)] == [(1, "aigfb"), (2, "appi")]
    assert source_line(2, items[1]).startswith(f"[2] {items[1].heading}\n    https://")
    listed = re.findall(r"^(\d+)\. ", sources_markdown(items), re.MULTILINE)
    assert listed == ["1", "2"]

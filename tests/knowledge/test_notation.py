"""One set of 第N条 rules: answers, plans and the TUI write a Japanese section the same way."""

from __future__ import annotations

import pytest

from agent.answer.lang import section_text
from knowledge.notation import section_ja
from knowledge.schema import Citation
from tools.render.common import cite

CASES = [
    ("Art. 7", "第7条"),
    ("Art. 30-4", "第30条の4"),
    ("Arts. 19–28 (Ch. IV)", "第19条～第28条（第4章）"),
    ("Parts 3–5 (developer, provider, business user)", "第3部～第5部"),
    ("Part 2 C", "第2部C"),
    ("Appendix 7B", "別添7B"),
    ("Ch. V (public bodies)", "第5章（公的機関）"),
    ("Action 7", "行動7"),
]


@pytest.mark.parametrize(("english", "japanese"), CASES)
def test_answers_and_plans_write_the_same_japanese_section(english: str, japanese: str) -> None:
    assert section_ja(english) == japanese
    assert section_text(english, "ja") == japanese
    assert cite(Citation(source="aigfb", section=english), "ja").endswith(japanese)

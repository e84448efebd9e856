"""Issues 15 and 18: Japanese questions as Japanese users type them are read for what they ask:
full-width question marks between parts, the question word at the end, abbreviations, polite
and plain forms of a false belief, negative questions, elliptical follow-ups."""

from __future__ import annotations

import pytest

from agent.answer.understand import understand


def _facets(question: str) -> list[str]:
    return [p.facet.value for p in understand(question).parts]


def test_a_full_width_question_mark_ends_a_part() -> None:
    # NFKC turns ？ into ?, with no space after it in Japanese text.
    assert _facets("AI推進法に拘束力はありますか？罰則はどうなっていますか？") == [
        "legal_force",
        "penalty",
    ]


@pytest.mark.parametrize(
    ("question", "facet"),
    [
        ("個人情報保護法を執行しているのはどこ？", "who"),  # 執行 is a topic; どこ asks
        ("罰則を決めたのは誰ですか", "who"),
        ("AI推進法の義務に違反したら罰則はありますか", "penalty"),
    ],
)
def test_the_japanese_question_word_at_the_end_decides_the_facet(question: str, facet: str) -> None:
    assert _facets(question) == [facet]

"""A chat answer's citation line: the legal force in the answer's language."""

from __future__ import annotations

from agent.state import AnswerCitation
from knowledge.loader import load_rule_base
from tui.widgets.answer import CitationItem


def test_a_japanese_citation_names_its_legal_force_in_japanese() -> None:
    act = load_rule_base().sources["ai_promotion_act"]
    japanese = str(CitationItem(AnswerCitation.from_source(act, "Art. 7", "x", "ja"), 1).content)
    assert japanese.endswith("第7条（拘束力のある法律（罰則なし））"), japanese
    english = str(CitationItem(AnswerCitation.from_source(act, "Art. 7", "x"), 1).content)
    assert english.endswith("Art. 7  (binding statute without penalties)"), english

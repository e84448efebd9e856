"""A licence to mine text and data is one the holders of the works grant, so a question about it
is answered from the Copyright Act (Art. 30-4), not by the 'no state AI licence' correction, and
a use-case layer on copyright is cited by the Act and its explanations, not by a separate code
(issue 15)."""

from __future__ import annotations

import pytest

from agent.answer.reader import default_reader
from agent.answer.understand import read_part


@pytest.mark.parametrize(
    "question",
    [
        "Is a TDM licence required to train AI on copyrighted works under Japanese law?",
        "can you do text and data mining for AI training in japan without a licence from the "
        "rights holders?",
        "AIの学習のためにテキストマイニングをするとき、権利者のライセンスは必要ですか？",
    ],
)
def test_a_tdm_licence_is_answered_from_article_30_4(offline, question: str) -> None:  # type: ignore[no-untyped-def]
    answer = offline(question)
    cited = [c.id for c in answer.citations]
    assert answer.route == "lookup", answer.answer
    assert "copyright_act" in cited and "ip_principle_code" not in cited, cited
    assert "30-4" in answer.answer or "30条の4" in answer.answer, answer.answer


def test_a_licence_in_another_sense_names_no_state_licence() -> None:
    reader = default_reader()
    part = read_part("Is a TDM licence required to train AI on copyrighted works?", reader)
    assert "licence" not in part.entities and "copyright_art30_4" in part.entities, part
    part = read_part("Do we need a licence to deploy AI in Japan?", reader)
    assert "licence" in part.entities, part


def test_a_copyright_layer_is_not_cited_by_a_separate_code(offline) -> None:  # type: ignore[no-untyped-def]
    answer = offline(
        "We're a drug maker planning to train a language model on research papers; one publisher "
        "sells us a text and data mining licence for its journals. What should we look at under "
        "Japanese law?"
    )
    cited = [c.id for c in answer.citations]
    assert "copyright_act" in cited and "ip_principle_code" not in cited, cited

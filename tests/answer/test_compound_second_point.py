"""A compound question's second part keeps its own point: asking whether breaking a law is a
crime asks its penalties, not what the first part asked."""

from __future__ import annotations

from agent.answer.phrasebook import phrasebook
from agent.answer.reader import default_reader
from agent.answer.understand import split_parts, understand
from knowledge.index.japanese import spaced
from knowledge.schema import Facet


def test_asking_whether_breaking_a_law_is_a_crime_asks_its_penalties() -> None:
    book = phrasebook()
    assert book.facet_of("can infringement be a crime?") == Facet.penalty
    assert book.facet_of("is leaking the data a criminal offence?") == Facet.penalty
    assert book.facet_of(spaced("著作権侵害に刑事罰はある")) == Facet.penalty
    assert book.facet_of(spaced("侵害は犯罪になる")) == Facet.penalty
    # The criminal law named as a statute is no penalty question of itself.
    assert book.facet_of("what does the criminal law say about deepfakes?") != Facet.penalty


def test_a_second_part_asking_about_a_crime_is_read_on_the_penalty_facet() -> None:
    query = understand(
        "Who rules on whether AI images infringe copyright, and is infringing a crime?",
        default_reader(),
    )
    assert [p.facet for p in query.parts] == [Facet.who, Facet.penalty]


def test_a_japanese_ask_closed_by_a_question_mark_is_a_part_of_its_own() -> None:
    # No question word or ending marks '何を許してる' as asking: its question mark does, so it
    # is not context folded into the next part.
    parts = split_parts("著作権法30条の4はAI学習で何を許してる?それと著作権侵害に刑事罰はある?")
    assert len(parts) == 2
    assert parts[0].startswith("著作権法30条の4")
    assert "刑事罰" in parts[1] and "30条の4" not in parts[1]
    # A piece already asking keeps its own text.
    joined = split_parts("AI推進法の16条で国は事業者に何ができますか?指導とか?")
    assert "ますか?" not in joined[0]


def test_a_later_part_naming_a_document_by_its_kind_is_asked_of_that_document() -> None:
    # 'the guideline' is the MHLW guideline, not the PMD Act the first part also named.
    query = understand(
        "What does the MHLW guideline weigh to decide if an app is a medical device, and is the "
        "guideline itself binding?",
        default_reader(),
    )
    assert query.parts[1].facet == Facet.legal_force
    assert query.parts[1].entities == ["mhlw_samd_guideline"]


def test_asking_whether_a_body_may_issue_an_order_asks_its_enforcement_powers() -> None:
    book = phrasebook()
    assert book.facet_of("can the government issue a similar order under the Act?") == (
        Facet.penalty
    )
    assert book.facet_of("could ministries issue the same kind of order?") == Facet.penalty
    # 'in order to' is no order.
    assert book.facet_of("does the ministry issue guidance in order to help?") != Facet.penalty

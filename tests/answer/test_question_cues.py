"""How a question's own words pick its facet, its parts and the dated event it names."""

from __future__ import annotations

import datetime as dt

import pytest

from agent.answer.phrasebook import phrasebook
from agent.answer.select import named_events
from agent.answer.understand import split_parts
from knowledge.schema import Facet, KeyDate


def _dates(*events: str) -> list[KeyDate]:
    return [KeyDate(event=e, date=dt.date(2025, 1, n)) for n, e in enumerate(events, 1)]


def test_the_cue_nearest_the_start_names_the_facet() -> None:
    book = phrasebook()
    assert book.facet_of("Which authority enforces the APPI for AI?") == Facet.who
    assert book.facet_of("What penalties does the APPI enforce?") == Facet.penalty


def test_a_question_word_after_a_preposition_starts_a_new_part() -> None:
    parts = split_parts("Which body adopted the Article 13 guideline, and on what date?")
    assert parts == ["Which body adopted the Article 13 guideline", "on what date?"]


def test_a_number_in_the_question_names_its_event() -> None:
    dates = _dates("version 1.0 published", "version 1.1 published", "version 1.2 published")
    assert named_events(dates, "When did version 1.2 come out?")[0].event.endswith("1.2 published")


def test_a_word_for_the_same_event_names_it() -> None:
    dates = _dates("public comment opened", "decided by the AI Strategic Headquarters")
    assert [d.event for d in named_events(dates, "When was it adopted?")] == [
        "decided by the AI Strategic Headquarters"
    ]
    assert named_events(dates, "Tell me the dates") == []


def test_a_part_that_inherits_its_subject_reads_the_event_from_the_part_before() -> None:
    from agent.answer.understand import understand

    query = understand("Which body adopted the Article 13 guideline, and on what date?")
    assert [p.facet for p in query.parts] == [Facet.who, Facet.when]
    assert query.parts[1].context == "Which body adopted the Article 13 guideline"


def test_a_part_that_refers_back_adds_the_subject_before_it() -> None:
    from agent.answer.understand import understand

    query = understand("What is the PPC and has it said anything about chatbots?")
    assert [p.text for p in query.parts] == [
        "What is the PPC",
        "has it said anything about chatbots?",
    ]
    # What the body said is read as the instrument it issued, as in a question of its own.
    assert query.parts[1].entities[0] == "ppc_genai_alert" and "chatbot" in query.parts[1].entities


@pytest.mark.parametrize(
    ("question", "own"),
    [
        (
            "Does Article 30-4 cover training, and what about feeding news articles into a RAG"
            " pipeline?",
            "rag",
        ),
        (
            "Is the PPC's alert binding? how about facial recognition in shops?",
            "facial_recognition",
        ),
        ("AI推進法に罰則はありますか？ちなみに顔認識は？", "facial_recognition"),
    ],
)
def test_a_part_that_turns_to_a_subject_of_its_own_leads_with_it(question: str, own: str) -> None:
    from agent.answer.understand import understand

    parts = understand(question).parts
    assert len(parts) == 2 and parts[1].entities[0] == own, parts[1].entities
    # The earlier subject is context, not a subject whose facts would answer this part.
    assert not set(parts[0].entities) & set(parts[1].entities)
    assert parts[1].context == parts[0].text


def test_a_fact_an_earlier_part_stated_is_not_a_later_part_lead() -> None:
    from agent.answer.compose import compose
    from agent.answer.reader import default_reader
    from agent.answer.understand import understand

    query = understand("What is the PPC and has it said anything about chatbots?")
    text = compose(query, default_reader(), {}).text
    first_line = text.splitlines()[0]
    assert text.count(first_line) == 1, text


def test_a_short_event_word_finds_the_longer_one() -> None:
    dates = _dates("bill approved by the Cabinet", "passed by the Diet", "promulgated")
    assert named_events(dates, "When was the Act adopted?")[0].event == "passed by the Diet"


def test_asking_what_a_law_asks_of_someone_is_a_duty_question() -> None:
    # 求める ("asks of") names duties as 義務 does: without it the question read as "what".
    book = phrasebook()
    assert book.facet_of("AI推進法は事業者に何を求めていますか？") == Facet.duty
    assert book.facet_of("このガイドラインは開発者に何を求めているのか") == Facet.duty


def test_a_closing_word_names_the_closing_event() -> None:
    dates = _dates("public comment opened", "public comment closed", "decided by the Headquarters")
    for asked in ("When did public comment close?", "What was the comment deadline?"):
        assert named_events(dates, asked)[0].event == "public comment closed", asked
    ja = [
        KeyDate(event="public comment opened", event_ja="意見募集の開始", date=dt.date(2025, 1, 1)),
        KeyDate(event="public comment closed", event_ja="意見募集の終了", date=dt.date(2025, 1, 2)),
    ]
    for asked in ("意見募集はいつ締め切られましたか", "パブコメの締切は？"):
        assert named_events(ja, asked)[0].event == "public comment closed", asked


def test_publishing_a_text_names_its_decision_not_its_public_comment() -> None:
    # 'public' is not 'published': whole words are compared, not their first five letters.
    dates = _dates("public comment opened", "public comment closed", "decided by the Headquarters")
    assert named_events(dates, "When was it published?")[0].event.startswith("decided")
    assert named_events(dates, "When did it come out?")[0].event.startswith("decided")


def test_a_word_of_the_dated_thing_own_name_names_no_event() -> None:
    dates = _dates("draft opened for public comment", "public comment closed")
    asked = "When did the consultation on the draft IP code close?"
    assert named_events(dates, asked, "IP Principle Code (draft)")[0].event.endswith("closed")


@pytest.mark.parametrize(
    "question",
    [
        "Does the AI Basic Plan impose obligations on businesses?",
        "AI基本計画は企業に義務を課していますか",
        "Does the Article 13 guideline place duties on developers?",
    ],
)
def test_whether_a_text_lays_duties_on_someone_asks_whom_it_binds(question: str) -> None:
    """Not what it requires: the plan's one duty fact is the government's (issue 15)."""
    assert phrasebook().facet_of(question) == Facet.legal_force


def test_which_article_and_how_many_articles_are_read_from_the_question() -> None:
    book = phrasebook()
    assert book.which_article.search("Which article of the AI Promotion Act requires the plan?")
    assert book.which_article.search("AI基本計画の策定を定めているのは何条ですか")
    assert book.how_many_articles.search("how many articles does the AI Promotion Act have?")
    assert not book.which_article.search("What does Article 7 of the AI Promotion Act say?")


def test_the_members_of_a_body_are_no_question_on_a_text_s_parts() -> None:
    assert not phrasebook().how_many_articles.search("人工知能戦略本部の構成員はだれ？")


def test_come_into_force_names_coming_into_force_not_publication() -> None:
    dates = _dates("guidance on the Act published", "most provisions in force")
    assert [d.event for d in named_events(dates, "When did it come into force?")] == [
        "most provisions in force"
    ]


def test_a_spoken_japanese_need_asks_a_duty_yes_or_no() -> None:
    """'本人の同意はいる？' (is consent needed?) asks a duty, yes or no; 'にはいる' is 入る."""
    from agent.answer.understand import understand

    part = understand("顧客データを海外のサーバーに置くなら本人の同意はいる？").parts[0]
    assert part.facet == Facet.duty and part.yes_no, part
    assert understand("うちのサービスはAI推進法の対象にはいる？").parts[0].facet != Facet.duty

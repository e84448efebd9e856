"""Post-brief developments (issue 16 §3): the hard-law facts answer offline with their article, and
a watch-list item is mentioned as "reported, not yet confirmed" only when the question names its
subject."""

from __future__ import annotations

import pytest

from agent.answer.compose import watch_block
from agent.qa import ask
from core.config import Settings
from knowledge.watchlist import about, load_watchlist

UNCONFIRMED = "reported, not yet confirmed"


@pytest.fixture(scope="module")
def answers(settings: Settings) -> dict[str, str]:
    questions = [
        "Can we train our model on customers' personal data?",
        "Has the APPI been amended?",
        "Does the APPI apply to a US AI company serving Japanese users?",
        "Are there rules on publicity rights for AI voice clones?",
        "When was Japan's AI Promotion Act promulgated?",
    ]
    return {q: ask(q, settings=settings, offline=True) for q in questions}


def test_training_on_customer_data_cites_appi_article_18(answers: dict) -> None:
    answer = answers["Can we train our model on customers' personal data?"]
    (appi,) = [c for c in answer.citations if c.id == "appi"]
    assert appi.section and "Art. 18" in appi.section
    assert "consent" in answer.answer


def test_a_question_on_the_appi_mentions_the_reported_amendment_as_unconfirmed(
    answers: dict,
) -> None:
    text = answers["Has the APPI been amended?"].answer
    assert UNCONFIRMED in text.lower()
    assert "Act No. 56 of 2026" in text
    # What is in force now is said in the same line: the amendment is not treated as law.
    assert "until then the rules in force are the current ones" in text


def test_extraterritorial_reach_cites_article_171(answers: dict) -> None:
    answer = answers["Does the APPI apply to a US AI company serving Japanese users?"]
    assert answer.answer.startswith("Yes.")
    (appi,) = [c for c in answer.citations if c.id == "appi"]
    assert appi.section and "Art. 171" in appi.section


def test_an_uncovered_subject_gets_its_watch_item_after_the_not_covered_lead(
    answers: dict,
) -> None:
    text = answers["Are there rules on publicity rights for AI voice clones?"].answer
    assert text.startswith("Shirube's rule base does not cover")
    assert UNCONFIRMED in text.lower() and "Ministry of Justice" in text


@pytest.mark.parametrize(
    "question",
    [
        "Can we train our model on customers' personal data?",
        "When was Japan's AI Promotion Act promulgated?",
    ],
)
def test_no_watch_item_when_the_question_does_not_name_its_subject(
    answers: dict, question: str
) -> None:
    assert UNCONFIRMED not in answers[question].answer.lower()


def test_watch_items_are_selected_by_subject_only() -> None:
    items = load_watchlist()
    assert [i.id for i in about(["appi"], items)] == ["appi_amendment_2026"]
    assert about(["training_data", "personal_data"], items) == []


def test_watch_block_is_one_line_per_item_with_the_date_seen() -> None:
    items = about(["appi", "publicity_rights"])
    lines = watch_block(items).splitlines()
    assert len(lines) == len(items) == 2
    assert all(line.startswith("- Reported, not yet confirmed") for line in lines)
    assert all("2026-12-01" in line for line in lines)


def test_a_japanese_reader_gets_the_japanese_claim_where_one_is_written() -> None:
    items = about(["appi"])
    line = watch_block(items, "ja")
    assert line.startswith("- 報道されていますが未確認です")
    assert "課徴金" in line and "An amendment" not in line
    assert "An amendment" in watch_block(items, "en")


def test_the_watch_list_has_one_japanese_name_everywhere() -> None:
    """注視リスト in answers as in `sources --watch` and its help (issue 18): not ウォッチリスト
    in one place and 注視リスト in another."""
    from pathlib import Path

    from knowledge.ui_labels import ui_text

    assert "（注視リスト、" in watch_block(about(["appi"]), "ja")
    assert ui_text("watchlist.title", "ja").startswith("注視リスト")
    assert "注視リスト" in ui_text("cli_help.watch", "ja")
    data = Path(__file__).resolve().parents[2] / "knowledge" / "data"
    said = [
        path.name for path in data.rglob("*.yaml") if "ウォッチリスト" in path.read_text("utf-8")
    ]
    assert not said, said

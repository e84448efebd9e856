"""A question on personal data under the APPI (consent, transfers abroad, leaks, third parties) is
in scope with no AI term, and a cloud region named by its country is where the data sits, not a
question about that country's law."""

from __future__ import annotations

import pytest

from agent.answer.coverage import statute_subjects
from agent.answer.guard import classify
from agent.answer.reader import default_reader


@pytest.mark.parametrize(
    "question",
    [
        "顧客データを英国リージョンのクラウドに置くなら本人の同意はいる？米国リージョンだったら？",
        "顧客データをEUリージョンのサーバーに置くのに同意っている？",
        "取引先に顧客データを渡すのに本人の同意はいりますか？",
        "顧客データが漏えいしたら、どこかに報告しないといけない？",
        "if we move customer data to an eu region cloud do we need consent?",
        "Do we need consent to keep customer records in a region in the UK?",
    ],
)
def test_a_personal_data_question_without_ai_is_in_scope(question: str) -> None:
    assert classify(question) == ("in", False)


@pytest.mark.parametrize(
    "question",
    [
        "What does the UK's data protection law say about customer data?",
        "How big can GDPR fines get?",
        "How do I train my dog?",
        "Which AI stocks should I buy this week?",
    ],
)
def test_another_countrys_law_and_other_topics_stay_out(question: str) -> None:
    assert classify(question) == ("out", False)


def test_the_subjects_are_the_appis_own_and_not_the_regimes() -> None:
    subjects = statute_subjects(default_reader())
    assert subjects["personal_data"] == "appi"
    assert subjects["cross_border_transfer"] == "appi"
    assert "transparency" not in subjects  # spoken of most by the guidelines


def test_a_cloud_region_is_read_as_typed_not_as_a_slip() -> None:
    # 'リージョン' is one kana from 'バージョン', a word the rule base uses.
    assert "リージョン" in default_reader().homophones.correct("英国リージョンのクラウド")


@pytest.mark.parametrize(
    "question",
    [
        "顧客データを英国リージョンのクラウドに置くなら本人の同意はいる？米国リージョンだったら？",
        "if we move customer data to an eu region cloud do we need consent?",
    ],
)
def test_personal_data_put_in_a_region_abroad_is_asked_of_the_transfer_rule(question: str) -> None:
    from agent.answer.understand import understand

    part = understand(question).parts[0]
    assert {"personal_data", "cross_border_transfer"} <= set(part.entities)
    assert part.route == "lookup"


def test_a_place_abroad_names_no_transfer_without_personal_data() -> None:
    from agent.answer.coverage import implied_subjects

    reader = default_reader()
    assert implied_subjects("our servers are in a UK region", [], reader) == []


@pytest.mark.parametrize(
    "question",
    [
        "my roof leaks, what should I do?",
        "the tap in our kitchen leaks",
        "water leaks in the office",
    ],
)
def test_a_leak_of_nothing_said_to_be_data_is_out_of_scope(question: str) -> None:
    """A statute's subject asked without AI counts only beside a word of data or information."""
    assert classify(question) == ("out", False)


def test_a_country_the_data_is_sent_to_is_a_place_not_a_law() -> None:
    """Words between the verb and the country ('send customer data to Singapore') still make the
    country where the data goes, not a question about its law."""
    assert classify("can we send customer data to Singapore?") == ("in", False)
    assert classify("What does Singapore's AI law say?") == ("out", False)

"""Japanese answers read as their English twins: はい, 分からない, choice names, 、, full width."""

from __future__ import annotations

import pytest

from agent.interview.parse import command_of, parse_answer
from knowledge.questions import question_by_id


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("はい", True),
        ("いいえ", False),
        ("はい。", True),
        ("ｙｅｓ", True),
        ("いいえ（APIだけ）", False),
    ],
)
def test_yes_and_no(text: str, value: bool) -> None:
    parsed = parse_answer(question_by_id("builds_models"), text)
    assert (parsed.kind, parsed.value) == ("value", value)


@pytest.mark.parametrize("text", ["分からない", "わからない", "わかりません", "不明"])
def test_not_sure_assumes_the_cautious_value(text: str) -> None:
    parsed = parse_answer(question_by_id("builds_models"), text)
    assert (parsed.kind, parsed.value) == ("unsure", True)


@pytest.mark.parametrize(
    "text",
    ["一般消費者、企業", "消費者，企業", "１、２", "企業、一般消費者", "consumers、businesses"],
)
def test_several_choices_separated_by_the_japanese_comma(text: str) -> None:
    parsed = parse_answer(question_by_id("customers"), text)
    assert parsed.value == ["consumers", "businesses"]


@pytest.mark.parametrize(
    ("question", "text", "value"),
    [
        ("organisation", "地方公共団体", "local_government"),
        ("organisation", "株式会社です", "company"),
        ("organisation", "国の府省庁・機関", "government"),
        ("sectors", "医療・ヘルスケア、雇用", ["health", "employment"]),
        ("sectors", "なし", []),
        ("team_size", "スタートアップ", "startup"),
        ("personal_data", "要配慮個人情報", "sensitive"),
        ("government_procurement", "調達する側", "buyer"),
        ("launch_date", "2027年3月31日", "2027-03-31"),
        ("launch_date", "２０２７－０３－３１", "2027-03-31"),
        ("launch_date", "未定", None),
    ],
)
def test_choices_and_dates_in_japanese(question: str, text: str, value: object) -> None:
    parsed = parse_answer(question_by_id(question), text)
    assert (parsed.kind, parsed.value) == ("value", value)


def test_japanese_free_text_finds_the_one_choice_it_names() -> None:
    assert parse_answer(question_by_id("sectors"), "人事部門の採用業務").value == ["employment"]


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("スキップ", "skip"),
        ("戻る", "back"),
        ("なぜ？", "why"),
        ("終了", "quit"),
        ("ＱＵＩＴ", "quit"),
    ],
)
def test_japanese_commands(text: str, command: str) -> None:
    assert command_of(text) == command


def test_errors_are_in_the_sessions_language() -> None:
    question = question_by_id("customers")
    assert parse_answer(question, "宇宙人", "ja").message == (
        "「宇宙人」は選択肢にありません。当てはまるものをすべて、「、」かカンマで区切って選んで"
        "ください（なければ「なし」）：1) 一般消費者、2) 企業、3) 行政機関"
    )
    english = parse_answer(question, "aliens").message
    assert english is not None and english.startswith("'aliens' is not one of the choices.")


@pytest.mark.parametrize("question", ["customers", "sectors"])
@pytest.mark.parametrize(
    "text", ["いいえ", "いいえ、ありません", "ありません", "特にない", "該当しない", "no", "No."]
)
def test_no_to_a_list_question_picks_none_of_the_choices(question: str, text: str) -> None:
    """'いいえ' to 'which of these…? (or none)' means none of them, where an empty answer is
    valid for the profile field (issue 18)."""
    parsed = parse_answer(question_by_id(question), text, "ja")
    assert (parsed.kind, parsed.value) == ("value", [])


def test_none_where_the_question_needs_one_says_so_naming_the_choices(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A list field the profile requires at least one of: 'いいえ'/'なし' is refused, in Japanese,
    with the choices to pick from."""
    from pydantic import Field, create_model

    import knowledge.questions as questions
    from core.profile import Sector, UseCaseProfile

    needs_one = create_model(
        "NeedsOne", __base__=UseCaseProfile, sectors=(list[Sector], Field(min_length=1))
    )
    monkeypatch.setattr(questions, "UseCaseProfile", needs_one)
    question = question_by_id("sectors")
    for text in ("いいえ", "なし", "該当なし"):
        parsed = parse_answer(question, text, "ja")
        assert parsed.kind == "error"
        assert parsed.message is not None
        assert "少なくとも1つ" in parsed.message and "1) 医療・ヘルスケア" in parsed.message

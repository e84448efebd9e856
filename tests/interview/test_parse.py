"""The answer parser: plain typed answers and commands, no model."""

from __future__ import annotations

import pytest

from agent.interview.parse import parse_answer
from knowledge.questions import question_by_id


@pytest.mark.parametrize(
    ("text", "value"),
    [("yes", True), ("Y", True), ("true", True), (" no ", False), ("n", False), ("FALSE", False)],
)
def test_yes_no_words(text: str, value: bool) -> None:
    parsed = parse_answer(question_by_id("builds_models"), text)
    assert (parsed.kind, parsed.value) == ("value", value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2", "government"),
        ("local government", "local_government"),
        ("Local-Government", "local_government"),
        ("A university or research institution", "research"),
    ],
)
def test_one_of_by_number_value_or_label(text: str, value: str) -> None:
    assert parse_answer(question_by_id("organisation"), text).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("consumers, businesses", ["consumers", "businesses"]),
        ("1,3", ["consumers", "government"]),
        ("government and consumers", ["consumers", "government"]),
        ("none", []),
        ("Businesses, businesses", ["businesses"]),
    ],
)
def test_several_of_comma_separated(text: str, value: list[str]) -> None:
    parsed = parse_answer(question_by_id("customers"), text)
    assert (parsed.kind, parsed.value) == ("value", value)


def test_several_of_names_the_bad_item_and_lists_choices() -> None:
    parsed = parse_answer(question_by_id("customers"), "consumers, aliens")
    assert parsed.kind == "error"
    assert parsed.message == (
        "'aliens' is not one of the choices. Expected one or more of: 1) consumers, "
        "2) businesses, 3) government, separated by commas, or 'none'."
    )


def test_skip_uses_the_default_and_is_refused_without_one() -> None:
    assert parse_answer(question_by_id("organisation"), "skip").value == "company"
    assert parse_answer(question_by_id("customers"), "skip").value == []
    refused = parse_answer(question_by_id("name"), "skip")
    assert refused.kind == "error"
    assert refused.message == (
        "This question has no default, so it cannot be skipped. Expected a short text answer, "
        "or 'not sure'."
    )


@pytest.mark.parametrize(("text", "kind"), [("back", "back"), ("why", "why"), ("QUIT", "quit")])
def test_commands(text: str, kind: str) -> None:
    assert parse_answer(question_by_id("sectors"), text).kind == kind


def test_free_text_keeps_the_words_and_rejects_empty() -> None:
    assert parse_answer(question_by_id("description"), "  Ranks CVs. ").value == "Ranks CVs."
    assert parse_answer(question_by_id("description"), "   ").message == (
        "Please type an answer. Expected a short text answer."
    )


def test_none_is_a_choice_for_personal_data_not_a_list_word() -> None:
    assert parse_answer(question_by_id("personal_data"), "none").value == "none"

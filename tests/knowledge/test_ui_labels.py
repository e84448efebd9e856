"""The UI labels (knowledge/data/ui_labels.yaml): every label in English and Japanese."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from knowledge.loader import read_yaml
from knowledge.ui_labels import (
    UI_LABELS_FILE,
    LabelledError,
    error_in,
    load_ui_labels,
    placeholders,
    reword,
    ui_text,
)
from knowledge.ui_labels_schema import UiLabelFile


def test_every_label_has_english_and_japanese_with_the_same_fields() -> None:
    raw = read_yaml(UI_LABELS_FILE)
    assert isinstance(raw, dict)
    for section, names in raw.items():
        for name, text in names.items():
            assert set(text) == {"en", "ja"}, f"{section}.{name}"
            assert text["en"].strip() and text["ja"].strip(), f"{section}.{name}"
            assert placeholders(text["en"]) == placeholders(text["ja"]), f"{section}.{name}"
    assert len(load_ui_labels().keys()) > 100


def test_japanese_labels_are_japanese() -> None:
    """A ja text that is a copy of the English one is a label nobody translated."""
    # 'OK' is what Japanese software says too; a choice is '1) name' in either language.
    same_on_purpose = {"dialog.ok", "interview_text.option"}
    for key in load_ui_labels().keys():  # noqa: SIM118 (UiLabels.keys names them)
        label = load_ui_labels().get(key)
        if key not in same_on_purpose:
            assert label.ja != label.en, key


def test_a_label_missing_its_japanese_text_does_not_load(tmp_path: Path) -> None:
    bad = tmp_path / "ui_labels.yaml"
    bad.write_text("chat:\n  busy:\n    en: One moment.\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="ja"):
        UiLabelFile.model_validate(read_yaml(bad))


def test_a_label_whose_languages_take_different_fields_does_not_load() -> None:
    with pytest.raises(ValidationError, match="same fields"):
        UiLabelFile.model_validate({"chat": {"x": {"en": "Session {id}", "ja": "セッション"}}})


def test_ui_text_fills_fields_in_the_asked_language() -> None:
    assert ui_text("interview.progress", "en", n=2, total=9) == "Question 2 of 9"
    assert ui_text("interview.progress", "ja", n=2, total=9) == "質問 2 / 9"
    assert ui_text("interview.progress", "auto", n=1, total=2) == "Question 1 of 2"


def test_an_unknown_label_names_itself() -> None:
    with pytest.raises(KeyError, match=r"chat\.nope"):
        ui_text("chat.nope")


def test_a_recorded_english_line_reads_back_in_japanese() -> None:
    assert reword("owner cleared", "recorded", "ja") == "担当を削除"  # not 'owner {value}'
    assert reword("owner 田中", "recorded", "ja") == "担当 田中"
    assert reword("3 turns, profile linked", "recorded", "ja") == "質問 3件・プロファイル連携"
    assert reword("in progress (3/19)", "recorded", "ja") == "回答中（3/19）"
    assert reword("free text nobody labelled", "recorded", "ja") == "free text nobody labelled"
    assert reword("owner 田中", "recorded", "en") == "owner 田中"


def test_a_labelled_error_is_english_text_with_a_japanese_reading() -> None:
    error = LabelledError("errors.no_session", id="ab12")
    assert str(error).startswith("No session with id 'ab12'.")
    assert error.in_lang("ja").startswith("ID「ab12」のセッションはありません。")


def test_a_broken_rule_base_is_named_in_the_readers_language() -> None:
    from knowledge.yaml_files import Problem, RuleBaseError

    broken = RuleBaseError(
        [
            Problem("facts/x.yaml", "f1", "text_ja", "Field required"),
            Problem("a.yaml", "-", "", "m"),
        ]
    )
    assert error_in(broken, "en") == f"the rule base is invalid; fix these entries:\n{broken}"
    japanese = error_in(broken, "ja")
    assert japanese.startswith("ルールベースに不正な内容があります。")
    assert japanese.endswith(
        "facts/x.yaml：項目「f1」のフィールド「text_ja」：Field required\na.yaml：項目「-」：m"
    )
    assert error_in(LabelledError("errors.no_session", id="s1"), "ja").startswith("ID「s1」")


def test_japanese_labels_use_the_full_width_colon_after_japanese_text() -> None:
    """'回答の一覧：' not '回答の一覧:' (a colon in a command, a time or after ASCII stays)."""
    after_japanese = re.compile(r"[\u3040-\u30ff\u3400-\u9fff）」』】]\s?:")
    for key in load_ui_labels().keys():  # noqa: SIM118 (UiLabels.keys names them)
        assert not after_japanese.search(load_ui_labels().get(key).ja), key


@pytest.mark.parametrize(
    ("english", "japanese"),
    [
        ("empty question phrasing", "質問の言い回しが空です"),
        ("a 'choice' question needs choices", "「choice」の質問には選択肢が必要です"),
        ("no word list {roles} under words:", "単語リスト {roles} が words: の下にありません"),
        (
            "not a valid regular expression: missing ), unterminated subpattern",
            "正規表現として正しくありません",
        ),
        ("'not_covered' is for triggers; a source has a real legal force", "not_covered"),
        ("expected http://host:port, e.g. http://127.0.0.1:11434", "http://host:port"),
    ],
)
def test_a_validators_own_message_reads_in_japanese(english: str, japanese: str) -> None:
    """pydantic's value_error carries the validator's English sentence; a Japanese reader gets
    its label in ui_labels' `validator_messages` (issue 18); English keeps pydantic's text."""
    from knowledge.ui_labels import validation_message

    error = {"type": "value_error", "msg": f"Value error, {english}", "ctx": {"error": english}}
    said = validation_message(error, "ja")
    assert japanese in said and "Value error" not in said, said
    assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", said), said
    assert validation_message(error, "en") == f"Value error, {english}"


def test_a_real_validators_message_reads_in_japanese() -> None:
    from pydantic import ValidationError

    from knowledge.schema import Source
    from knowledge.ui_labels import validation_message

    with pytest.raises(ValidationError) as raised:
        Source.model_validate({"legal_force": "not_covered"})
    errors = [e for e in raised.value.errors() if e["type"] == "value_error"]
    assert errors and "Value error" not in validation_message(errors[0], "ja")

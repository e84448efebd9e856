"""knowledge/data/phrasebook.yaml as agent/answer/phrasebook.py validates it: word lists the
composer reads are data, and a one-way entry is refused."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from agent.answer.phrasebook import PHRASEBOOK, Phrasebook, load_phrasebook
from knowledge.yaml_files import safe_load


def test_the_converse_of_each_direct_answer_is_data() -> None:
    converse = load_phrasebook().converse_answers
    assert converse["Yes."] == "No." and converse["いいえ。"] == "はい。"


def test_a_converse_that_does_not_turn_back_is_refused() -> None:
    raw = safe_load(PHRASEBOOK.read_text(encoding="utf-8"))
    raw["converse_answers"] = {"Yes.": "No.", "No.": "It depends."}
    with pytest.raises(ValidationError, match="must turn back"):
        Phrasebook.model_validate(raw)


def test_sanction_and_omission_words_are_data_and_must_compile() -> None:
    from agent.answer.phrasebook import phrasebook

    book = phrasebook()
    assert book.sanction.search("the penalty for") and book.sanction.search("置かない場合の罰則")
    assert book.omission.search("if we don't label it")
    raw = safe_load(PHRASEBOOK.read_text(encoding="utf-8"))
    with pytest.raises(ValidationError, match="not a valid regular expression"):
        Phrasebook.model_validate({**raw, "sanction": "(penalt"})


def test_the_opening_yes_and_no_are_data_in_both_languages() -> None:
    from agent.answer.phrase import contradicts

    assert load_phrasebook().yes_no_words["はい"] == "yes"
    assert contradicts("いいえ、禁止していません。", "Yes. It applies. [1]")
    assert not contradicts("はい、適用されます。", "Yes. It applies. [1]")
    raw = safe_load(PHRASEBOOK.read_text(encoding="utf-8"))
    with pytest.raises(ValidationError):
        Phrasebook.model_validate({**raw, "yes_no_words": {"yes": "yes", "no": "maybe"}})

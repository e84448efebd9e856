"""The question bank: data, complete, cited, and checked like the rule base."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.profile import UNASKED_FIELDS, UseCaseProfile
from knowledge.loader import RuleBaseError, load_rule_base
from knowledge.questions import load_questions, load_questions_from


def test_one_question_per_profile_field_name_and_description_first() -> None:
    ids = [q.id for q in load_questions()]
    assert sorted(ids) == sorted(set(UseCaseProfile.model_fields) - UNASKED_FIELDS)
    assert ids[:2] == ["name", "description"]


def test_every_citation_points_at_a_source_in_the_rule_base() -> None:
    sources = load_rule_base().sources
    for question in load_questions():
        for citation in question.cite:
            assert citation.source in sources, (question.id, citation.source)


def test_conditions_of_the_follow_ups() -> None:
    by_id = {q.id: q for q in load_questions()}
    assert by_id["personal_data_beyond_output"].ask_if == {"not": {"personal_data": "none"}}
    assert by_id["government_procurement"].ask_if == {
        "any": [{"customers": ["government"]}, {"organisation": ["government", "local_government"]}]
    }


BAD_BANK = """
- id: name
  text: "What is it called?"
  help: "A name tells plans apart from each other."
  cite: [{source: aigfb}]
  type: free_text
- id: description
  text: "What does it do?"
  help: "What is appropriate depends on what it does."
  cite: [{source: art13_guideline}]
  type: free_text
- id: organisation
  text: "What kind of organisation?"
  help: "Different duties apply to different bodies."
  cite: [{source: ai_promotion_act}]
  type: one_of
  choices: [{value: company, label: Company}, {value: guild, label: Guild}]
  ask_if: {colour: red}
"""


def test_bad_bank_names_file_entry_and_field(tmp_path: Path) -> None:
    path = tmp_path / "questions.yaml"
    path.write_text(BAD_BANK, encoding="utf-8")
    with pytest.raises(RuleBaseError) as info:
        load_questions_from(path)
    text = str(info.value)
    assert "knowledge/data/questions.yaml: entry 'organisation', field 'choices.guild'" in text
    assert "entry 'organisation', field 'ask_if': question 'organisation': unknown field" in text
    assert "entry 'builds_models', field 'id': profile field has no question" in text


def test_choices_required_for_choice_questions(tmp_path: Path) -> None:
    path = tmp_path / "questions.yaml"
    path.write_text(
        BAD_BANK.replace(
            "  choices: [{value: company, label: Company}, {value: guild, label: Guild}]\n", ""
        ),
        encoding="utf-8",
    )
    with pytest.raises(
        RuleBaseError, match=r"entry 'organisation'.*a 'one_of' question needs choices"
    ):
        load_questions_from(path)

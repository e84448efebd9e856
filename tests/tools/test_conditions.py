"""The safe condition evaluator and the validation of every rule's condition."""

from __future__ import annotations

import pytest

from core.conditions import ConditionError, evaluate, explain, validate
from core.profile import UseCaseProfile
from tools.roles import role_rules
from tools.triggers import checked_triggers


def test_list_fields_match_on_intersection() -> None:
    profile = UseCaseProfile(sectors=["health", "finance"])
    assert evaluate({"sectors": ["finance", "mobility"]}, profile)
    assert not evaluate({"sectors": ["mobility"]}, profile)


def test_choice_bool_and_combinators() -> None:
    profile = UseCaseProfile(personal_data="sensitive", outside_japan=True, organisation="research")
    assert evaluate({"personal_data": ["personal", "sensitive"]}, profile)
    assert evaluate({"outside_japan": True}, profile)
    assert evaluate(
        {"all": [{"outside_japan": True}, {"not": {"organisation": "company"}}]}, profile
    )
    assert not evaluate({"any": [{"builds_models": True}, {"sectors": ["health"]}]}, profile)
    assert evaluate({"always": True}, UseCaseProfile())


def test_explain_names_the_answers_that_held() -> None:
    profile = UseCaseProfile(builds_models=True, sectors=["health"])
    condition = {
        "any": [{"builds_models": True}, {"offers_to_others": True}],
        "sectors": ["health"],
    }
    assert explain(condition, profile) == ["builds_models: yes", "sectors: health"]


@pytest.mark.parametrize(
    ("condition", "message"),
    [
        ({"colour": "red"}, "unknown field or operator 'colour'"),
        ({"sectors": ["space"]}, "field 'sectors' has no value 'space'; allowed: health"),
        ({"builds_models": "yes"}, "field 'builds_models' is true/false, got 'yes'"),
        ({"any": []}, "'any' needs a non-empty list"),
        ({"not": "x"}, "a condition must be a non-empty mapping"),
        ({"always": False}, "'always' only takes true"),
        ({"name": "x"}, "unknown field or operator 'name'"),
    ],
)
def test_malformed_conditions_name_the_rule_and_problem(condition: dict, message: str) -> None:
    with pytest.raises(ConditionError) as err:
        validate(condition, "triggers.yaml: trigger 'demo'")
    assert str(err.value).startswith("triggers.yaml: trigger 'demo': ")
    assert message in str(err.value)


def test_every_rule_condition_in_the_rule_base_is_valid() -> None:
    assert len(checked_triggers()) >= 21
    assert {rule.role for rule in role_rules()} == {
        "developer",
        "provider",
        "business_user",
        "utilization_business_operator",
        "research_institution",
        "government_body",
        "government_supplier",
    }

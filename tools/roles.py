"""classify_roles: which roles a use case puts the organisation in (rules in role_rules.yaml)."""

from __future__ import annotations

from functools import cache

from pydantic import BaseModel, ConfigDict, Field

from core import conditions
from core.profile import UseCaseProfile
from knowledge.loader import DATA_DIR, load_entries, load_rule_base
from knowledge.questions import describe_answer
from knowledge.schema import Citation, Condition, Id, Lang, text_in

ROLE_RULES_FILE = DATA_DIR / "role_rules.yaml"


class RoleRule(BaseModel):
    """One row of role_rules.yaml: the role applies when `when` holds."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    role: Id
    when: Condition
    citations: list[Citation] = Field(min_length=1)


class RoleResult(BaseModel):
    """A role the organisation holds, with the profile answers that led there."""

    id: str
    name: str
    definition: str
    why: list[str]
    citations: list[Citation]


@cache
def role_rules() -> tuple[RoleRule, ...]:
    """The role rules, each condition validated and each role checked against roles.yaml."""
    rules = tuple(load_entries(ROLE_RULES_FILE, RoleRule))
    for rule in rules:
        conditions.validate(rule.when, f"role_rules.yaml: role '{rule.role}'")
    _check_roles_exist(rules)
    return rules


def _check_roles_exist(rules: tuple[RoleRule, ...]) -> None:
    known = load_rule_base().roles
    missing = [rule.role for rule in rules if rule.role not in known]
    if missing:
        raise conditions.ConditionError(
            f"role_rules.yaml: roles not defined in roles.yaml: {', '.join(missing)}"
        )


def classify_roles(profile: UseCaseProfile, lang: Lang = "en") -> list[RoleResult]:
    """Every role that applies to `profile`, in the order of role_rules.yaml, worded in `lang`."""
    roles = load_rule_base().roles
    results: list[RoleResult] = []
    for rule in role_rules():
        if not conditions.evaluate(rule.when, profile):
            continue
        role = roles[rule.role]
        citations = list(dict.fromkeys([*rule.citations, *role.citations]))
        results.append(
            RoleResult(
                id=role.id,
                name=text_in(role, "name", lang),
                definition=text_in(role, "definition", lang),
                why=conditions.explain(
                    rule.when, profile, lambda p, field: describe_answer(p, field, lang)
                ),
                citations=citations,
            )
        )
    return results

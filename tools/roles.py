"""classify_roles: which roles a use case puts the organisation in (rules in role_rules.yaml)."""

from __future__ import annotations

from pydantic import BaseModel

from core import conditions
from core.profile import UseCaseProfile
from knowledge.defaults import derived
from knowledge.loader import DATA_DIR, load_entries, load_rule_base
from knowledge.questions import describe_answer
from knowledge.schema import Citation, Lang, text_in
from knowledge.schema.rules import RoleRule

ROLE_RULES_FILE = DATA_DIR / "role_rules.yaml"


class RoleResult(BaseModel):
    """A role the organisation holds, with the profile answers that led there."""

    id: str
    name: str
    definition: str
    why: list[str]
    citations: list[Citation]


@derived  # the rules for the roles of the rule base in use: rebuilt when it is swapped
def role_rules() -> tuple[RoleRule, ...]:
    """The role rules, each condition validated, for the roles the rule base in use defines.

    `kb check` reports a rule naming a role roles.yaml lacks (knowledge.check); a smaller rule
    base swapped in (the test fixture) simply has fewer roles to find.
    """
    rules = tuple(load_entries(ROLE_RULES_FILE, RoleRule))
    for rule in rules:
        conditions.validate(rule.when, f"role_rules.yaml: role '{rule.role}'")
    known = load_rule_base().roles
    return tuple(rule for rule in rules if rule.role in known)


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

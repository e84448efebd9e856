"""The rules a plan is assessed by: roles, the rules that assign them, principles, triggers,
checklist actions and the caveats every assessment carries."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from knowledge.schema.base import Citation, Id, Lang, LegalForce, Strict, text_in


class Role(Strict):
    id: Id
    name: str
    name_ja: str | None = None
    definition: str
    definition_ja: str | None = Field(default=None, description="In Japanese (kb check).")
    examples: list[str] = Field(default_factory=list)
    citations: list[Citation] = Field(min_length=1)


class PrincipleGroup(StrEnum):
    """Which list a principle belongs to (a StrEnum, so it still compares equal to its string)."""

    art13_element = "art13_element"
    operating_idea = "operating_idea"
    aigfb_common_principle = "aigfb_common_principle"
    act_basic_idea = "act_basic_idea"
    basic_plan_principle = "basic_plan_principle"
    basic_plan_direction = "basic_plan_direction"


class Principle(Strict):
    id: Id
    name: str
    name_ja: str | None = None
    group: PrincipleGroup = Field(description="The list this principle comes from.")
    summary: str
    citations: list[Citation] = Field(min_length=1)


Condition = dict[str, Any]
"""A declarative condition over the use-case profile, evaluated by core.conditions.

Forms: {field: value} equality, {field: [v1, v2]} membership/intersection, and the
combinators {"all": [...]}, {"any": [...]}, {"not": {...}}.
"""


class Trigger(Strict):
    """A rule: when `when` holds for a profile, the instrument or body of law is engaged."""

    id: Id
    title: str
    title_ja: str | None = Field(default=None, description="The title in Japanese (kb check).")
    layer: str = Field(
        description="statute | art13_guideline | aigfb | procurement | hard_law | international"
    )
    when: Condition
    legal_force: LegalForce
    regulators: list[str] = Field(min_length=1, description="Institution ids.")
    why: str
    why_ja: str | None = Field(default=None, description="`why` in Japanese (kb check).")
    in_practice: str
    in_practice_ja: str | None = Field(default=None, description="In Japanese (kb check).")
    citations: list[Citation] = Field(min_length=1)


class Priority(StrEnum):
    high = "high"
    medium = "medium"
    low = "low"


class Phase(StrEnum):
    """Lifecycle phase, in the order a plan is worked through."""

    govern = "govern"
    plan = "plan"
    build = "build"
    deploy = "deploy"
    operate = "operate"


class Timing(StrEnum):
    """When an action is due, in the order a plan is worked through (offsets in plan_rules.yaml)."""

    before_launch = "before_launch"
    within_90_days = "within_90_days"
    ongoing = "ongoing"


class ActionVariant(Strict):
    """Wording of an action for a role or a trigger (the first matching variant wins)."""

    roles: list[Id] = Field(default_factory=list, description="All of these roles are held.")
    triggers: list[Id] = Field(default_factory=list, description="All of these are engaged.")
    title: str
    title_ja: str | None = Field(default=None, description="The title in Japanese (kb check).")
    text: str
    text_ja: str | None = Field(default=None, description="The text in Japanese (kb check).")

    def title_for(self, lang: str) -> str:
        return text_in(self, "title", lang)

    def text_for(self, lang: str) -> str:
        return text_in(self, "text", lang)


class ChecklistAction(Strict):
    id: Id
    title: str
    title_ja: str | None = Field(default=None, description="The title in Japanese (kb check).")
    text: str
    text_ja: str | None = Field(default=None, description="The text in Japanese (kb check).")
    phase: Phase
    timing: Timing
    harm: Id = Field(description="The harm the action addresses (plan_rules.yaml harms).")
    owner: Id = Field(description="An owner kind from owners.yaml, mapped per team size.")
    applies_to_roles: list[Id] = Field(default_factory=list)
    applies_to_triggers: list[Id] = Field(default_factory=list)
    only_for_roles: list[Id] = Field(
        default_factory=list, description="When set, the action applies only to these roles."
    )
    variants: list[ActionVariant] = Field(default_factory=list)
    principles: list[Id] = Field(default_factory=list)
    official_refs: list[str] = Field(default_factory=list)
    citations: list[Citation] = Field(min_length=1)

    def title_for(self, lang: str) -> str:
        """The action's title for a reader of `lang` ('ja' or 'en'); variants have their own."""
        return text_in(self, "title", lang)

    def text_for(self, lang: str) -> str:
        """The action's text for a reader of `lang` ('ja' or 'en')."""
        return text_in(self, "text", lang)


class RoleRule(BaseModel):
    """One row of role_rules.yaml: the role applies when `when` holds."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    role: Id
    when: Condition
    citations: list[Citation] = Field(min_length=1)


class Caveat(BaseModel):
    """A caveat printed with every assessment (caveats.yaml)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Id
    text: str
    # Not in the JSON: an assessment carries its caveats in its own language (`text`).
    text_ja: str | None = Field(
        default=None, exclude=True, description="The text in Japanese (kb check)."
    )
    citations: list[Citation] = Field(min_length=1)

    def in_lang(self, lang: Lang) -> Caveat:
        return self.model_copy(update={"text": text_in(self, "text", lang), "text_ja": None})

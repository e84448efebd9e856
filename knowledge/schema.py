"""Pydantic models of the rule base files in knowledge/data/.

Every model forbids unknown keys so a typo in YAML is an error naming file, entry and field.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from knowledge.defaults import derived

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_]*$", max_length=64)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Lang = Literal["en", "ja"]
"""A reader's language: English texts sit in `field`, Japanese ones beside them in `field_ja`."""
LANGS: tuple[Lang, ...] = ("en", "ja")


def text_in(entry: BaseModel, field: str, lang: str) -> str:
    """`entry.field` as a reader of `lang` sees it: `field_ja` for Japanese when it is written,
    else the English (`shirube kb check` reports the missing Japanese text).

    The one accessor for every bilingual rule-base entry (actions, triggers, caveats, labels…).
    """
    if lang == "ja":
        japanese = getattr(entry, f"{field}_ja", None)
        if japanese:
            return str(japanese)
    return str(getattr(entry, field))


def compiles(pattern: str) -> str:
    """A pydantic validator: the pattern is a valid Python regular expression."""
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"not a valid regular expression: {exc}") from exc
    return pattern


class Cues(Strict):
    """Regular expressions that mark one reading of a question (a facet, a kind of ask);
    subclasses add the field naming that reading."""

    cues: list[str] = Field(min_length=1)

    _check = field_validator("cues")(lambda v: [compiles(p) for p in v])


class LegalForce(StrEnum):
    """How far an instrument binds; the wording every answer must agree with."""

    binding_hard_law = "binding_hard_law"
    binding_no_penalty = "binding_no_penalty"
    government_policy = "government_policy"
    non_binding_soft_law = "non_binding_soft_law"
    internal_government_rule = "internal_government_rule"
    # For a trigger only: the field's own law applies but the rule base does not cover it.
    not_covered = "not_covered"


class LayerHeading(Strict):
    id: Id
    heading: str
    heading_ja: str | None = Field(default=None, description="The heading in Japanese (kb check).")


class PlanText(Strict):
    """A plan's own wording in one language (labels.yaml `plan_text`): every field is required,
    so a language cannot miss a heading. `{name}` fields are filled by the renderers."""

    title: str = Field(description="'AI governance plan: {name}'.")
    default_name: str
    prepared: str = Field(description="'{as_of}': the rule-base date line.")
    as_of_line: str = Field(description="'{date}{version}'.")
    version: str = Field(description="'{version}'.")
    summary: str
    summary_counts: str = Field(description="'{roles}', '{layers}', '{actions}', '{before}'.")
    summary_priority: str = Field(description="'{roles}', '{layers}', '{actions}', '{high}'.")
    no_role: str
    not_sure: str
    start_here: str
    due: str = Field(description="'{date}'.")
    start_item: str = Field(description="'{owner}', '{when}', '{why}'.")
    start_why: str = Field(description="'{timing}', '{harm}', '{basis}'.")
    basis: str = Field(description="'{title}', '{force}'.")
    to_confirm: str
    to_confirm_item: str = Field(description="'{assumed}', '{change}'.")
    if_no_nothing: str = Field(description="'{if_no}'.")
    if_no: str = Field(description="'{if_no}', '{changes}'.")
    layers_dropped: str = Field(description="'{layers}'.")
    actions_dropped: str = Field(description="'{count}', '{actions}'.")
    and_: str = Field(description="Joins the two changes.")
    roles: str
    no_role_applies: str
    why: str
    sources: str
    layers: str
    legal_force: str
    regulators: str
    why_applies: str
    your_answers: str
    in_practice: str
    your_role: str = Field(description="'{role}': why an action is in the plan.")
    engaged: str = Field(description="'{layer}': why an action is in the plan.")
    checklist: str
    columns: list[str] = Field(min_length=7, max_length=7, description="#, action … sources.")
    source_line: str = Field(description="'{title}', '{force}', '{url}', '{note}'.")
    sources_heading: str
    provisional: str
    caveats: str
    assessment: str = Field(description="'{name}': the terminal view's title.")
    role: str
    action: str
    owner: str
    priority: str
    phase: str
    due_column: str
    status: str
    list_sep: str = Field(description="Between names in a list (', ' or '、').")
    item_sep: str = Field(description="Between titles or reasons in a list ('; ' or '／').")
    colon: str = Field(description="After a bold lead-in (': ' or '：').")
    cite: str = Field(description="'{name}', '{section}'.")
    statuses: dict[str, str]
    priorities: dict[str, str]
    phases: dict[str, str]

    @model_validator(mode="after")
    def _every_status_priority_and_phase(self) -> PlanText:
        # Literal lists: the enums live further down (Phase, Priority) or in tools (Status).
        wanted = {
            "statuses": {"todo", "doing", "done", "not_applicable"},
            "priorities": {"high", "medium", "low"},
            "phases": {"govern", "plan", "build", "deploy", "operate"},
        }
        for field, keys in wanted.items():
            missing = keys - set(getattr(self, field))
            if missing:
                raise ValueError(f"{field} has no label for {', '.join(sorted(missing))}")
        return self


class Labels(Strict):
    """knowledge/data/labels.yaml: the wording for legal forces and for the layers of a plan."""

    legal_force: dict[LegalForce, str]
    legal_force_ja: dict[LegalForce, str] = Field(default_factory=dict)
    layers: list[LayerHeading] = Field(description="In the order a plan lists them.")
    sections_ja: dict[str, str] = Field(
        default_factory=dict,
        description="Words of citation sections in Japanese ('Appendix 7' and 'Art. 13' are "
        "rewritten by rule; these are the rest).",
    )
    plan_text: dict[Lang, PlanText] = Field(
        description="The plan's headings and sentences, per language (English required)."
    )

    def force_label(self, force: LegalForce, lang: str) -> str:
        if lang == "ja" and force in self.legal_force_ja:
            return self.legal_force_ja[force]
        return self.legal_force[force]

    def text(self, lang: str) -> PlanText:
        """The plan's wording in `lang` (English when there is none)."""
        return self.plan_text.get("ja" if lang == "ja" else "en") or self.plan_text["en"]

    @field_validator("plan_text")
    @classmethod
    def _english_plan_text(cls, value: dict[Lang, PlanText]) -> dict[Lang, PlanText]:
        if "en" not in value:
            raise ValueError("no English plan text ('en')")
        return value

    @field_validator("legal_force")
    @classmethod
    def _every_force_has_a_label(cls, value: dict[LegalForce, str]) -> dict[LegalForce, str]:
        missing = [force.value for force in LegalForce if force not in value]
        if missing:
            raise ValueError(f"no label for {', '.join(missing)}")
        return value


LABELS_FILE = Path(__file__).parent / "data" / "labels.yaml"


@derived
def load_labels() -> Labels:
    from knowledge.yaml_files import safe_load

    return Labels.model_validate(safe_load(LABELS_FILE.read_text(encoding="utf-8")))


class _ForceLabels(Mapping[LegalForce, str]):
    """LEGAL_FORCE_LABELS reads labels.yaml on first use (the wording is data, not code)."""

    def __getitem__(self, force: LegalForce) -> str:
        return load_labels().legal_force[LegalForce(force)]

    def __iter__(self) -> Iterator[LegalForce]:
        return iter(load_labels().legal_force)

    def __len__(self) -> int:
        return len(load_labels().legal_force)


LEGAL_FORCE_LABELS: Mapping[LegalForce, str] = _ForceLabels()


class SourceKind(StrEnum):
    statute = "statute"
    cabinet_decision = "cabinet_decision"
    statutory_guideline = "statutory_guideline"
    soft_law_guideline = "soft_law_guideline"
    government_internal_guideline = "government_internal_guideline"
    regulator_alert = "regulator_alert"
    official_interpretation = "official_interpretation"
    international_code = "international_code"
    reporting_framework = "reporting_framework"
    technical_guide = "technical_guide"


class Citation(Strict):
    """A pointer into an official instrument: `source` is a Source id."""

    source: Id
    section: str | None = Field(default=None, description="Article, chapter, section or page.")

    def label(self) -> str:
        return f"{self.source}, {self.section}" if self.section else self.source


class Verification(Strict):
    """A page a source's facts were checked against, and when."""

    url: str = Field(pattern=r"^https?://")
    checked: dt.date


class KeyDate(Strict):
    event: str = Field(description="What happened, e.g. 'promulgated', 'in force', 'version 1.2'.")
    event_ja: str | None = Field(default=None, description="The event in Japanese (kb check).")
    date: dt.date


class Source(Strict):
    """An official instrument that answers cite."""

    id: Id
    title_en: str
    title_ja: str
    short_name: str
    short_name_ja: str | None = Field(default=None, description="Japanese short name (kb check).")
    kind: SourceKind
    issuer: str
    issuer_ja: str | None = Field(default=None, description="The issuer in Japanese (kb check).")
    legal_force: LegalForce
    legal_force_note: str | None = Field(
        default=None, description="One line qualifying legal_force, e.g. the binding law behind it."
    )
    legal_force_note_ja: str | None = None
    dates: list[KeyDate] = Field(min_length=1)
    version: str | None = None
    url: str = Field(pattern=r"^https://")
    english_url: str | None = None
    also_at: list[str] = Field(
        default_factory=list, description="Other official pages for it, e.g. a co-issuer's."
    )
    provisional_translation: bool = False
    summary: str
    unconfirmed: list[str] = Field(
        default_factory=list, description="Facts from secondary reporting, said with a caveat."
    )
    checked: dt.date = Field(description="When this entry's facts were last verified.")
    review_by: dt.date = Field(description="When they are due for re-verification (kb check).")
    verified: list[Verification] = Field(
        default_factory=list, description="Official or reputable pages the facts were checked on."
    )

    @field_validator("legal_force")
    @classmethod
    def _an_instrument_is_covered(cls, value: LegalForce) -> LegalForce:
        if value is LegalForce.not_covered:
            raise ValueError("'not_covered' is for triggers; a source has a real legal force")
        return value


class Institution(Strict):
    id: Id
    name_en: str
    name_ja: str
    parent: str | None = None
    does: list[str] = Field(min_length=1)
    does_not: list[str] = Field(default_factory=list)
    facts: list[str] = Field(default_factory=list)
    dates: list[KeyDate] = Field(default_factory=list, description="e.g. first meeting.")
    citations: list[Citation] = Field(min_length=1)


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


class TopicCard(Strict):
    """An answer card: a question people ask and Shirube's grounded answer to it."""

    id: Id
    title: str
    questions: list[str] = Field(min_length=3)
    answer: str
    # A short sentence, not a bool: the brief's answers include "Often, yes." and "Not directly."
    yes_no: str | None = Field(
        default=None,
        max_length=40,
        pattern=r"^[A-Z][^.]*\.$",
        description="For yes/no questions: the direct answer ('Yes.' / 'No.' / 'Often, yes.').",
    )
    key_facts: list[str] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    related: list[Id] = Field(default_factory=list)
    facts: list[Id] = Field(
        default_factory=list, description="Fact ids (facts/*.yaml) the card shows, in order."
    )
    citations: list[Citation] = Field(min_length=1)

    @field_validator("questions")
    @classmethod
    def _questions_are_questions(cls, value: list[str]) -> list[str]:
        for question in value:
            if not question.strip():
                raise ValueError("empty question phrasing")
        return value


class RuleBaseMeta(Strict):
    as_of: dt.date
    title: str
    disclaimer: str


class Facet(StrEnum):
    """What a fact tells about its entities; a question asks for one facet per part."""

    what = "what"  # what it is, in a sentence
    when = "when"  # dates: promulgation, in force, versions
    legal_force = "legal_force"  # binding or not, for whom
    penalty = "penalty"  # sanctions, fines, enforcement
    who = "who"  # who issues, runs or enforces it
    scope = "scope"  # whom or what it covers
    duty = "duty"  # what it asks those it covers to do
    does_not = "does_not"  # what it does not do (bans, tiers, registration…)
    how_to = "how_to"  # practical steps
    compare = "compare"  # comparison with another regime (EU, US)
    example = "example"  # an illustration
    identifier = "identifier"  # its official title and number ("Act No. 53 of 2025")


class ExceptionOf(Strict):
    """The general rule a fact states an exception to, or a narrower case of: asked yes or no
    without the narrower case's own words, the general rule answers and the exception follows."""

    fact: Id = Field(description="The fact (facts/*.yaml) stating the general rule.")
    answers: str = Field(
        pattern=r"^(Yes|No), generally\.$",
        description="The general rule's answer to a yes/no question on this fact's facet.",
    )


class Fact(Strict):
    """One statement Shirube can make, in its own words, about named entities, with citations."""

    id: Id
    text: str = Field(min_length=10, description="One or two sentences; the product's own words.")
    text_ja: str | None = Field(
        default=None,
        min_length=5,
        description="The same statement for Japanese readers (kb check).",
    )
    about: list[Id] = Field(min_length=1, description="Entity ids (entities.yaml) it is about.")
    facet: Facet
    answers: str | None = Field(
        default=None,
        pattern=r"^(Yes|No|Not directly|Often, yes|It depends)\.$",
        description="The direct answer it gives to a yes/no question of its facet, if any.",
    )
    refutes: list[Id] = Field(
        default_factory=list, description="Premise ids (premises.yaml) this fact shows false."
    )
    exception_of: ExceptionOf | None = Field(
        default=None, description="The general rule this fact narrows, if it states a case of it."
    )
    cites: list[Citation] = Field(min_length=1)


class EntityKind(StrEnum):
    instrument = "instrument"
    institution = "institution"
    role = "role"
    sector = "sector"
    technology = "technology"
    concept = "concept"
    jurisdiction = "jurisdiction"


class Entity(Strict):
    """Something questions name: an instrument, body, role, sector, technology or concept."""

    id: Id
    kind: EntityKind
    name: str
    name_ja: str | None = None
    aliases: list[str] = Field(
        default_factory=list, description="Lower-case phrases and abbreviations users type."
    )
    source: Id | None = Field(default=None, description="For an instrument: its sources.yaml id.")
    covered: bool = Field(
        default=True,
        description="False for a named thing the rule base does not cover (answers say so).",
    )
    nearby: list[Id] = Field(
        default_factory=list, description="Covered entities to point to when this one is not."
    )
    ai_specific: bool = Field(
        default=False,
        description="A concept about AI by nature (training on copyrighted works, who owns AI "
        "output): a question naming it is about AI governance without the word 'AI'.",
    )


class Premise(Strict):
    """A false belief a question may carry ("the AI Act bans X"), with the words that show it."""

    id: Id
    name: str = Field(description="How the correction names it, e.g. 'a list of banned AI uses'.")
    cues: list[str] = Field(min_length=1, description="Regular expressions, case-insensitive.")
    claims: list[str] = Field(
        default_factory=list,
        description="The belief in plain words ('ai rules only cover developers'): a claim a "
        "question states as given ('since…', '…, right?') is matched against them, typos and "
        "word order aside.",
    )
    terms: list[str] = Field(
        default_factory=list,
        description="Regular expressions naming the thing believed in ('licen[cs]', 'high-risk'): "
        "a wh-question or a stated claim that names it presupposes the belief ('which agency "
        "licenses…', '…is high-risk, so…'); a yes/no question only asks.",
    )
    needs_duty: bool = Field(
        default=False,
        description="The belief is a duty ('labels are required'): a term presupposes it only "
        "beside a duty word ('how should we label' asks advice).",
    )
    plain_on: Facet | None = Field(
        default=None,
        description="The facet a yes/no question about the belief asks plainly ('Is the Article "
        "13 guideline legally binding?' asks legal force): looked up on it, not corrected, "
        "unless the belief is stated as given.",
    )

    _terms = field_validator("terms")(lambda v: [compiles(p) for p in v])

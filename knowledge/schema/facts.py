"""What answers are made of: facts on a facet about entities, false premises, topic cards."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, field_validator

from knowledge.schema.base import Citation, Id, Strict, compiles


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
    not_covered: bool = Field(
        default=False,
        description="The fact says where Shirube's rule base stops ('Not covered by Shirube: "
        "…'): an answer it leads is a not-covered answer.",
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
    own_law_covered: bool = Field(
        default=True,
        description="For a sector: False where the rule base does not hold the sector's own "
        "law (a use case in it says so plainly, naming no law).",
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
    bare_words: bool = Field(
        default=False,
        description="Its cues or terms include the thing's bare word ('registered', 'licence', "
        "'banned', 'high-risk'): in a sentence that only describes the asker's use (before the "
        "one asked, with no duty word, no claim stated as given and no law or body named) the "
        "word describes the use and carries no belief.",
    )
    other_senses: list[str] = Field(
        default_factory=list,
        description="Regular expressions for the cue words used of something else than the AI "
        "or its use ('registered job seekers', 'a publisher sells a text-mining licence'): "
        "those words carry no belief.",
    )

    _terms = field_validator("terms", "other_senses")(lambda v: [compiles(p) for p in v])

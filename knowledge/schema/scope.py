"""scope.yaml: what the guard, the composer and the verifier read a question against (Japan and
topic terms, other jurisdictions, injection patterns, instrument aliases, claims, messages).

agent/scope_data.py compiles the patterns; kb check validates the file through this model.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Alias(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    pattern: str
    sources: list[str]


class Intent(BaseModel):
    """What a question asks for (a date, a number, a body) and how a fact that gives it looks."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    question: str
    fact: str


class Gloss(BaseModel):
    """A Japanese term and the English words the rule base uses for it (for retrieval)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    pattern: str
    english: str


class InstructionClauses(BaseModel):
    """Where an instruction ends inside the sentence that also asks a question (the guard keeps
    the question): words, each matched whole."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    asking: list[str] = Field(min_length=1, description="Words that open the question after it.")
    joiner: str = Field(description="The word joining order and question ('and').")
    sequel: str = Field(description="The word that may open the question after a comma ('then').")
    ends_ja: list[str] = Field(min_length=1, description="Japanese te-forms ending an order.")
    labels: list[str] = Field(
        default_factory=list,
        description="Labels put before the real question beside an order ('Question:', '質問：').",
    )


class ScopeData(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    japan_terms: list[str]
    japan_instruments: list[str]
    topic_terms: list[str]
    ai_terms: list[str] = Field(default_factory=list)
    use_case_terms: list[str] = Field(default_factory=list)
    other_jurisdictions: list[str]
    jurisdiction_as_place: list[str] = Field(default_factory=list)
    asked_without_ai: list[str] = Field(
        default_factory=list,
        description="Binding statutes (entity ids) whose own subjects are in scope without AI.",
    )
    data_terms: list[str] = Field(
        default_factory=list,
        description="Words that say a question is about data or information: a statute's subject "
        "asked without AI counts only beside one ('a leak' of what?).",
    )
    injection_patterns: list[str]
    instruction_clauses: InstructionClauses
    part_splitters: list[str]
    yes_no_openings: list[str]
    instrument_aliases: list[Alias]
    binding_claim: str
    penalty_claim: str
    negations: str
    out_of_scope_message: str
    injection_message: str
    injection_ignored_notice: str
    out_of_scope_message_ja: str
    injection_message_ja: str
    injection_ignored_notice_ja: str
    question_intents: list[Intent] = Field(default_factory=list)
    glossary: list[Gloss] = Field(default_factory=list)
    law_names: list[str] = Field(default_factory=list)
    law_name_lead_words: list[str] = Field(default_factory=list)
    not_law_names: list[str] = Field(default_factory=list)
    not_law_endings: list[str] = Field(
        default_factory=list,
        description="Words no law's name ends in ('手法', '方法'): '攻撃手法' is a method, "
        "not a law.",
    )
    partial_cover: str = "{law}'s rules on {topic}"
    partial_cover_ja: str = "{law}の{topic}に関する規定"

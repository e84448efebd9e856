"""What the headless API and the MCP tools return: typed, JSON-ready, every citation resolved.

A citation in the rule base is `{source, section}`; callers outside Shirube also need the title,
the URL and how far the instrument binds, so every result carries them (from sources.yaml).
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from agent.state import Answer
from core.profile import UseCaseProfile
from knowledge.loader import RuleBase, load_rule_base
from knowledge.schema import LEGAL_FORCE_LABELS, Citation, Facet, LegalForce, Source
from tools.assess import Assessment, Caveat
from tools.checklist import ChecklistItem
from tools.roles import RoleResult
from tools.triggers import TriggerResult

START_HERE = 3  # the first actions of a plan, as `shirube ask` lists them for a use case


class SourceCitation(BaseModel):
    """One citation, resolved: which instrument, where in it, and how far it binds."""

    source: str = Field(description="Source id (see list_sources).")
    section: str | None = Field(default=None, description="Article, chapter or page cited.")
    title: str = Field(description="The instrument's English title.")
    title_ja: str = Field(description="Its official Japanese title (the Japanese text controls).")
    url: str = Field(description="The official text.")
    legal_force: LegalForce
    legal_force_label: str = Field(description="legal_force in words, e.g. 'non-binding soft law'.")

    @classmethod
    def of(cls, source: Source, section: str | None) -> SourceCitation:
        return cls(
            source=source.id,
            section=section,
            title=source.title_en,
            title_ja=source.title_ja,
            url=source.url,
            legal_force=source.legal_force,
            legal_force_label=LEGAL_FORCE_LABELS[source.legal_force],
        )

    @classmethod
    def resolve(cls, citations: list[Citation], rule_base: RuleBase) -> list[SourceCitation]:
        return [
            cls.of(rule_base.sources[c.source], c.section)
            for c in citations
            if c.source in rule_base.sources
        ]


class SourceInfo(Source):
    """An instrument as sources.yaml describes it, with its legal force in words."""

    legal_force_label: str

    @classmethod
    def of(cls, source: Source) -> SourceInfo:
        return cls(**dict(source), legal_force_label=LEGAL_FORCE_LABELS[source.legal_force])


class SourcesResult(BaseModel):
    """Every instrument Shirube cites, and the date the rule base speaks for."""

    as_of: dt.date = Field(description="The rule base's as-of date: law after it is not covered.")
    disclaimer: str
    sources: list[SourceInfo]


class AsOf(BaseModel):
    """The rule base's as-of date and what it means."""

    as_of: dt.date
    title: str
    disclaimer: str


class AskCitation(SourceCitation):
    """A numbered source under an answer: [number] in the text points here. Title, section and
    legal_force_label are in the answer's language, as `shirube ask` prints them."""

    number: int
    excerpt: str = Field(description="The rule-base text the citation supports, shortened.")


class AskResult(BaseModel):
    """`shirube ask`'s answer as structured content: the text and its numbered, resolved sources."""

    question: str
    answer: str = Field(description="Markdown; [1] [2] … match `citations` by number.")
    lang: str = Field(description="The answer's language: 'en' or 'ja'.")
    citations: list[AskCitation]
    scope: str = Field(description="'in', or 'out' when the question is not about Japan's AI law.")
    route: str | None = Field(default=None, description="How the engine answered it.")
    mode: str = Field(description="'offline': composed from the rule base, no model.")
    notice: str | None = None
    fact_ids: list[str] = Field(description="The rule-base facts the answer states.")
    as_of: dt.date = Field(description="The rule base's as-of date.")

    @classmethod
    def of(cls, answer: Answer) -> AskResult:
        rule_base = load_rule_base()
        citations = [
            AskCitation(
                source=cite.id,
                section=cite.section,
                title=cite.title,
                title_ja=rule_base.sources[cite.id].title_ja,
                url=cite.url,
                legal_force=LegalForce(cite.legal_force),
                legal_force_label=cite.label or cite.legal_force_label,
                number=number,
                excerpt=cite.excerpt,
            )
            for number, cite in enumerate(answer.citations, start=1)
        ]
        return cls(
            question=answer.question,
            answer=answer.answer,
            lang=answer.lang,
            citations=citations,
            scope=answer.scope,
            route=answer.route,
            mode=answer.mode,
            notice=answer.notice,
            fact_ids=answer.fact_ids,
            as_of=rule_base.meta.as_of,
        )


class EntityInfo(BaseModel):
    """What `lookup_facts` understood the entity to be."""

    id: str
    name: str
    name_ja: str | None = None
    kind: str
    covered: bool = Field(description="False: named by users but not covered by the rule base.")
    nearby: list[str] = Field(default_factory=list, description="Covered entities to try instead.")


class CitedFact(BaseModel):
    """One statement from the rule base, in Shirube's words, with its citations."""

    id: str
    text: str
    facet: Facet
    answers: str | None = Field(default=None, description="Its yes/no answer, if it gives one.")
    citations: list[SourceCitation]


class FactsResult(BaseModel):
    """The rule base's facts about one entity, on one facet or all."""

    entity: EntityInfo
    facet: Facet | None
    facts: list[CitedFact]
    as_of: dt.date


class Layer(BaseModel):
    """One layer of the regime a use case engages (statute, guideline, hard law…)."""

    heading: str
    triggers: list[TriggerResult]


class AssessResult(BaseModel):
    """`shirube assess`'s plan, grouped for reading: roles, layers, where to start, checklist."""

    profile: UseCaseProfile
    summary: str
    roles: list[RoleResult]
    layers: list[Layer] = Field(description="Engaged layers, each with its legal force.")
    start_here: list[ChecklistItem] = Field(description="The first actions of the checklist.")
    checklist: list[ChecklistItem]
    caveats: list[Caveat]
    sources: list[SourceCitation] = Field(
        description="Every instrument the plan cites (section null), in first-cited order."
    )
    as_of: dt.date

    @classmethod
    def of(cls, assessment: Assessment) -> AssessResult:
        from tools.render.common import cited_sources, layers, summary_line

        return cls(
            profile=assessment.profile,
            summary=summary_line(assessment),
            roles=assessment.roles,
            layers=[Layer(heading=h, triggers=t) for h, t in layers(assessment)],
            start_here=assessment.checklist[:START_HERE],
            checklist=assessment.checklist,
            caveats=assessment.caveats,
            sources=[SourceCitation.of(s, None) for s in cited_sources(assessment)],
            as_of=assessment.rule_base_as_of,
        )

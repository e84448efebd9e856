"""The official instruments answers cite (sources.yaml) and the institutions behind them."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import Field, field_validator

from knowledge.schema.base import Citation, Id, LegalForce, Strict


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

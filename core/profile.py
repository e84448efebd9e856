"""The use-case profile: the public interface every tool, the interview and the CLI share."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Organisation = Literal["company", "government", "local_government", "research", "other"]
Customer = Literal["consumers", "businesses", "government"]
PersonalData = Literal["none", "personal", "sensitive"]
# 'employment' is recruiting job seekers (the Employment Security Act); managing existing staff is
# no sector. 'education' is primary and secondary schooling (MEXT's guideline), not universities.
Sector = Literal[
    "health",
    "finance",
    "employment",
    "education",
    "critical_infrastructure",
    "public_services",
    "mobility",
]
ProcurementRole = Literal["none", "buyer", "supplier"]
TeamSize = Literal["solo", "startup", "sme", "enterprise", "public_body"]
# Profile fields the interview does not ask as a question of their own.
UNASKED_FIELDS = frozenset({"unsure"})


class UseCaseProfile(BaseModel):
    """What an organisation does with AI; answers to the interview, or a JSON/YAML file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(default="", description="A short name for the use case.")
    description: str = Field(default="", description="What the AI does, in your own words.")
    organisation: Organisation = Field(
        default="company", description="What kind of organisation runs the use case."
    )
    builds_models: bool = Field(
        default=False, description="Develops, trains or fine-tunes AI models or systems."
    )
    offers_to_others: bool = Field(
        default=False, description="Provides an AI-enabled product or service to others."
    )
    uses_in_operations: bool = Field(
        default=False, description="Uses AI in its own business or administrative work."
    )
    customers: list[Customer] = Field(default_factory=list, description="Who the users are.")
    personal_data: PersonalData = Field(
        default="none",
        description="'personal', or 'sensitive' for special care-required personal information.",
    )
    personal_data_beyond_output: bool = Field(
        default=False,
        description=(
            "Inputs may be used beyond returning the output, e.g. the provider trains on them."
        ),
    )
    personal_data_abroad: bool = Field(
        default=False,
        description="Personal data goes to a provider or servers outside Japan (a foreign AI API).",
    )
    copyrighted_material: bool = Field(
        default=False, description="Trains on, retrieves or generates from copyrighted works."
    )
    sectors: list[Sector] = Field(default_factory=list, description="Regulated sectors touched.")
    medical_purpose: bool = Field(
        default=False,
        description="Meant to diagnose, treat or prevent disease (a possible medical device).",
    )
    synthetic_media: bool = Field(
        default=False, description="Generates realistic images, voice or video of people."
    )
    advanced_model: bool = Field(
        default=False,
        description="Builds, offers or uses an advanced, general-purpose or foundation model.",
    )
    generative_ai: bool = Field(
        default=False,
        description="Generative AI (text, image, voice), as opposed to classic ML or rule systems.",
    )
    outside_japan: bool = Field(
        default=False, description="Operator based outside Japan serving users in Japan."
    )
    government_procurement: ProcurementRole = Field(
        default="none", description="Buys AI as a government body, or supplies AI to government."
    )
    decisions_about_people: bool = Field(
        default=False,
        description="Outputs feed decisions about individuals (hiring, credit, triage, benefits).",
    )
    team_size: TeamSize | None = Field(
        default=None, description="Who will do the work: sets the owner of each action."
    )
    launch_date: dt.date | None = Field(
        default=None, description="When the product launches: sets each action's due date."
    )
    unsure: list[str] = Field(
        default_factory=list,
        description="Fields answered 'not sure': assumed the cautious way, listed to confirm.",
    )

"""Scripted interviews: answers exactly as a user would type them, and the profile they give."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Scenario:
    name: str
    answers: dict[str, str]
    """Typed answers by question id; questions left out are skipped (default)."""
    expected: dict[str, Any]
    """Profile fields that must differ from the defaults (the rest stay default)."""
    asked_extra: tuple[str, ...] = field(default=())


SCENARIOS: list[Scenario] = [
    Scenario(
        name="support_chatbot",
        answers={
            "name": "Support chatbot",
            "description": "Answers customer questions on our website from product manuals.",
            "organisation": "1",
            "builds_models": "no",
            "offers_to_others": "yes",
            "uses_in_operations": "n",
            "customers": "consumers, businesses",
            "personal_data": "personal",
            "personal_data_beyond_output": "y",
            "copyrighted_material": "yes",
            "sectors": "none",
        },
        expected={
            "name": "Support chatbot",
            "description": "Answers customer questions on our website from product manuals.",
            "offers_to_others": True,
            "customers": ["consumers", "businesses"],
            "personal_data": "personal",
            "personal_data_beyond_output": True,
            "copyrighted_material": True,
        },
    ),
    Scenario(
        name="ministry_drafting",
        answers={
            "name": "Drafting assistant",
            "description": "Staff draft internal documents with a hosted generative AI tool.",
            "organisation": "A national ministry or agency",
            "uses_in_operations": "true",
            "customers": "none",
            "personal_data": "none",
            "generative_ai": "yes",
            "government_procurement": "buyer",
        },
        expected={
            "name": "Drafting assistant",
            "description": "Staff draft internal documents with a hosted generative AI tool.",
            "organisation": "government",
            "uses_in_operations": True,
            "generative_ai": True,
            "government_procurement": "buyer",
        },
    ),
    Scenario(
        name="cv_screening",
        answers={
            "name": "CV screening",
            "description": "Ranks job applicants from their CVs.",
            "organisation": "company",
            "uses_in_operations": "Y",
            "personal_data": "3",
            "personal_data_beyond_output": "no",
            "sectors": "employment",
            "decisions_about_people": "yes",
        },
        expected={
            "name": "CV screening",
            "description": "Ranks job applicants from their CVs.",
            "uses_in_operations": True,
            "personal_data": "sensitive",
            "sectors": ["employment"],
            "decisions_about_people": True,
        },
    ),
    Scenario(
        name="foundation_model_lab",
        answers={
            "name": "Open LLM",
            "description": "We pre-train a general-purpose language model and release it.",
            "organisation": "research",
            "builds_models": "yes",
            "offers_to_others": "yes",
            "customers": "1,2,3",
            "personal_data": "none",  # skipping it would mean 'not sure' (issue 19)
            "copyrighted_material": "yes",
            "advanced_model": "yes",
            "outside_japan": "yes",
            "government_procurement": "supplier",
        },
        expected={
            "name": "Open LLM",
            "description": "We pre-train a general-purpose language model and release it.",
            "organisation": "research",
            "builds_models": True,
            "offers_to_others": True,
            "customers": ["consumers", "businesses", "government"],
            "copyrighted_material": True,
            "advanced_model": True,
            "outside_japan": True,
            "government_procurement": "supplier",
        },
    ),
    Scenario(
        name="city_benefits_supplier",
        answers={
            "name": "Benefits triage",
            "description": "Our service helps a city triage benefit applications.",
            "offers_to_others": "yes",
            "customers": "government",
            "personal_data": "sensitive",
            "personal_data_beyond_output": "no",
            "sectors": "public services, health",
            "government_procurement": "3",
            "decisions_about_people": "yes",
        },
        expected={
            "name": "Benefits triage",
            "description": "Our service helps a city triage benefit applications.",
            "offers_to_others": True,
            "customers": ["government"],
            "personal_data": "sensitive",
            "sectors": ["health", "public_services"],
            "government_procurement": "supplier",
            "decisions_about_people": True,
        },
    ),
    Scenario(
        name="voice_avatar",
        answers={
            "name": "Voice avatar",
            "description": "Generates video of a presenter speaking with a cloned voice.",
            "offers_to_others": "yes",
            "customers": "consumers",
            "personal_data": "none",
            "synthetic_media": "yes",
            "copyrighted_material": "yes",
        },
        expected={
            "name": "Voice avatar",
            "description": "Generates video of a presenter speaking with a cloned voice.",
            "offers_to_others": True,
            "customers": ["consumers"],
            "synthetic_media": True,
            "copyrighted_material": True,
        },
    ),
]

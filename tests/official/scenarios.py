"""Scenario profiles for the worksheet tests, with the sheets each workbook must hold."""

from __future__ import annotations

from typing import Any

# name -> (profile fields, expected sheet ids in official order)
SCENARIOS: dict[str, tuple[dict[str, Any], list[str]]] = {
    "recruiting_screener": (
        {
            "name": "Recruiting screener",
            "offers_to_others": True,
            "uses_in_operations": True,
            "customers": ["businesses"],
            "personal_data": "personal",
            "decisions_about_people": True,
            "sectors": ["employment"],
        },
        ["common", "gov", "prov", "user"],
    ),
    "consumer_chatbot_third_party_model": (
        {
            "name": "Support chatbot",
            "offers_to_others": True,
            "customers": ["consumers"],
            "personal_data": "personal",
            "personal_data_beyond_output": True,
        },
        ["common", "gov", "prov"],
    ),
    "foundation_model_lab": (
        {
            "name": "Foundation model lab",
            "builds_models": True,
            "offers_to_others": True,
            "customers": ["businesses", "consumers"],
            "copyrighted_material": True,
            "advanced_model": True,
        },
        ["common", "gov", "dev", "prov", "hiroshima"],
    ),
    "internal_copilot": (
        {"name": "Internal drafting assistant", "uses_in_operations": True},
        ["common", "gov", "user"],
    ),
    "advanced_model_user": (
        {
            "name": "Analyst using a frontier model",
            "uses_in_operations": True,
            "advanced_model": True,
            "personal_data": "personal",
        },
        ["common", "gov", "user", "hiroshima"],
    ),
    "government_buyer": (
        {
            "name": "Ministry drafting tool",
            "organisation": "government",
            "uses_in_operations": True,
            "government_procurement": "buyer",
            "generative_ai": True,
        },
        # The AIGfB address public bodies too: a ministry using AI is a business user (audit X1).
        ["common", "gov", "user"],
    ),
    "model_developer_only": (
        {"name": "Model licensing start-up", "builds_models": True, "customers": ["businesses"]},
        ["common", "gov", "dev"],
    ),
    "deepfake_app": (
        {
            "name": "Avatar video app",
            "builds_models": True,
            "offers_to_others": True,
            "customers": ["consumers"],
            "synthetic_media": True,
            "personal_data": "sensitive",
        },
        ["common", "gov", "dev", "prov"],
    ),
    "government_supplier": (
        {
            "name": "Records search for city halls",
            "offers_to_others": True,
            "customers": ["government"],
            "government_procurement": "supplier",
            "outside_japan": True,
        },
        ["common", "gov", "prov"],
    ),
}

"""The assessment tools as LangChain tools, for the agent and the interview graph.

Each takes the use-case profile's fields as arguments and returns JSON-serialisable dicts.
"""

from __future__ import annotations

from typing import Any

from langchain_core.tools import BaseTool, StructuredTool

from core.profile import UseCaseProfile
from tools.checklist import build_checklist
from tools.roles import classify_roles
from tools.triggers import lookup_triggers


def _profile(kwargs: dict[str, Any]) -> UseCaseProfile:
    return UseCaseProfile.model_validate(kwargs)


def classify_roles_tool(**kwargs: Any) -> list[dict[str, Any]]:
    """Classify which AI-governance roles a use case puts the organisation in."""
    return [role.model_dump(mode="json") for role in classify_roles(_profile(kwargs))]


def lookup_triggers_tool(**kwargs: Any) -> list[dict[str, Any]]:
    """Look up every instrument or body of Japanese law the use case engages."""
    return [trigger.model_dump(mode="json") for trigger in lookup_triggers(_profile(kwargs))]


def build_checklist_tool(**kwargs: Any) -> list[dict[str, Any]]:
    """Build the governance checklist for the use case, ordered by priority and phase."""
    return [item.model_dump(mode="json") for item in build_checklist(_profile(kwargs))]


def _tool(func: Any, name: str, description: str) -> BaseTool:
    return StructuredTool.from_function(
        func=func,
        name=name,
        description=description,
        args_schema=UseCaseProfile,
        infer_schema=False,
    )


ASSESSMENT_TOOLS: list[BaseTool] = [
    _tool(
        classify_roles_tool,
        "classify_roles",
        "Given an AI use-case profile, return every role the organisation holds under Japan's "
        "AI governance (developer, provider, business user, government body, ...) with the "
        "answers that led there and citations.",
    ),
    _tool(
        lookup_triggers_tool,
        "lookup_triggers",
        "Given an AI use-case profile, return every layer of Japan's AI regulation it engages "
        "(AI Promotion Act, Article 13 guideline, AI Guidelines for Business, procurement, "
        "privacy, copyright, sector law) with legal force, regulators, why and citations.",
    ),
    _tool(
        build_checklist_tool,
        "build_checklist",
        "Given an AI use-case profile, return the governance actions to take, ordered by "
        "priority and lifecycle phase, each with why, owner and citations.",
    ),
]

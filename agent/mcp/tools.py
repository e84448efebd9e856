"""The MCP tools: thin wrappers over agent.api, each returning structured content.

A UsageError from the API becomes a ToolError: the host's model reads the message and retries;
anything else is a crash the SDK reports without its text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Annotated, Any

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp.types import ToolAnnotations
from pydantic import Field, StringConstraints

from agent import api
from agent.api.ask import Lang as AskLang
from agent.api.changes import ChangesResult
from agent.api.models import AskResult, AssessResult, FactsResult, SourcesResult
from agent.mcp.errors import request_lang
from agent.qa import MAX_QUESTION_CHARS
from core.config import Settings
from core.errors import UsageError
from core.profile import UseCaseProfile
from knowledge.schema import Facet
from knowledge.ui_labels import os_error_message

# Every tool reads the packaged rule base and the local index: nothing is written or sent.
READ_ONLY = ToolAnnotations(read_only_hint=True, open_world_hint=False, idempotent_hint=True)

Question = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_QUESTION_CHARS),
    Field(
        description="A question about AI regulation in Japan, in English or Japanese.",
        examples=["Does Japan's AI Act have penalties?", "AI推進法に罰則はありますか？"],
    ),
]
Lang = Annotated[
    AskLang | None,
    Field(description="The answer's language, 'en' or 'ja'; left out, the question's own."),
]
Entity = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    Field(
        description="An entity id or name: an instrument, body, role, sector or technology.",
        examples=["ai_promotion_act", "AI推進法"],
    ),
]
FacetArg = Annotated[
    Facet | None, Field(description="Only facts on this facet; leave out for all facets.")
]
Profile = Annotated[
    UseCaseProfile,
    Field(
        description="The use case: the fields of a Shirube profile file (all optional).",
        examples=[{"offers_to_others": True, "personal_data": "personal"}],
    ),
]
Since = Annotated[
    dt.date | None,
    Field(description="Only changes on or after this date (YYYY-MM-DD).", examples=["2026-04-01"]),
]


@contextmanager
def _as_tool_error(arguments: Mapping[str, Any]) -> Iterator[None]:
    """Bad input and an unusable data dir as one message for the host (as the CLI says them),
    in the request's language (`arguments`: what it was called with)."""
    try:
        yield
    except UsageError as exc:
        raise ToolError(str(exc)) from None  # the API words these in the request's language
    except OSError as exc:
        raise ToolError(os_error_message(exc, request_lang(arguments))) from None


def register_tools(server: MCPServer, settings: Settings) -> None:
    """Add ask, assess, lookup_facts, list_sources and changes to `server`."""

    def ask(question: Question, lang: Lang = None) -> AskResult:
        """Answer a question about Japan's AI regulation from Shirube's rule base (offline).

        Returns the answer (Markdown, [n] marks) and its numbered citations: source id, section,
        title, URL and legal force. State only what the answer and its citations say.
        """
        with _as_tool_error({"question": question, "lang": lang}):
            return AskResult.of(api.ask(question, offline=True, lang=lang, settings=settings))

    def assess(profile: Profile) -> AssessResult:
        """Assess an AI use case under Japan's AI regulation: the same plan as `shirube assess`.

        Returns the roles it puts the organisation in, the engaged layers with legal force and
        regulators, where to start, the full checklist, caveats and every cited instrument.
        """
        with _as_tool_error({"profile": profile.model_dump()}):
            return AssessResult.of(api.assess(profile))

    def lookup_facts(entity: Entity, facet: FacetArg = None) -> FactsResult:
        """The rule base's cited facts about one thing (an act, a body, a role, a technology).

        Facets: what, when, legal_force, penalty, who, scope, duty, does_not, how_to, compare,
        example, identifier. Each fact has its citations with legal force.
        """
        with _as_tool_error({"entity": entity}):
            return api.lookup_facts(entity, facet)

    def list_sources() -> SourcesResult:
        """Every official instrument Shirube cites: titles, dates, legal force, URLs, as-of date."""
        return api.list_sources()

    def changes(since: Since = None) -> ChangesResult:
        """What changed in Japan's AI regulation since a date, with citations."""
        with _as_tool_error({}):
            return api.changes(since)

    tools: list[Callable[..., Any]] = [ask, assess, lookup_facts, list_sources, changes]
    for tool in tools:
        server.add_tool(tool, annotations=READ_ONLY, structured_output=True)

"""The MCP resources: each instrument (`shirube://sources/{id}`) and the rule base's as-of date."""

from __future__ import annotations

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ResourceNotFoundError
from mcp.server.mcpserver.resources import FunctionResource

from agent import api
from agent.answer.lang import Lang
from core.config import get_settings
from core.errors import UsageError
from knowledge.loader import load_rule_base

JSON = "application/json"
AS_OF_URI = "shirube://as-of"
SOURCE_URI = "shirube://sources/{source_id}"


def _source_json(source_id: str) -> str:
    # A resource read carries no language of its own: the setting's, English when it is auto.
    lang: Lang = "ja" if get_settings().lang == "ja" else "en"
    try:
        return api.source(source_id, lang).model_dump_json(indent=2)
    except UsageError as exc:
        raise ResourceNotFoundError(str(exc)) from None


def register_resources(server: MCPServer) -> None:
    """One listed resource per instrument, the template for any id, and the as-of date."""

    @server.resource(AS_OF_URI, name="as-of", title="Rule base as-of date", mime_type=JSON)
    def as_of() -> str:
        """The date Shirube's rule base speaks for: later changes are not covered."""
        return api.as_of().model_dump_json(indent=2)

    @server.resource(SOURCE_URI, name="source", title="Official instrument", mime_type=JSON)
    def source(source_id: str) -> str:
        """One official instrument: titles, issuer, dates, legal force, URL, summary."""
        return _source_json(source_id)

    for found in load_rule_base().sources.values():
        server.add_resource(
            FunctionResource(
                uri=SOURCE_URI.format(source_id=found.id),
                name=found.id,
                title=found.short_name,
                description=f"{found.title_en} ({found.issuer})",
                mime_type=JSON,
                fn=lambda source_id=found.id: _source_json(source_id),
            )
        )

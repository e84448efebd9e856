"""`shirube mcp`: Shirube as a Model Context Protocol server (the official SDK's MCPServer).

Offline only: every answer comes from the packaged rule base and the local index; no model is
called and nothing leaves the machine. Stdout is the protocol channel: the SDK points file
descriptor 1 at stderr while it serves, so stray output (progress, warnings) never reaches it.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp.types import CallToolResult, InputRequiredResult
from pydantic import ValidationError

from agent import __version__, api
from agent.mcp.errors import explain
from agent.mcp.resources import register_resources
from agent.mcp.tools import register_tools
from agent.prompts import load
from core.config import Settings, get_settings
from core.errors import UsageError

NAME = "shirube"
PROMPT = "mcp_usage"


class ShirubeServer(MCPServer[Any]):
    """MCPServer whose argument errors read like Shirube's: field, problem, fix."""

    async def call_tool(
        self, name: str, arguments: dict[str, Any], context: Any = None
    ) -> CallToolResult | InputRequiredResult:
        try:
            return await super().call_tool(name, arguments, context)
        except ToolError as exc:
            if not isinstance(exc.__cause__, ValidationError):
                raise
            schemas = {tool.name: tool.input_schema for tool in await self.list_tools()}
            schema = schemas.get(name, {})
            raise ToolError(explain(name, exc.__cause__, schema, arguments)) from None


def _warm_up(settings: Settings) -> None:
    """Open (or build) the index in the background so the first `ask` does not wait for it."""
    # On failure the first `ask` meets the same problem and reports it as a tool error.
    with contextlib.suppress(UsageError, OSError):
        api.ready_index(settings)


def build_server(settings: Settings | None = None, *, warm: bool = False) -> ShirubeServer:
    """The server with its tools, resources and prompt; `warm` builds the index on start."""
    settings = settings or get_settings()
    usage = load(PROMPT).text

    @asynccontextmanager
    async def lifespan(_: MCPServer[Any]) -> AsyncIterator[dict[str, Any]]:
        if warm:
            threading.Thread(target=_warm_up, args=(settings,), daemon=True).start()
        yield {}

    server = ShirubeServer(
        NAME,
        title="Shirube: Japan's AI regulation, cited",
        instructions=usage,
        version=__version__,
        log_level="WARNING",  # the SDK logs each call at INFO; a host shows stderr as errors
        lifespan=lifespan,
    )
    register_tools(server, settings)
    register_resources(server)

    @server.prompt(name="shirube_usage", title="How to use Shirube's tools")
    def shirube_usage() -> str:
        """How to use Shirube's tools: cite every statement, never state law they did not return."""
        return usage

    return server


def _log_to_stderr() -> None:
    """Warnings and errors only, on stderr: the SDK would otherwise print every library's
    debug lines (the lexical index logs at DEBUG) into the host's log."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    logging.basicConfig(level=logging.WARNING, handlers=[handler], format="shirube: %(message)s")


def serve(settings: Settings | None = None) -> None:
    """Serve over stdio until the host closes the connection."""
    _log_to_stderr()  # first: the SDK's own logging setup then leaves it alone
    build_server(settings, warm=True).run("stdio")

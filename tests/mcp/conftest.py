"""MCP tests: one index (built once in the session data dir), one server, a client per test."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import anyio
import pytest
from mcp import Client

from agent.mcp.server import ShirubeServer, build_server
from core.config import Settings

T = TypeVar("T")


@pytest.fixture(scope="session")
def mcp_settings(session_home: Path) -> Settings:
    from knowledge.index.store import ensure_index

    settings = Settings(home=session_home)
    ensure_index(settings, progress=False)
    return settings


@pytest.fixture(scope="session")
def server(mcp_settings: Settings) -> ShirubeServer:
    return build_server(mcp_settings)


def with_client(server: ShirubeServer, body: Callable[[Client], Awaitable[T]]) -> T:
    """Run `body` with a client connected over the SDK's in-memory streams (JSON-RPC framed,
    with the initialize handshake stdio hosts use)."""

    async def main() -> T:
        async with Client(server, mode="legacy", cache=None) as client:
            return await body(client)

    return anyio.run(main)


def call(server: ShirubeServer, tool: str, arguments: dict[str, Any]) -> Any:
    """One tool call's result (CallToolResult)."""
    return with_client(server, lambda client: client.call_tool(tool, arguments))


def text_of(result: Any) -> str:
    return "\n".join(block.text for block in result.content if block.type == "text")


def structured(result: Any) -> dict[str, Any]:
    """The structured content, after checking that the text content says the same."""
    assert not result.is_error, text_of(result)
    assert json.loads(text_of(result)) == result.structured_content
    return result.structured_content

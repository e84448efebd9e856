"""`shirube mcp`: serve Shirube's tools over stdio to an MCP host (Claude Desktop, Cursor…)."""

from __future__ import annotations

import typer


def mcp_command() -> None:
    """Run an MCP server on stdin/stdout for an AI assistant; offline, nothing leaves the machine.

    Register it in the host's MCP settings as the command `shirube` with the argument `mcp`
    (see "Use Shirube from an MCP host" in the README). Stop it by closing the host.
    """
    # Heavy imports only once the command runs, so `shirube --help` stays fast.
    from agent.mcp.server import serve

    serve()


def register(app: typer.Typer) -> None:
    app.command("mcp")(mcp_command)

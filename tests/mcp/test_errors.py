"""Bad input is an MCP error naming the field and the fix; the server keeps serving."""

from __future__ import annotations

from pathlib import Path

import pytest
from mcp import Client, MCPError
from mcp.types import INVALID_PARAMS

from agent.mcp.server import ShirubeServer, build_server
from core.config import Settings
from tests.mcp.conftest import call, text_of, with_client


@pytest.mark.parametrize(
    ("tool", "arguments", "says"),
    [
        (
            "ask",
            {},
            """Invalid input to ask: 'question' is missing: add it, e.g. """
            """{"question": "Does Japan's AI Act have penalties?"}.""",
        ),
        ("ask", {"question": "   "}, "Invalid input to ask: 'question' is empty"),
        ("ask", {"question": "x" * 2001}, "'question' has the invalid value"),
        ("ask", {"question": "Is there an AI Act?", "lang": "fr"}, "Allowed: en, ja."),
        ("assess", {}, "Invalid input to assess: 'profile' is missing: add it, e.g. {"),
        (
            "assess",
            {"profile": {"offers_to_others": True, "colour": "red"}},
            "Invalid input to assess: profile: unknown field 'colour'. Allowed fields: name,",
        ),
        (
            "assess",
            {"profile": {"personal_data": "sensitiv"}},
            "field 'personal_data' has the invalid value 'sensitiv'. Allowed: none, personal, "
            "sensitive. Did you mean 'sensitive'?",
        ),
        ("assess", {"profile": "a chatbot"}, "'profile' has the invalid value \"a chatbot\""),
        (
            "lookup_facts",
            {"entity": "AI Act", "facet": "penalties"},
            "'facet' has the invalid value \"penalties\". Allowed: what, when, legal_force, "
            "penalty,",
        ),
        ("lookup_facts", {"entity": "Ministry of Magic"}, "no entity named 'Ministry of Magic'"),
        (
            "changes",
            {"since": "2026-13-01"},
            "Invalid input to changes: 'since' must be a date written YYYY-MM-DD, e.g. "
            '2026-04-01, not "2026-13-01".',
        ),
        ("changes", {"since": "last week"}, "'since' must be a date written YYYY-MM-DD"),
        ("no_such_tool", {}, "Unknown tool: no_such_tool"),
    ],
)
def test_bad_input_is_a_tool_error(
    server: ShirubeServer, tool: str, arguments: dict, says: str
) -> None:
    result = call(server, tool, arguments)
    assert result.is_error
    message = text_of(result)
    assert says in message
    assert "Traceback" not in message and "errors.pydantic.dev" not in message


def test_unknown_source_id_is_a_resource_error_naming_the_ids(server: ShirubeServer) -> None:
    async def body(client: Client):
        with pytest.raises(MCPError) as raised:
            await client.read_resource("shirube://sources/eu_ai_act")
        return raised.value

    error = with_client(server, body)
    assert error.code == INVALID_PARAMS
    assert error.message.startswith("unknown source id 'eu_ai_act'. Known ids: ai_promotion")


def test_the_resource_error_is_in_japanese_where_the_setting_says_so(
    server: ShirubeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A resource read has no words to tell its language by: SHIRUBE_LANG=ja decides."""
    monkeypatch.setenv("SHIRUBE_LANG", "ja")

    async def body(client: Client):
        with pytest.raises(MCPError) as raised:
            await client.read_resource("shirube://sources/eu_ai_act")
        return raised.value

    error = with_client(server, body)
    assert error.message.startswith("出典 ID 'eu_ai_act' はありません。使える ID：ai_promotion")


def test_the_server_keeps_serving_after_errors(server: ShirubeServer) -> None:
    async def body(client: Client):
        bad = await client.call_tool("assess", {"profile": {"colour": "red"}})
        good = await client.call_tool("lookup_facts", {"entity": "PPC"})
        return bad, good

    bad, good = with_client(server, body)
    assert bad.is_error and not good.is_error
    assert good.structured_content["entity"]["id"] == "ppc"


def test_an_unusable_data_dir_is_a_tool_error_naming_it(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.write_text("a file where the data directory should be", encoding="utf-8")
    result = call(build_server(Settings(home=home)), "ask", {"question": "Is there an AI Act?"})
    assert result.is_error
    message = text_of(result)
    assert str(home) in message and "Error executing tool ask:" in message

"""Resources (each instrument, the as-of date) and the usage prompt."""

from __future__ import annotations

import json

from mcp import Client
from mcp.types import TextResourceContents

from agent.mcp.server import ShirubeServer
from agent.prompts import load
from knowledge.loader import load_rule_base
from knowledge.schema import LEGAL_FORCE_LABELS
from tests.mcp.conftest import with_client


def test_every_instrument_and_the_as_of_date_are_listed(server: ShirubeServer) -> None:
    async def body(client: Client):
        return await client.list_resources(), await client.list_resource_templates()

    listed, templates = with_client(server, body)
    uris = [str(r.uri) for r in listed.resources]
    expected = [f"shirube://sources/{sid}" for sid in load_rule_base().sources]
    assert sorted(uris) == sorted(["shirube://as-of", *expected])
    assert [t.uri_template for t in templates.resource_templates] == [
        "shirube://sources/{source_id}"
    ]


def test_an_instrument_reads_as_its_sources_yaml_entry(server: ShirubeServer) -> None:
    result = with_client(server, lambda client: client.read_resource("shirube://sources/appi"))
    content = result.contents[0]
    assert isinstance(content, TextResourceContents)
    assert content.mime_type == "application/json"
    read = json.loads(content.text)
    source = load_rule_base().sources["appi"]
    assert read["id"] == "appi" and read["url"] == source.url
    assert read["legal_force_label"] == LEGAL_FORCE_LABELS[source.legal_force]
    assert read["title_ja"] == source.title_ja


def test_as_of_is_the_rule_base_date(server: ShirubeServer) -> None:
    result = with_client(server, lambda client: client.read_resource("shirube://as-of"))
    content = result.contents[0]
    assert isinstance(content, TextResourceContents)
    read = json.loads(content.text)
    assert read["as_of"] == load_rule_base().meta.as_of.isoformat()


def test_the_prompt_says_cite_and_never_state_law_the_tools_did_not_return(
    server: ShirubeServer,
) -> None:
    async def body(client: Client):
        return await client.list_prompts(), await client.get_prompt("shirube_usage")

    listed, prompt = with_client(server, body)
    assert [p.name for p in listed.prompts] == ["shirube_usage"]
    text = prompt.messages[0].content.text
    assert text == load("mcp_usage").text
    assert "State only what the tools returned" in text
    assert "Cite every legal statement" in text


def test_the_host_gets_the_same_rules_as_instructions(server: ShirubeServer) -> None:
    async def body(client: Client):
        return client.instructions

    assert with_client(server, body) == load("mcp_usage").text

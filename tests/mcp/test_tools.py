"""Each MCP tool over a client session: the same facts and citations as the API and the CLI (its
entry point in-process; tests/agent/test_ask_cli.py and tests/tools/test_assess_cli.py run the
installed command)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import yaml

from agent import api
from agent.mcp.server import ShirubeServer
from core.config import Settings
from knowledge.loader import load_rule_base
from knowledge.schema import LEGAL_FORCE_LABELS, LegalForce
from tests.faults.cli_runner import run_cli
from tests.mcp.conftest import call, structured, with_client

PENALTIES = "Does Japan's AI Act have penalties?"
PROFILE = {
    "name": "Support chatbot",
    "offers_to_others": True,
    "customers": ["consumers"],
    "personal_data": "personal",
    "copyrighted_material": True,
}


def _labelled(citations: list[dict]) -> None:
    """Every citation names its source's legal force, in the words answers use."""
    sources = load_rule_base().sources
    for cite in citations:
        force = sources[cite["source"]].legal_force
        assert cite["legal_force"] == force.value
        assert cite["legal_force_label"] == LEGAL_FORCE_LABELS[force]
        assert cite["url"] == sources[cite["source"]].url


def test_lists_five_tools_with_output_schemas(server: ShirubeServer) -> None:
    listed = with_client(server, lambda client: client.list_tools()).tools
    assert {t.name for t in listed} == {"ask", "assess", "lookup_facts", "list_sources", "changes"}
    for tool in listed:
        assert tool.output_schema, tool.name
        assert tool.annotations is not None, tool.name
        assert tool.annotations.read_only_hint and not tool.annotations.open_world_hint
    ask = next(t for t in listed if t.name == "ask")
    assert ask.input_schema["required"] == ["question"]


def test_ask_gives_the_cli_answer_and_citations(server: ShirubeServer, mcp_settings) -> None:
    got = structured(call(server, "ask", {"question": PENALTIES}))
    expected = api.ask(PENALTIES, settings=mcp_settings)
    assert got["answer"] == expected.answer
    assert got["fact_ids"] == expected.fact_ids
    assert [
        (c["source"], c["section"], c["title"], c["url"], c["legal_force"])
        for c in got["citations"]
    ] == [(c.id, c.section, c.title, c.url, c.legal_force) for c in expected.citations]
    assert [c["legal_force_label"] for c in got["citations"]] == [
        c.legal_force_label for c in expected.citations
    ]
    first = got["citations"][0]
    assert (first["number"], first["source"], first["section"]) == (1, "ai_promotion_act", "Art. 7")
    assert first["legal_force_label"] == "binding statute without penalties"
    assert (
        got["lang"] == "en"
        and got["mode"] == "offline"
        and got["as_of"] == str(load_rule_base().meta.as_of)
    )
    _labelled(got["citations"])


def test_ask_matches_shirube_ask_json(server: ShirubeServer, mcp_settings: Settings) -> None:
    cli = run_cli(
        "ask",
        "--offline",
        "--format",
        "json",
        PENALTIES,
        env={"SHIRUBE_HOME": str(mcp_settings.home)},
    )
    assert cli.code == 0, cli.err
    printed = json.loads(cli.out)
    got = structured(call(server, "ask", {"question": PENALTIES}))
    assert got["answer"] == printed["answer"]
    assert [(c["source"], c["section"], c["legal_force"]) for c in got["citations"]] == [
        (c["id"], c["section"], c["legal_force"]) for c in printed["citations"]
    ]


def test_ask_in_japanese_cites_as_shirube_ask_does(server: ShirubeServer, mcp_settings) -> None:
    got = structured(call(server, "ask", {"question": PENALTIES, "lang": "ja"}))
    expected = api.ask(PENALTIES, lang="ja", settings=mcp_settings)
    assert got["lang"] == "ja" and got["answer"] == expected.answer
    assert [(c["title"], c["section"], c["legal_force_label"]) for c in got["citations"]] == [
        (c.title, c.section, c.label) for c in expected.citations
    ]
    source = load_rule_base().sources["ai_promotion_act"]
    first = got["citations"][0]
    assert first["title"] == first["title_ja"] == source.title_ja
    assert first["legal_force"] == "binding_no_penalty"


def test_assess_matches_shirube_assess_json(server: ShirubeServer, tmp_path: Path) -> None:
    profile_file = tmp_path / "chatbot.yaml"
    profile_file.write_text(yaml.safe_dump(PROFILE), encoding="utf-8")
    cli = run_cli("assess", str(profile_file), "--format", "json")
    assert cli.code == 0, cli.err
    printed = json.loads(cli.out)
    got = structured(call(server, "assess", {"profile": PROFILE}))
    assert got["roles"] == printed["roles"]
    grouped = [t for layer in got["layers"] for t in layer["triggers"]]
    assert sorted(grouped, key=lambda t: t["id"]) == sorted(
        printed["triggers"], key=lambda t: t["id"]
    )
    assert got["checklist"] == printed["checklist"]
    assert got["start_here"] == printed["checklist"][:3]
    assert got["caveats"] == printed["caveats"]
    for layer in got["layers"]:
        for trigger in layer["triggers"]:
            assert trigger["legal_force_label"] == LEGAL_FORCE_LABELS[trigger["legal_force"]]
    cited = {
        c["source"]
        for group in ("roles", "triggers", "checklist", "caveats")
        for item in printed[group]
        for c in item["citations"]
    }
    assert {s["source"] for s in got["sources"]} == cited
    _labelled(got["sources"])


def test_lookup_facts_by_name_and_facet(server: ShirubeServer) -> None:
    got = structured(call(server, "lookup_facts", {"entity": "AI Act", "facet": "penalty"}))
    assert got == api.lookup_facts("ai_promotion_act", "penalty").model_dump(mode="json")
    assert got["entity"]["id"] == "ai_promotion_act"
    ids = [f["id"] for f in got["facts"]]
    assert ids[0] == "force_ai_promotion_act"  # the legal force, derived from sources.yaml
    assert "act_no_penalties" in ids
    assert {f["facet"] for f in got["facts"]} == {"penalty"}
    no_penalties = next(f for f in got["facts"] if f["id"] == "act_no_penalties")
    assert [
        (c["source"], c["section"], c["legal_force_label"]) for c in no_penalties["citations"]
    ] == [("ai_promotion_act", "Art. 7", "binding statute without penalties")]
    for fact in got["facts"]:
        _labelled(fact["citations"])


def test_list_sources_is_the_rule_base(server: ShirubeServer) -> None:
    got = structured(call(server, "list_sources", {}))
    rule_base = load_rule_base()
    assert got["as_of"] == rule_base.meta.as_of.isoformat()
    assert [s["id"] for s in got["sources"]] == list(rule_base.sources)
    for listed in got["sources"]:
        source = rule_base.sources[listed["id"]]
        assert listed["url"] == source.url
        assert listed["legal_force_label"] == LEGAL_FORCE_LABELS[LegalForce(source.legal_force)]
        assert listed["dates"] == [d.model_dump(mode="json") for d in source.dates]


def test_changes_since_a_date(server: ShirubeServer) -> None:
    since = dt.date(2026, 11, 1)
    got = structured(call(server, "changes", {"since": since.isoformat()}))
    assert got["since"] == since.isoformat()
    assert got == api.changes(since).model_dump(mode="json")
    assert got["changes"], "the change log has entries after November 2026"
    assert all(c["date"] >= since.isoformat() for c in got["changes"])
    dates = [c["date"] for c in got["changes"]]
    assert dates == sorted(dates, reverse=True)
    for change in got["changes"]:
        _labelled(change["instruments"])

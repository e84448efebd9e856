"""The headless API: typed results, UsageError for bad input, telemetry off before the index."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any

import pytest

from agent import api
from core.errors import UsageError
from core.profile import UseCaseProfile
from core.telemetry import OPT_OUTS

CONNECTS: list[Any] = []
RECORDING: list[bool] = []


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if event == "socket.connect" and RECORDING:
        CONNECTS.append(args[1])


sys.addaudithook(_hook)  # audit hooks stay for the process: it records only while RECORDING


def test_assess_takes_a_profile_or_a_dict() -> None:
    fields = {"uses_in_operations": True, "personal_data": "personal"}
    assert api.assess(fields) == api.assess(UseCaseProfile(**fields))


@pytest.mark.parametrize(
    ("call", "says"),
    [
        (lambda: api.assess({"colour": "red"}), "profile: unknown field 'colour'"),
        (lambda: api.assess(["offers_to_others"]), "profile must be a mapping"),  # type: ignore[arg-type]
        (lambda: api.lookup_facts(""), "entity is empty"),
        (lambda: api.lookup_facts("AI Act", "penalties"), "unknown facet 'penalties'"),
        (lambda: api.source("eu_ai_act"), "unknown source id 'eu_ai_act'. Known ids:"),
        (lambda: api.source("eu_ai_act", "ja"), "出典 ID 'eu_ai_act' はありません。使える ID："),
        (lambda: api.ask("   "), "The question is empty"),
        (lambda: api.ask("Is there an AI Act?", lang="fr"), "lang must be 'en' or 'ja'"),  # type: ignore[arg-type]
    ],
)
def test_bad_input_is_a_usage_error(call: Callable[[], object], says: str, mcp_settings) -> None:
    with pytest.raises(UsageError, match=says):
        call()


def test_lookup_facts_reads_names_aliases_and_typos() -> None:
    for name in ("ai_promotion_act", "AI Promotion Act", "ai act", "AI Promotoin Act", "AI推進法"):
        assert api.lookup_facts(name).entity.id == "ai_promotion_act", name


def test_telemetry_is_off_before_the_index_opens(mcp_settings, monkeypatch) -> None:
    for name in OPT_OUTS:
        monkeypatch.delenv(name, raising=False)
    api.ready_index(mcp_settings)
    assert {name: os.environ.get(name) for name in OPT_OUTS} == OPT_OUTS


def test_the_tools_open_no_connection(mcp_settings) -> None:
    RECORDING.append(True)
    try:
        api.ask("Who enforces privacy rules for AI in Japan?", settings=mcp_settings)
        api.assess({"offers_to_others": True})
        api.lookup_facts("PPC")
        api.list_sources()
    finally:
        RECORDING.clear()
    assert CONNECTS == []

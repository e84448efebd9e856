"""Shirube as a library: the entry points the CLI and the MCP server use, typed and offline.

    from agent.api import ask, assess, lookup_facts, list_sources

    answer = ask("Does Japan's AI Act have penalties?")   # agent.state.Answer, cited
    plan = assess({"offers_to_others": True, "personal_data": "personal"})  # tools Assessment
    facts = lookup_facts("AI Promotion Act", "penalty")    # FactsResult, citations resolved
    sources = list_sources()                               # SourcesResult with the as-of date

Nothing calls a model unless `ask(..., offline=False)`, and nothing leaves the machine. Bad input
raises `core.errors.UsageError` with a message that names the field and the fix.
"""

from agent.api.ask import ask, ready_index
from agent.api.assess import assess, profile_of
from agent.api.changes import ChangeInfo, ChangesResult, changes
from agent.api.facts import lookup_facts
from agent.api.models import (
    AskCitation,
    AskResult,
    AsOf,
    AssessResult,
    CitedFact,
    EntityInfo,
    FactsResult,
    SourceCitation,
    SourceInfo,
    SourcesResult,
)
from agent.api.sources import as_of, list_sources, source

__all__ = [
    "AsOf",
    "AskCitation",
    "AskResult",
    "AssessResult",
    "ChangeInfo",
    "ChangesResult",
    "CitedFact",
    "EntityInfo",
    "FactsResult",
    "SourceCitation",
    "SourceInfo",
    "SourcesResult",
    "as_of",
    "ask",
    "assess",
    "changes",
    "list_sources",
    "lookup_facts",
    "profile_of",
    "ready_index",
    "source",
]

"""The tools the model may call: rule-base search plus the assessment tools."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from agent.config import Settings
from knowledge.loader import load_rule_base

if TYPE_CHECKING:
    from langchain_core.tools import BaseTool

SEARCH_K = 5


def make_search_tool(settings: Settings) -> BaseTool:
    from langchain_core.tools import StructuredTool

    def search_knowledge(query: str) -> str:
        """Search Shirube's rule base on Japan's AI regulation; returns passages and ids to cite."""
        from knowledge.index.search import search

        found = search(query, SEARCH_K, settings=settings)
        return json.dumps(
            [
                {
                    "id": p.id,
                    "title": p.title,
                    "source_id": p.source_id,
                    "section": p.section,
                    "legal_force": p.legal_force,
                    "text": p.text,
                }
                for p in found
            ],
            ensure_ascii=False,
        )

    return StructuredTool.from_function(search_knowledge)


def all_tools(settings: Settings) -> list[BaseTool]:
    from tools.lc_tools import ASSESSMENT_TOOLS

    return [make_search_tool(settings), *ASSESSMENT_TOOLS]


def ids_in(output: Any) -> set[str]:
    """Rule-base ids a tool result mentions: these become citable for the model."""
    text = output if isinstance(output, str) else json.dumps(output, default=str)
    rb = load_rule_base()
    known = set(rb.sources) | set(rb.topics) | set(rb.triggers) | set(rb.checklist)
    known |= set(rb.roles) | set(rb.institutions) | set(rb.principles)
    tokens = set(re.findall(r"[a-z0-9_:]+", text))
    found = {t for t in tokens if t in known}
    found |= {t for t in tokens if ":" in t and t.split(":", 1)[1] in known}
    return found

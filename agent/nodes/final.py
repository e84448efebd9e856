"""Turn a verified model draft into the final answer: [id] citations become numbered sources."""

from __future__ import annotations

from typing import Any

from langgraph.runtime import Runtime

from agent.nodes.verify import CITATION
from agent.state import AnswerCitation, QAContext, QAState
from knowledge.loader import RuleBase, load_rule_base


def resolve(cited: str, passages: dict[str, Any], rb: RuleBase) -> AnswerCitation | None:
    """The official instrument behind a cited id (a passage, a source or another entry)."""
    section: str | None = None
    if cited in passages:
        p = passages[cited]
        source_id, section, excerpt = p.source_id, p.section, p.text
    else:
        ref = cited.split(":", 1)[-1]
        entry = next(
            (
                group[ref]
                for group in (
                    rb.topics,
                    rb.triggers,
                    rb.checklist,
                    rb.roles,
                    rb.institutions,
                    rb.principles,
                )
                if ref in group
            ),
            None,
        )
        if ref in rb.sources:
            source_id, excerpt = ref, rb.sources[ref].summary
        elif entry is not None:
            first = entry.citations[0]
            source_id, section = first.source, first.section
            excerpt = getattr(entry, "answer", None) or getattr(entry, "why", None) or entry.title
        else:
            return None
    if source_id not in rb.sources:
        return None
    return AnswerCitation.from_source(rb.sources[source_id], section, excerpt)


def final(state: QAState, runtime: Runtime[QAContext]) -> QAState:
    rb = load_rule_base()
    passages = {p.id: p for group in state.get("part_passages", []) for p in group}
    citations: list[AnswerCitation] = []
    numbers: dict[str, int] = {}

    def number(match: Any) -> str:
        cited = match.group(1)
        if cited not in numbers:
            resolved = resolve(cited, passages, rb)
            if resolved is None:
                return ""
            same = next((i for i, c in enumerate(citations, 1) if c == resolved), None)
            if same is None:
                citations.append(resolved)
                same = len(citations)
            numbers[cited] = same
        return f"[{numbers[cited]}]"

    text = CITATION.sub(number, state.get("draft") or "").strip()
    mode = f"model:{runtime.context.model_name}"
    return {"answer": text, "citations": citations, "mode": mode, "notice": None}

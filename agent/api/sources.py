"""list_sources, source, as_of: the instruments Shirube cites and the date it speaks for."""

from __future__ import annotations

from agent.answer.lang import Lang
from agent.api.models import AsOf, SourceInfo, SourcesResult
from core.errors import UsageError
from knowledge.loader import load_rule_base
from knowledge.ui_labels import joined, ui_text


def list_sources() -> SourcesResult:
    """Every official instrument, with key dates, legal force, URL, and the rule base's as-of."""
    rule_base = load_rule_base()
    return SourcesResult(
        as_of=rule_base.meta.as_of,
        disclaimer=rule_base.meta.disclaimer,
        sources=[SourceInfo.of(s) for s in rule_base.sources.values()],
    )


def source(source_id: str, lang: Lang = "en") -> SourceInfo:
    """One instrument by its id (see `list_sources`); a UsageError in `lang` naming the known
    ids."""
    sources = load_rule_base().sources
    found = sources.get(source_id)
    if found is None:
        known = joined(sources, lang, "items")
        raise UsageError(
            ui_text("tool_errors.unknown_source", lang, given=repr(source_id[:80]), known=known)
        )
    return SourceInfo.of(found)


def as_of() -> AsOf:
    """The rule base's as-of date: what Shirube says is law as of that day."""
    meta = load_rule_base().meta
    return AsOf(as_of=meta.as_of, title=meta.title, disclaimer=meta.disclaimer)

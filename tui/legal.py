"""Rule-base look-ups the screens share: an instrument's key dates, short name, as-of date."""

from __future__ import annotations

from knowledge.loader import load_rule_base


def source_dates(source_id: str) -> list[str]:
    """The instrument's key dates as 'event: YYYY-MM-DD' lines (empty for an unknown id)."""
    source = load_rule_base().sources.get(source_id)
    if source is None:
        return []
    return [f"{d.event}: {d.date.isoformat()}" for d in source.dates]


def as_of() -> str:
    return load_rule_base().meta.as_of.isoformat()


def short_name(source_id: str, fallback: str) -> str:
    """The instrument's short name (e.g. for citation lines), else `fallback`."""
    source = load_rule_base().sources.get(source_id)
    return source.short_name if source else fallback

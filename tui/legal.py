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
    """The rule base's as-of date, from meta.yaml alone: the first screen needs no more."""
    from knowledge.loader import DATA_DIR, read_yaml
    from knowledge.schema import RuleBaseMeta

    return RuleBaseMeta.model_validate(read_yaml(DATA_DIR / "meta.yaml")).as_of.isoformat()


def short_name(source_id: str, fallback: str) -> str:
    """The instrument's short name (e.g. for citation lines), else `fallback`."""
    source = load_rule_base().sources.get(source_id)
    return source.short_name if source else fallback

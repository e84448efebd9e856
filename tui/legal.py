"""Rule-base look-ups the screens share: an instrument's key dates, short name, as-of date."""

from __future__ import annotations

# The rule base (every schema, every file) loads on first use, never on the first screen.


def source_dates(source_id: str) -> list[str]:
    """The instrument's key dates as 'event: YYYY-MM-DD' lines in the app's language (empty for
    an unknown id)."""
    from knowledge.loader import load_rule_base
    from knowledge.ui_labels import ui_text
    from tui.lang import current_lang

    source = load_rule_base().sources.get(source_id)
    if source is None:
        return []
    lang = current_lang()
    return [
        ui_text(
            "joins.event_date",
            lang,
            event=d.event_ja if lang == "ja" and d.event_ja else d.event,
            date=d.date.isoformat(),
        )
        for d in source.dates
    ]


def as_of() -> str:
    """The rule base's as-of date, from meta.yaml alone: the first screen needs no more (and
    builds no rule-base schema; `kb check` validates the whole file)."""
    import datetime as dt

    from pydantic import TypeAdapter

    from knowledge.yaml_files import DATA_DIR, read_yaml

    meta = read_yaml(DATA_DIR / "meta.yaml")
    value = meta.get("as_of") if isinstance(meta, dict) else None
    return TypeAdapter(dt.date).validate_python(value).isoformat()


def short_name(source_id: str, fallback: str) -> str:
    """The instrument's short name in the app's language (citation lines), else `fallback`."""
    from knowledge.loader import load_rule_base
    from tui.lang import current_lang

    source = load_rule_base().sources.get(source_id)
    if source is None:
        return fallback
    if current_lang() == "ja":
        return source.short_name_ja or source.short_name
    return source.short_name

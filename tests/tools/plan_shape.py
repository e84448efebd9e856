"""The documented top-level keys of a plan as JSON: `shirube assess --format json` prints them and
`tools.assess.assess(...).model_dump()` holds them; written once for both tests."""

from __future__ import annotations

PLAN_KEYS = frozenset(
    {
        "profile",
        "lang",
        "roles",
        "triggers",
        "checklist",
        "start_here",
        "to_confirm",
        "progress",
        "caveats",
        "rule_base_as_of",
        "rule_base_version",
    }
)

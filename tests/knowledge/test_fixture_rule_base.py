"""The fixture rule base is a valid rule base: it loads and `kb check` finds nothing wrong."""

from __future__ import annotations

from knowledge.check import check_rule_base
from tests.fixtures import RULE_BASE_DIR, fixture_rule_base


def test_fixture_rule_base_passes_kb_check() -> None:
    assert check_rule_base(RULE_BASE_DIR) == []


def test_fixture_rule_base_is_small_and_covers_every_kind() -> None:
    rb = fixture_rule_base()
    counts = {
        "sources": len(rb.sources),
        "facts": len(rb.facts),
        "entities": len(rb.entities),
        "triggers": len(rb.triggers),
        "checklist": len(rb.checklist),
        "premises": len(rb.premises),
    }
    assert all(0 < n <= 30 for n in counts.values()), counts

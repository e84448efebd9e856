"""knowledge.defaults: the one place the rule base is built, swapped and forgotten."""

from __future__ import annotations

from knowledge import defaults
from knowledge.loader import load_rule_base
from tests.fixtures import fixture_rule_base


def test_the_rule_base_is_built_once_swapped_for_a_block_and_rebuilt_after_clear() -> None:
    first = load_rule_base()
    assert load_rule_base() is first
    with defaults.use_rule_base(fixture_rule_base()) as swapped:
        assert load_rule_base() is swapped
    assert load_rule_base() is first
    defaults.clear()
    again = load_rule_base()
    assert again is not first and again.corpus_hash == first.corpus_hash

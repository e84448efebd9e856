"""The one place that builds the process's defaults: the rule base, and every cache built from it.

Code handed a rule base uses it (`ask(rule_base=…)`); code below the entry points that is handed
none takes `rule_base()` from here. A test or a tool swaps it for a while with
`use_rule_base(...)` (the fixture rule base in tests/fixtures), and each cache built from the
rule base or read from the data files beside it (`@derived`: the YAML loaders — phrasebook,
scope, chat intents, labels … — and what is compiled from them) is cleared with the swap, so no
answer, plan or interview keeps using the packaged data behind its back. Settings are read
from the environment where they are needed (core.config.get_settings, never cached); the
search index keeps its own per-settings cache (knowledge.index.store.reset_process_cache),
cleared by `clear()` too.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import _lru_cache_wrapper, cache
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from knowledge.loader import RuleBase

T = TypeVar("T")

_lock = threading.Lock()  # the TUI's workers and the app's thread may both ask for it first
_rule_base: RuleBase | None = None
_derived: list[_lru_cache_wrapper[object]] = []


def derived(function: Callable[..., T]) -> _lru_cache_wrapper[T]:
    """`functools.cache` for a value built from the rule base: cleared when the rule base is."""
    cached = cache(function)
    _derived.append(cached)
    return cached


def rule_base() -> RuleBase:
    """The rule base in use: the packaged one (knowledge/data), loaded and validated once."""
    global _rule_base
    with _lock:
        if _rule_base is None:
            from knowledge.loader import load_packaged_rule_base

            _rule_base = load_packaged_rule_base()
        return _rule_base


def _set(value: RuleBase | None) -> None:
    global _rule_base
    with _lock:
        _rule_base = value
    for cached in _derived:
        cached.cache_clear()


@contextmanager
def use_rule_base(value: RuleBase) -> Iterator[RuleBase]:
    """Make `value` the rule base everything uses until the block ends (then the one before)."""
    before = _rule_base
    _set(value)
    try:
        yield value
    finally:
        _set(before)


def clear() -> None:
    """Forget every default built so far: the next use loads the rule base and index again."""
    _set(None)
    from knowledge.index.store import reset_process_cache

    reset_process_cache()

"""The answers suite's blind split: a seeded random third of each category, never hand-picked.

tests/evals/test_answer_cases.py re-draws it from dev + blind and checks the files agree, so a
case moved between the files by hand, or a new case added without re-drawing, fails the tests.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterable

from evals.models import Case

SEED = 15  # issue 15
SEED_JA = 18  # issue 18: the Japanese cases (tagged "ja") are split on their own


def blind_ids(cases: Iterable[Case], seed: int = SEED) -> set[str]:
    """round(n / 3) ids of each category's n cases, drawn with a generator seeded per category."""
    by_category: dict[str, list[str]] = defaultdict(list)
    for case in cases:
        by_category[str(case.category)].append(case.id)
    chosen: set[str] = set()
    for category, ids in sorted(by_category.items()):
        draw = random.Random(f"{seed}:{category}")
        chosen.update(draw.sample(sorted(ids), round(len(ids) / 3)))
    return chosen

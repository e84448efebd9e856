"""The eval's premise ids are the rule base's: a renamed premise cannot drift out of sync."""

from __future__ import annotations

from typing import get_args

from evals.models import Premise
from knowledge.loader import load_rule_base


def test_every_eval_premise_is_a_rule_base_premise() -> None:
    assert set(get_args(Premise)) <= set(load_rule_base().premises)

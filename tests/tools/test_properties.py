"""Property tests over random valid profiles."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from core.conditions import field_specs
from core.profile import UseCaseProfile
from knowledge.loader import load_rule_base
from tests.tools.plan_shape import PLAN_KEYS
from tools.assess import assess


def _field_strategy(kind: str, values: tuple[str, ...]) -> st.SearchStrategy:
    if kind == "bool":
        return st.booleans()
    if kind == "list":
        return st.lists(st.sampled_from(values), unique=True)
    return st.sampled_from(values)


profiles = st.fixed_dictionaries(
    {name: _field_strategy(kind, values) for name, (kind, values) in field_specs().items()}
).map(UseCaseProfile.model_validate)

BOOL_FIELDS = [name for name, (kind, _) in field_specs().items() if kind == "bool"]


@settings(max_examples=150, deadline=None)
@given(profiles)
def test_every_item_is_cited_and_unique(profile: UseCaseProfile) -> None:
    rule_base = load_rule_base()
    result = assess(profile)
    for group in (result.roles, result.triggers, result.checklist, result.caveats):
        ids = [item.id for item in group]
        assert len(ids) == len(set(ids)), f"duplicate ids: {ids}"
        for item in group:
            assert item.citations, f"{item.id} has no citation"
            for citation in item.citations:
                assert citation.source in rule_base.sources, (item.id, citation.source)
    for item in result.checklist:
        assert item.why, f"{item.id} says nothing about why it applies"
    assert {"ai_act_framework", "art13_appropriateness"} <= {t.id for t in result.triggers}
    assert set(result.model_dump(mode="json")) == PLAN_KEYS
    # Start here is drawn from the plan's own actions, a few of them, never repeated.
    top = [item.id for item in result.start_here]
    assert set(top) <= {item.id for item in result.checklist} and len(top) == len(set(top)) <= 5


@settings(max_examples=100, deadline=None)
@given(profiles, st.sampled_from(BOOL_FIELDS))
def test_turning_a_flag_off_never_adds_a_trigger_or_role(
    profile: UseCaseProfile, flag: str
) -> None:
    on = assess(profile.model_copy(update={flag: True}))
    off = assess(profile.model_copy(update={flag: False}))
    assert {t.id for t in off.triggers} <= {t.id for t in on.triggers}
    assert {r.id for r in off.roles} <= {r.id for r in on.roles}

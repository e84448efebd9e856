"""The interview on the fixture rule base (tests/fixtures), swapped in through knowledge.defaults:
the plan it ends with holds only the fixture's layers, actions and date, never the packaged ones."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from agent.interview.session import InterviewSession
from core.config import Settings
from knowledge.defaults import use_rule_base
from knowledge.loader import load_rule_base
from tests.fixtures import fixture_rule_base
from tests.interview.scenarios import SCENARIOS

FIXTURE_DATE = dt.date(2001, 2, 3)  # a date no packaged rule base has


def test_an_interview_plans_from_the_rule_base_swapped_in(
    settings: Settings, tmp_path: Path
) -> None:
    packaged = load_rule_base()
    fixture = fixture_rule_base()
    dated = dataclasses.replace(
        fixture, meta=fixture.meta.model_copy(update={"as_of": FIXTURE_DATE})
    )
    scenario = SCENARIOS[0]  # a support chatbot handling personal data
    with use_rule_base(dated):
        session = InterviewSession.start(settings, output=str(tmp_path / "plan.md"))
        while (view := session.current) is not None and view.kind == "question":
            session.answer(scenario.answers.get(view.id, "skip"))
        step = session.answer("yes")
        session.close()
    plan = step.assessment
    assert plan is not None
    assert plan.rule_base_as_of == FIXTURE_DATE
    assert plan.triggers, "the scenario sets off some of the fixture's layers"
    assert {t.id for t in plan.triggers} <= set(fixture.triggers)
    assert {a.id for a in plan.checklist} <= set(fixture.checklist)
    assert {r.id for r in plan.roles} <= set(fixture.roles)
    assert load_rule_base() is packaged  # the swap ends with the block


def test_swapping_the_rule_base_rebuilds_what_was_built_from_it() -> None:
    from tools.triggers import checked_triggers

    packaged = checked_triggers()
    with use_rule_base(fixture_rule_base()):
        assert {t.id for t in checked_triggers()} == set(fixture_rule_base().triggers)
    assert checked_triggers() == packaged

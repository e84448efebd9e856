"""Scenario profiles (tests/tools/scenarios/*.yaml) with exact expected roles and triggers."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from core.profile import UseCaseProfile
from tools.assess import assess

SCENARIOS = sorted((Path(__file__).parent / "scenarios").glob("*.yaml"))


def _load(path: Path) -> tuple[UseCaseProfile, dict]:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    return UseCaseProfile.model_validate(doc["profile"]), doc["expect"]


def test_there_are_at_least_fifteen_scenarios() -> None:
    assert len(SCENARIOS) >= 15


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_scenario(path: Path) -> None:
    profile, expect = _load(path)
    result = assess(profile)
    assert sorted(r.id for r in result.roles) == sorted(expect["roles"])
    assert sorted(t.id for t in result.triggers) == sorted(expect["triggers"])
    checklist_ids = {item.id for item in result.checklist}
    missing = set(expect["checklist_present"]) - checklist_ids
    unexpected = set(expect["checklist_absent"]) & checklist_ids
    assert not missing, f"expected checklist items missing: {missing}"
    assert not unexpected, f"checklist items that should not apply: {unexpected}"


def test_code_assistant_has_no_privacy_procurement_hiroshima_or_deepfake_trigger() -> None:
    profile, _ = _load(Path(__file__).parent / "scenarios" / "internal_code_assistant.yaml")
    ids = {t.id for t in assess(profile).triggers}
    forbidden = {
        "ppc_genai_personal_data",
        "appi_sensitive_data",
        "appi_use_beyond_output",
        "procurement_buyer",
        "procurement_supplier",
        "hiroshima_advanced_model",
        "synthetic_media_misuse",
    }
    assert not ids & forbidden


def test_sector_triggers_name_the_sector_supervisor() -> None:
    expected = {
        "finance": ["fsa"],
        "health": ["mhlw"],
        "employment": ["mhlw"],
        "education": ["mext"],
        "mobility": ["npa", "mlit"],
    }
    # Legal force per sector (binding only where a statute is cited): test_sector_layers.py.
    for sector, regulators in expected.items():
        profile = UseCaseProfile(sectors=[sector], medical_purpose=True)  # PMD Act: its purpose
        triggers = assess(profile).triggers
        (sector_trigger,) = [t for t in triggers if t.id == f"sector_{sector}"]
        assert sector_trigger.regulators == regulators


def test_role_why_names_the_profile_answers() -> None:
    roles = assess(UseCaseProfile(builds_models=True, government_procurement="supplier")).roles
    why = {r.id: r.why for r in roles}
    # Plain labels from the question bank, never field ids (issue 19).
    assert why["developer"] == ["Builds or trains AI models: yes"]
    assert why["government_supplier"] == [
        "Government procurement role: We supply AI to government bodies"
    ]


def test_ministry_plan_cites_digital_agency_guideline() -> None:
    profile, _ = _load(Path(__file__).parent / "scenarios" / "ministry_genai_drafting.yaml")
    result = assess(profile)
    (buyer,) = [t for t in result.triggers if t.id == "procurement_buyer"]
    assert [c.source for c in buyer.citations] == ["da_genai_guideline"]
    assert buyer.legal_force == "internal_government_rule"
    assert "advanced_ai_advisory_board" in buyer.regulators


def test_checklist_is_sorted_by_timing_then_start_here_then_phase() -> None:
    profile, _ = _load(Path(__file__).parent / "scenarios" / "overseas_foundation_model.yaml")
    result = assess(profile)
    top = {item.id for item in result.start_here}
    items = [item for item in result.checklist if item.id not in top]
    ranks = [(["high", "medium", "low"].index(i.priority), i.phase) for i in items]
    phases = ["govern", "plan", "build", "deploy", "operate"]
    assert ranks == sorted(ranks, key=lambda r: (r[0], phases.index(r[1])))
    assert result.checklist[0].timing == "before_launch"

"""Each sector the profile knows shows the statute or supervisor guidance that applies, with its
real legal force: 'binding hard law' only where a hard-law instrument is cited (issue 16 §2)."""

from __future__ import annotations

import pytest

from core.profile import UseCaseProfile
from knowledge.loader import load_rule_base
from knowledge.questions import question_by_id
from knowledge.schema import LegalForce
from tools.assess import assess
from tools.triggers import TriggerResult

# sector → (trigger, legal force, regulators, a source the layer must cite)
EXPECTED = {
    "employment": ("sector_employment", "binding_hard_law", ["mhlw"], "employment_security_act"),
    "health": ("sector_health", "binding_hard_law", ["mhlw"], "pmd_act"),
    "mobility": ("sector_mobility", "binding_hard_law", ["npa", "mlit"], "road_traffic_act"),
    "finance": ("sector_finance", "non_binding_soft_law", ["fsa"], "fsa_ai_discussion_paper"),
    "education": ("sector_education", "non_binding_soft_law", ["mext"], "mext_genai_guideline"),
    "critical_infrastructure": (
        "sector_critical_infrastructure",
        "not_covered",
        ["responsible_ministry"],
        "aigfb",
    ),
    "public_services": (
        "sector_public_services",
        "not_covered",
        ["responsible_ministry"],
        "aigfb",
    ),
}


def _layer(sector: str, trigger_id: str) -> TriggerResult:
    # A medical purpose is what brings the PMD Act in (tested below); other sectors ignore it.
    profile = UseCaseProfile(sectors=[sector], uses_in_operations=True, medical_purpose=True)
    triggers = assess(profile).triggers
    (layer,) = [t for t in triggers if t.id == trigger_id]
    return layer


@pytest.mark.parametrize("sector", EXPECTED)
def test_sector_layer_names_its_instrument_force_and_supervisor(sector: str) -> None:
    trigger_id, force, regulators, source = EXPECTED[sector]
    layer = _layer(sector, trigger_id)
    assert layer.legal_force == force
    assert layer.regulators == regulators
    assert source in {c.source for c in layer.citations}


def test_hr_tech_plan_lists_the_employment_security_act_as_binding_and_mhlw() -> None:
    layer = _layer("employment", "sector_employment")
    assert "Employment Security Act" in layer.title
    assert layer.legal_force_label.startswith("binding hard law")
    assert layer.regulator_names == ["Ministry of Health, Labour and Welfare (MHLW)"]
    assert any(
        c.source == "employment_security_act" and c.section == "Art. 5-5" for c in layer.citations
    )


def test_binding_hard_law_is_claimed_only_where_a_hard_law_instrument_is_cited() -> None:
    rb = load_rule_base()
    for trigger in rb.triggers.values():
        if not trigger.id.startswith("sector_") and trigger.id != "public_body_personal_data":
            continue
        forces = {rb.sources[c.source].legal_force for c in trigger.citations}
        binding = LegalForce.binding_hard_law in forces
        assert (trigger.legal_force is LegalForce.binding_hard_law) == binding, trigger.id


@pytest.mark.parametrize("sector", ["critical_infrastructure", "public_services"])
def test_uncovered_sector_law_says_ask_counsel_in_the_plan(sector: str) -> None:
    layer = _layer(sector, EXPECTED[sector][0])
    assert layer.legal_force_label == "not covered by Shirube (ask counsel)"
    assert layer.in_practice.startswith("Not covered by Shirube")
    assert "ask counsel" in layer.in_practice


@pytest.mark.parametrize("sector", ["health", "finance", "employment", "education", "mobility"])
def test_covered_sectors_still_name_what_shirube_does_not_cover(sector: str) -> None:
    assert "Not covered by Shirube" in _layer(sector, EXPECTED[sector][0]).in_practice


@pytest.mark.parametrize("organisation", ["government", "local_government"])
def test_public_bodies_handling_personal_data_get_the_appi_rules_for_public_bodies(
    organisation: str,
) -> None:
    profile = UseCaseProfile(
        organisation=organisation, personal_data="personal", uses_in_operations=True
    )
    (layer,) = [t for t in assess(profile).triggers if t.id == "public_body_personal_data"]
    assert layer.legal_force == "binding_hard_law"
    assert layer.regulators == ["ppc"]


def test_a_company_does_not_get_the_public_body_rules() -> None:
    profile = UseCaseProfile(personal_data="personal", uses_in_operations=True)
    assert "public_body_personal_data" not in {t.id for t in assess(profile).triggers}


def test_an_uncovered_sector_law_ranks_its_review_like_binding_law() -> None:
    def review(sector: str) -> tuple[int, str]:
        profile = UseCaseProfile(sectors=[sector], uses_in_operations=True)
        (item,) = [s for s in assess(profile).start_here if s.id == "sector_supervisor_review"]
        return item.score, item.why

    score, why = review("critical_infrastructure")
    assert "not covered by Shirube" in why
    assert score == review("employment")[0]  # the Employment Security Act: binding hard law


def test_the_pmd_act_needs_a_diagnostic_or_treatment_purpose() -> None:
    """Drafting letters from patients' records is no medical device (PMD Act Art. 2(4) reaches a
    program by its intended use); the records are special care-required data under the APPI."""
    letters = UseCaseProfile(sectors=["health"], uses_in_operations=True, personal_data="personal")
    ids = {t.id for t in assess(letters).triggers}
    assert "sector_health" not in ids
    assert "appi_sensitive_data" in ids
    diagnosis = letters.model_copy(update={"medical_purpose": True})
    assert "sector_health" in {t.id for t in assess(diagnosis).triggers}


def test_personal_data_outside_health_is_not_made_sensitive() -> None:
    profile = UseCaseProfile(sectors=["finance"], uses_in_operations=True, personal_data="personal")
    assert "appi_sensitive_data" not in {t.id for t in assess(profile).triggers}


def test_the_employment_security_act_layer_is_for_recruiting_job_seekers() -> None:
    """Its Art. 5-5 binds those recruiting and placing job seekers; the interview asks for
    that, not for managing existing staff."""
    (choice,) = [c for c in question_by_id("sectors").choices if c.value == "employment"]
    assert "recruit" in choice.label.lower() and "採用" in choice.label_ja
    assert "job seekers" in load_rule_base().triggers["sector_employment"].why
    assert "labour" not in choice.synonyms and "人事評価" not in choice.synonyms_ja


def test_the_school_layer_asks_for_primary_and_secondary_education() -> None:
    (choice,) = [c for c in question_by_id("sectors").choices if c.value == "education"]
    assert "secondary" in choice.label and "大学" not in choice.synonyms_ja
    assert "university" not in choice.synonyms

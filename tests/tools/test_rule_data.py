"""The assessment data files refer only to roles, triggers, sources and ids that exist."""

from __future__ import annotations

from knowledge.loader import load_rule_base
from tools.assess import caveats
from tools.roles import role_rules

SUGGESTED_TRIGGERS = {
    "ai_act_framework",
    "art13_appropriateness",
    "aigfb_business",
    "ppc_genai_personal_data",
    "appi_sensitive_data",
    "appi_use_beyond_output",
    "appi_cross_border",
    "copyright_training_output",
    "procurement_buyer",
    "ds920_model_for_local_government",
    "procurement_supplier",
    "hiroshima_advanced_model",
    "hiroshima_principle_xii",
    "synthetic_media_misuse",
    "synthetic_media_labelling",
    "copyright_in_use",
    "decisions_about_people",
    "overseas_operator",
    "consumer_facing",
    "sector_health",
    "sector_finance",
    "sector_employment",
    "sector_education",
    "sector_critical_infrastructure",
    "sector_public_services",
    "sector_mobility",
    "public_body_personal_data",
}


def test_triggers_cover_every_layer_and_resolve() -> None:
    rb = load_rule_base()
    assert set(rb.triggers) == SUGGESTED_TRIGGERS
    for trigger in rb.triggers.values():
        assert trigger.layer in {
            "statute",
            "art13_guideline",
            "aigfb",
            "procurement",
            "hard_law",
            "international",
        }, trigger.id
        assert set(trigger.regulators) <= set(rb.institutions), trigger.id
        assert all(c.source in rb.sources for c in trigger.citations), trigger.id


def test_checklist_references_resolve_and_every_action_can_apply() -> None:
    rb = load_rule_base()
    for action in rb.checklist.values():
        assert action.applies_to_roles or action.applies_to_triggers, action.id
        assert set(action.applies_to_roles) <= set(rb.roles), action.id
        assert set(action.applies_to_triggers) <= set(rb.triggers), action.id
        assert action.principles and set(action.principles) <= set(rb.principles), action.id
        assert all(c.source in rb.sources for c in action.citations), action.id


def test_checklist_covers_the_brief_actions() -> None:
    expected = {
        "ai_use_inventory",
        "role_mapping",
        "aigfb_checklist_worksheet",
        "senior_ownership",
        "written_ai_policy",
        "testing_red_teaming",
        "technical_documentation",
        "incident_response",
        "stakeholder_transparency",
        "procurement_contract_templates",
        "regulatory_monitoring",
        "appoint_caio",
        "advisory_board_escalation",
        "personal_data_legal_basis",
        "data_provenance",
        "hiroshima_code_alignment",
        "oecd_reporting",
        "synthetic_media_labelling",
        "misuse_prevention",
        "fairness_testing",
        "human_review",
        "sector_supervisor_review",
    }
    assert expected <= set(load_rule_base().checklist)


def test_role_rules_and_caveats_cite_known_sources() -> None:
    rb = load_rule_base()
    for rule in role_rules():
        assert all(c.source in rb.sources for c in rule.citations), rule.role
    assert [c.id for c in caveats()] == [
        "not_legal_advice",
        "japanese_text_controls",
        "living_guidance",
        "sector_law_review",
    ]
    for caveat in caveats():
        assert all(c.source in rb.sources for c in caveat.citations), caveat.id

"""One test per defect of the legal audit (shared/reference/legal-audit-2026-12.md, §1a-1e),
named after its id: each pins the role, trigger, label, source entry or answer the audit says is
right, through the real rule base, assessment and question reader."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from agent.qa import ask
from agent.use_case import read_use_case
from core.config import Settings
from core.profile import UseCaseProfile
from knowledge.check_files import read_files
from knowledge.check_force import check_hard_law_badges
from knowledge.loader import DATA_DIR, load_rule_base
from knowledge.schema import LegalForce, SourceKind
from knowledge.watchlist import load_watchlist_from
from tests.knowledge.kb_data import edit_entry, make_data_dir
from tools.assess import Assessment, assess
from tools.triggers import lookup_triggers

CITY_QUESTION = (
    "Our city hall wants to deploy a generative AI chatbot for residents; what rules apply?"
)
PREFECTURE_QUESTION = (
    "Our prefecture uses AI to screen childcare benefit applications; what should we do?"
)
MINISTRY_ML_QUESTION = (
    "A ministry uses a machine learning model to detect tax fraud; what rules apply?"
)

# The audit's profiles (§2): P5 city chatbot, P14 ministry fraud model, P4 ministry drafting tool,
# P13 marketing images, P15 internal RAG over licensed news, company_uses_gpt, P10 voice clone.
CITY = UseCaseProfile(
    organisation="local_government",
    uses_in_operations=True,
    offers_to_others=True,
    customers=["consumers"],
    personal_data="personal",
    sectors=["public_services"],
    government_procurement="buyer",
    generative_ai=True,
)
MINISTRY_ML = UseCaseProfile(
    organisation="government",
    uses_in_operations=True,
    government_procurement="buyer",
    decisions_about_people=True,
)
MINISTRY_GENAI = UseCaseProfile(
    organisation="government",
    uses_in_operations=True,
    government_procurement="buyer",
    generative_ai=True,
)
IMAGE_USER = UseCaseProfile(uses_in_operations=True, copyrighted_material=True)
MODEL_DEVELOPER = UseCaseProfile(builds_models=True, copyrighted_material=True)
GPT_USER = UseCaseProfile(uses_in_operations=True, advanced_model=True)
VOICE_CLONE = UseCaseProfile(offers_to_others=True, synthetic_media=True, customers=["consumers"])
HR_VENDOR = UseCaseProfile(
    builds_models=True,
    offers_to_others=True,
    sectors=["employment"],
    decisions_about_people=True,
    personal_data="personal",
)


@pytest.fixture(scope="module")
def settings(session_home) -> Iterator[Settings]:
    from knowledge.index.store import ensure_index

    built = Settings(home=session_home)
    ensure_index(built, progress=False)
    yield built


def _triggers(result: Assessment) -> set[str]:
    return {t.id for t in result.triggers}


def _roles(result: Assessment) -> set[str]:
    return {r.id for r in result.roles}


def _actions(result: Assessment) -> set[str]:
    return {item.id for item in result.checklist}


def _watched(subject: str) -> list[str]:
    return [item.id for item in load_watchlist_from(DATA_DIR) if item.subject == subject]


# --- 1a wrong facts ---------------------------------------------------------------------------
def test_W1_city_hall_is_local_government() -> None:
    for question in (CITY_QUESTION, PREFECTURE_QUESTION):
        assert read_use_case(question).profile.organisation == "local_government", question
    assert read_use_case(MINISTRY_ML_QUESTION).profile.organisation == "government"
    city = {t.id for t in lookup_triggers(read_use_case(CITY_QUESTION).profile)}
    assert city == {
        "ai_act_framework",
        "art13_appropriateness",
        "aigfb_business",
        "consumer_facing",
        "ds920_model_for_local_government",
    }


def test_W2_art7_cooperation_is_a_shall_duty_apart_from_the_effort_to_use_ai() -> None:
    rb = load_rule_base()
    act = rb.sources["ai_promotion_act"]
    texts = [
        act.legal_force_note or "",
        act.summary,
        rb.roles["utilization_business_operator"].definition,
        rb.triggers["ai_act_framework"].in_practice,
        rb.topics["art7_business_operators"].answer,
        *rb.topics["art7_business_operators"].key_facts,
        rb.topics["actor_duties"].answer,
    ]
    folded = "endeavour to use AI and to cooperate"
    assert not [t for t in texts if folded in t]
    assert "must cooperate with national and local AI measures" in (act.legal_force_note or "")
    assert "endeavour to use AI actively" in (act.legal_force_note or "")
    assert '(a "shall" duty)' in " ".join(rb.topics["art7_business_operators"].key_facts)


# --- 1b mislabels -----------------------------------------------------------------------------
def test_M1_article13_guideline_is_a_non_binding_statutory_guideline(settings: Settings) -> None:
    rb = load_rule_base()
    guideline = rb.sources["art13_guideline"]
    assert guideline.legal_force == LegalForce.non_binding_soft_law
    assert guideline.kind == SourceKind.statutory_guideline
    assert "addressed to all stakeholders" in (guideline.legal_force_note or "")
    assert rb.triggers["art13_appropriateness"].legal_force == LegalForce.non_binding_soft_law
    answer = ask("Is the Article 13 guideline binding?", settings=settings, offline=True)
    assert answer.answer.startswith("No.")
    assert "binds the administration" not in answer.answer


def test_M2_synthetic_media_labelling_is_soft_law_not_hard_law() -> None:
    rb = load_rule_base()
    misuse = rb.triggers["synthetic_media_misuse"]
    assert misuse.legal_force == LegalForce.binding_hard_law
    assert "Label generated media" not in misuse.in_practice
    assert "No Japanese statute requires synthetic media to be labelled" in misuse.in_practice
    labelling = rb.triggers["synthetic_media_labelling"]
    assert labelling.legal_force == LegalForce.non_binding_soft_law
    assert rb.checklist["synthetic_media_labelling"].applies_to_triggers == [
        "synthetic_media_labelling"
    ]
    result = assess(VOICE_CLONE)
    assert {"synthetic_media_misuse", "synthetic_media_labelling"} <= _triggers(result)
    (item,) = [i for i in result.checklist if i.id == "synthetic_media_labelling"]
    assert item.why == [f"Engaged: {labelling.title}"]


def test_M3_the_agency_for_cultural_affairs_is_not_a_copyright_regulator() -> None:
    rb = load_rule_base()
    assert rb.triggers["copyright_training_output"].regulators == ["courts"]
    assert rb.triggers["copyright_in_use"].regulators == ["courts"]
    assert not [t.id for t in rb.triggers.values() if "aca" in t.regulators]


def test_M4_oecd_framework_is_a_reporting_framework() -> None:
    assert (
        load_rule_base().sources["oecd_reporting_framework"].kind == SourceKind.reporting_framework
    )


def test_M5_general_understanding_was_adopted_by_the_council_subcommittee() -> None:
    issuer = load_rule_base().sources["aca_ai_copyright"].issuer
    assert issuer.startswith("Council for Cultural Affairs, Copyright Subdivision, Legal")
    assert "published by the Agency for Cultural Affairs" in issuer


# --- 1c unsupported ---------------------------------------------------------------------------
def test_U1_rag_is_checked_against_article_47_5(settings: Settings) -> None:
    rb = load_rule_base()
    for trigger_id in ("copyright_training_output", "copyright_in_use"):
        sections = [c.section for c in rb.triggers[trigger_id].citations]
        assert "Art. 47-5" in sections, trigger_id
        assert "RAG" in rb.triggers[trigger_id].in_practice
    assert "Art. 47-5" in [c.section for c in rb.checklist["data_provenance"].citations]
    question = "Can we use RAG over news articles under Japanese copyright law?"
    assert "copyright_in_use" in {t.id for t in lookup_triggers(read_use_case(question).profile)}
    answer = ask(question, settings=settings, offline=True)
    copyright_cited = [c for c in answer.citations if c.id == "copyright_act"]
    assert copyright_cited and "Art. 47-5" in (copyright_cited[0].section or "")


def test_U2_a_city_gets_no_national_caio_or_advisory_board_duty() -> None:
    result = assess(CITY)
    assert "procurement_buyer" not in _triggers(result)
    assert not {"appoint_caio", "advisory_board_escalation", "low_risk_first"} & _actions(result)
    assert _roles(result) == {"provider", "government_body", "business_user"}


def test_U3_digital_agency_guideline_only_for_a_ministry_using_generative_ai() -> None:
    assert "procurement_buyer" not in _triggers(assess(MINISTRY_ML))
    assert "appoint_caio" not in _actions(assess(MINISTRY_ML))
    assert "procurement_buyer" not in {
        t.id for t in lookup_triggers(read_use_case(MINISTRY_ML_QUESTION).profile)
    }
    genai = assess(MINISTRY_GENAI)
    assert "procurement_buyer" in _triggers(genai)
    assert {"appoint_caio", "advisory_board_escalation"} <= _actions(genai)


def test_U4_a_deepfake_detection_tool_is_not_synthetic_media() -> None:
    reading = read_use_case("We build a deepfake detection tool for banks; what rules apply to us?")
    assert not reading.profile.synthetic_media
    assert "synthetic_media_misuse" not in {t.id for t in lookup_triggers(reading.profile)}
    assert read_use_case("we make a deepfake video app").profile.synthetic_media


def test_U5_a_hospital_pasting_records_is_not_a_decision_about_people() -> None:
    reading = read_use_case("Can our hospital paste patient records into ChatGPT?")
    assert reading.profile.sectors == ["health"]
    assert not reading.profile.decisions_about_people
    assert read_use_case(
        "What should a hospital using AI triage do?"
    ).profile.decisions_about_people


def test_U6_a_pure_user_gets_output_duties_not_training_data_provenance() -> None:
    user = assess(IMAGE_USER)
    assert "data_provenance" not in _actions(user)
    assert "output_similarity_check" in _actions(user)
    assert "copyright_in_use" in _triggers(user)
    assert "data_provenance" in _actions(assess(MODEL_DEVELOPER))


def test_U7_article_30_4_is_the_enjoyment_purpose_exception_with_its_proviso() -> None:
    rb = load_rule_base()
    summary = rb.sources["copyright_act"].summary
    assert "not aimed at enjoying" in summary
    assert "unreasonably harmed" in summary
    assert "allows use of works for information analysis, subject to provisos" not in summary
    card = rb.topics["copyright_ai"]
    assert "do not aim at enjoying" in card.answer
    assert not [k for k in card.key_facts if k.endswith("for information analysis, with provisos.")]
    assert "purpose is not to enjoy" in rb.triggers["copyright_training_output"].in_practice


def test_U8_the_state_leading_is_article_4_not_a_basic_idea_of_article_3() -> None:
    rb = load_rule_base()
    card = rb.topics["five_basic_ideas"]
    assert "state should drive" not in card.answer
    assert "The State's duty to plan and carry out AI measures is in Article 4, not Article 3." in (
        card.key_facts
    )
    ideas = [p for p in rb.principles.values() if p.group == "act_basic_idea"]
    assert "act_idea_comprehensive_push" not in rb.principles
    assert sorted(c.section or "" for p in ideas for c in p.citations) == [
        "Art. 3(1)",
        "Art. 3(2)",
        "Art. 3(3)",
        "Art. 3(4)",
        "Art. 3(5)",
    ]


def test_U9_binding_hard_law_only_where_a_hard_law_instrument_is_cited() -> None:
    rb = load_rule_base()
    hard = LegalForce.binding_hard_law
    unsupported = [
        t.id
        for t in rb.triggers.values()
        if t.legal_force == hard
        and not any(rb.sources[c.source].legal_force == hard for c in t.citations)
    ]
    assert unsupported == []
    (employment,) = [t for t in assess(HR_VENDOR).triggers if t.id == "sector_employment"]
    if employment.legal_force == hard:
        assert any(rb.sources[c.source].kind == "statute" for c in employment.citations)
    assert rb.triggers["sector_public_services"].regulators != ["mic", "digital_agency"]


def test_U9_kb_check_refuses_a_hard_law_badge_on_soft_law_citations(tmp_path: Path) -> None:
    data = make_data_dir(tmp_path)
    assert check_hard_law_badges(read_files(data)) == []
    edit_entry(data / "triggers.yaml", "privacy_appi", citations=[{"source": "aigfb"}])
    (problem,) = check_hard_law_badges(read_files(data))
    assert (Path(problem.file).name, problem.entry, problem.field) == (
        "triggers.yaml",
        "privacy_appi",
        "legal_force",
    )
    assert "cites no hard-law source (aigfb)" in problem.message
    assert check_hard_law_badges(read_files(DATA_DIR)) == []


def test_U10_incident_drills_are_repeated_not_once() -> None:
    text = load_rule_base().checklist["incident_response"].text
    assert "rehearse it once" not in text
    assert "practical drills at suitable intervals" in text


def test_U11_aisi_guides_carry_both_publication_and_announcement_dates() -> None:
    rb = load_rule_base()
    red_team = {d.date for d in rb.sources["aisi_red_teaming_guide"].dates}
    evaluation = {d.date for d in rb.sources["aisi_evaluation_guide"].dates}
    assert dt.date(2025, 4, 2) in red_team
    assert {dt.date(2025, 3, 28), dt.date(2025, 4, 2)} <= evaluation


# --- 1d missing -------------------------------------------------------------------------------
def test_X1_public_bodies_get_the_ai_guidelines_for_business() -> None:
    for profile in (CITY, MINISTRY_ML, MINISTRY_GENAI):
        result = assess(profile)
        assert "aigfb_business" in _triggers(result)
        assert "business_user" in _roles(result)
        assert "aigfb_checklist_worksheet" in _actions(result)
    assert "public bodies" in load_rule_base().sources["aigfb"].summary


def test_X2_a_business_user_of_a_frontier_model_sees_principle_xii() -> None:
    result = assess(GPT_USER)
    assert "hiroshima_principle_xii" in _triggers(result)
    assert "hiroshima_advanced_model" not in _triggers(result)
    assert "hiroshima_code_alignment" not in _actions(result)


def test_X3_digital_agency_guideline_scope_is_stated() -> None:
    summary = load_rule_base().sources["da_genai_guideline"].summary
    for words in (
        "national ministries and agencies",
        "text-",
        "specially designated",
        "fiscal 2026",
        "secretaries' meeting of the Digital Society Promotion Council",
        "not local governments",
    ):
        assert words in summary, words


def test_X4_local_government_has_its_own_layer_and_the_guidebook_is_watched() -> None:
    result = assess(CITY)
    assert "procurement_buyer" not in _triggers(result)
    (layer,) = [t for t in result.triggers if t.id == "ds920_model_for_local_government"]
    assert layer.legal_force == LegalForce.non_binding_soft_law
    assert "not yours" in load_rule_base().triggers[layer.id].why
    assert "ds920_model_for_local_government" not in _triggers(assess(MINISTRY_GENAI))
    assert "mic_local_government_guidebook_v4" in _watched("mic_local_government_guidebook")


def test_X5_ip_principle_code_draft_is_a_cited_soft_law_source() -> None:
    rb = load_rule_base()
    code = rb.sources["ip_principle_code"]
    assert code.legal_force == LegalForce.non_binding_soft_law
    assert dt.date(2025, 12, 26) in {d.date for d in code.dates}
    cited = [c.source for c in rb.triggers["copyright_training_output"].citations]
    assert "ip_principle_code" in cited


def test_X6_citizens_duty_cites_article_8() -> None:
    sections = [c.section for c in load_rule_base().topics["actor_duties"].citations]
    assert "Art. 8" in sections


def test_X7_hiroshima_code_adoption_dates() -> None:
    dates = {d.date for d in load_rule_base().sources["hiroshima_code"].dates}
    assert {dt.date(2023, 10, 30), dt.date(2023, 12, 1), dt.date(2023, 12, 6)} <= dates


def test_X8_evaluation_guide_first_edition_date() -> None:
    dates = {d.date for d in load_rule_base().sources["aisi_evaluation_guide"].dates}
    assert dt.date(2024, 9, 18) in dates


def test_X9_expert_panel_is_named_and_hq_articles_cited() -> None:
    hq = load_rule_base().institutions["ai_strategic_hq"]
    facts = " ".join(hq.facts)
    assert "人工知能戦略専門調査会" in facts
    assert "(Arts. 21-24)" in facts and "(Art. 26)" in facts


def test_X10_ppc_alert_names_prior_consent_and_the_openai_caution() -> None:
    summary = load_rule_base().sources["ppc_genai_alert"].summary
    assert "without the person's prior consent" in summary
    assert "OpenAI" in summary


def test_X11_article13_five_priorities_are_on_the_watch_list() -> None:
    assert "art13_guideline_five_priorities" in _watched("art13_guideline")


def test_X12_fsa_discussion_paper_is_cited_for_finance() -> None:
    rb = load_rule_base()
    assert "fsa_ai_discussion_paper" in rb.sources
    assert "fsa_ai_discussion_paper" in [c.source for c in rb.triggers["sector_finance"].citations]


def test_X13_mic_ai_security_guideline_is_on_the_watch_list() -> None:
    assert "mic_ai_security_guideline" in _watched("mic")


def test_X14_meti_contract_checklist_backs_the_contract_action() -> None:
    rb = load_rule_base()
    assert rb.sources["meti_ai_contract_checklist"].legal_force == LegalForce.non_binding_soft_law
    cited = [c.source for c in rb.checklist["procurement_contract_templates"].citations]
    assert "meti_ai_contract_checklist" in cited


def test_X15_residents_are_consumers() -> None:
    reading = read_use_case(
        "Our city uses an AI tool to sort enquiries from residents; what rules apply?"
    )
    assert reading.profile.customers == ["consumers"]
    assert "consumer_facing" in {t.id for t in lookup_triggers(reading.profile)}


def test_X16_ai_guidelines_for_business_carry_the_mic_page_too() -> None:
    also_at = load_rule_base().sources["aigfb"].also_at
    assert (
        "https://www.soumu.go.jp/main_sosiki/kenkyu/ai_network/02ryutsu20_04000019.html" in also_at
    )


# --- 1e stale ---------------------------------------------------------------------------------
def test_S1_appi_amendment_is_not_called_under_discussion() -> None:
    appi = load_rule_base().sources["appi"]
    assert not [u for u in appi.unconfirmed if "under discussion" in u]
    assert [u for u in appi.unconfirmed if "2026-07-10" in u and "2026-07-17" in u]
    assert "appi_amendment_2026" in _watched("appi")


def test_S2_revised_basic_plan_is_dated_and_watched() -> None:
    plan = load_rule_base().sources["ai_basic_plan"]
    assert [u for u in plan.unconfirmed if "2026-07-14" in u]
    assert "ai_basic_plan_revision_2026" in _watched("ai_basic_plan")


def test_S3_digital_agency_guideline_is_cited_as_version_2() -> None:
    rb = load_rule_base()
    assert "version 2.0 of 12 June 2026" in rb.topics["procurement_guideline"].answer
    assert "version 2.0 of 12 June 2026" in rb.triggers["procurement_buyer"].why
    assert "2025 guideline" not in rb.triggers["procurement_buyer"].why
    assert "2025 guideline" not in rb.topics["example_ministry_drafting_tool"].answer
    assert "ds920_version_2" in _watched("da_genai_guideline")


def test_S4_aigfb_version_1_2_content_is_stated() -> None:
    aigfb = load_rule_base().sources["aigfb"]
    assert "definitions of AI agents, physical AI and AI governance" in aigfb.summary
    assert aigfb.unconfirmed == []


def test_S5_civil_liability_and_publicity_guidance_are_watched() -> None:
    assert "meti_civil_liability_guide" in _watched("liability")
    assert "moj_publicity_rights_report" in _watched("publicity_rights")


def test_S6_aisi_evaluation_guide_v1_20_is_watched_not_stated() -> None:
    guide = load_rule_base().sources["aisi_evaluation_guide"]
    assert [u for u in guide.unconfirmed if "1.20" in u]
    assert "aisi_evaluation_guide_v1_20" in _watched("aisi_evaluation_guide")

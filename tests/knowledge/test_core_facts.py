"""The core files carry every instrument, key date, institution, role and principle of the brief."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from knowledge.loader import DATA_DIR, load_entries
from knowledge.schema import Institution, LegalForce, Principle, Role, Source

SOURCE_IDS = {
    "ai_promotion_act", "art13_guideline", "ai_basic_plan", "aigfb", "da_genai_guideline",
    "ppc_genai_alert", "appi", "aca_ai_copyright", "aca_copyright_checklist", "copyright_act",
    "aisi_red_teaming_guide", "aisi_evaluation_guide", "hiroshima_code",
    "oecd_reporting_framework", "penal_code",
}  # fmt: skip
INSTITUTION_IDS = {
    "ai_strategic_hq", "cabinet_office", "meti", "mic", "digital_agency",
    "advanced_ai_advisory_board", "ppc", "aca", "aisi", "ipa", "fsa", "mhlw", "mext", "mlit",
    "npa", "jftc", "caa",
}  # fmt: skip
ROLE_IDS = {
    "developer", "provider", "business_user", "utilization_business_operator",
    "research_institution", "government_body", "government_supplier",
}  # fmt: skip


def _load(name: str, model: type) -> dict:
    return {e.id: e for e in load_entries(DATA_DIR / name, model)}


SOURCES: dict[str, Source] = _load("sources.yaml", Source)
INSTITUTIONS: dict[str, Institution] = _load("institutions.yaml", Institution)
ROLES: dict[str, Role] = _load("roles.yaml", Role)
PRINCIPLES: dict[str, Principle] = _load("principles.yaml", Principle)


def _dates(entry: Source | Institution) -> set[str]:
    return {d.date.isoformat() for d in entry.dates}


def test_every_instrument_of_the_brief_is_a_source() -> None:
    # Later instruments (sector statutes, the audit's additions) may join the brief's.
    assert set(SOURCES) >= SOURCE_IDS


@pytest.mark.parametrize(
    "date", ["2025-06-04", "2025-09-01", "2025-09-12", "2025-12-19", "2025-12-23", "2026-03-31"]
)
def test_key_dates_are_in_the_rule_base(date: str) -> None:
    entries = [*SOURCES.values(), *INSTITUTIONS.values()]
    assert any(date in _dates(e) for e in entries), date


@pytest.mark.parametrize(
    ("source_id", "dates"),
    [
        ("ai_promotion_act", {"2025-02-28", "2025-05-28", "2025-06-04", "2025-09-01"}),
        ("art13_guideline", {"2025-12-05", "2025-12-11", "2025-12-19"}),
        ("ai_basic_plan", {"2025-12-23"}),
        ("aigfb", {"2024-04-19", "2024-11-22", "2025-03-28", "2026-03-31"}),
        ("da_genai_guideline", {"2025-05-27", "2026-06-12"}),
        ("ppc_genai_alert", {"2023-06-02"}),
        ("aca_ai_copyright", {"2024-03-15"}),
        ("aca_copyright_checklist", {"2024-07-31"}),
        ("aisi_red_teaming_guide", {"2024-09-25", "2025-04-02"}),
        ("oecd_reporting_framework", {"2025-02-07"}),
    ],
)
def test_instrument_dates(source_id: str, dates: set[str]) -> None:
    assert _dates(SOURCES[source_id]) == dates


def test_headquarters_and_aisi_dates() -> None:
    assert "2025-09-12" in _dates(INSTITUTIONS["ai_strategic_hq"])
    assert "2024-02-14" in _dates(INSTITUTIONS["aisi"])


@pytest.mark.parametrize(
    ("source_id", "force"),
    [
        ("ai_promotion_act", LegalForce.binding_no_penalty),
        # A statutory guideline that binds no one (audit M1), not a Cabinet policy.
        ("art13_guideline", LegalForce.non_binding_soft_law),
        ("ai_basic_plan", LegalForce.government_policy),
        ("aigfb", LegalForce.non_binding_soft_law),
        ("da_genai_guideline", LegalForce.internal_government_rule),
        ("ppc_genai_alert", LegalForce.non_binding_soft_law),
        ("appi", LegalForce.binding_hard_law),
        ("copyright_act", LegalForce.binding_hard_law),
        ("penal_code", LegalForce.binding_hard_law),
    ],
)
def test_legal_force(source_id: str, force: LegalForce) -> None:
    assert SOURCES[source_id].legal_force is force


def test_only_statutes_of_ordinary_law_are_binding_hard_law() -> None:
    hard = {s.id for s in SOURCES.values() if s.legal_force is LegalForce.binding_hard_law}
    # Sector statutes (issue 16) join the brief's three; every one of them is a statute.
    assert {"appi", "copyright_act", "penal_code"} <= hard
    assert all(SOURCES[s].kind == "statute" for s in hard)


def test_ppc_alert_says_the_duties_behind_it_are_binding() -> None:
    alert = SOURCES["ppc_genai_alert"]
    assert alert.kind == "regulator_alert"
    assert "APPI" in (alert.legal_force_note or "") and "binding" in alert.legal_force_note


def test_statute_urls_and_translation_flag() -> None:
    act = SOURCES["ai_promotion_act"]
    assert act.url == "https://laws.e-gov.go.jp/law/507AC0000000053"
    assert act.english_url == "https://www.japaneselawtranslation.go.jp/en/laws/view/5066"
    assert act.provisional_translation is True
    assert SOURCES["appi"].url == "https://laws.e-gov.go.jp/law/415AC0000000057"
    assert SOURCES["copyright_act"].url == "https://laws.e-gov.go.jp/law/345AC0000000048"
    assert SOURCES["penal_code"].url == "https://laws.e-gov.go.jp/law/140AC0000000045"


def test_every_source_is_checked_and_due_for_review_later() -> None:
    assert all(dt.date(2026, 11, 24) <= s.checked < s.review_by for s in SOURCES.values())
    assert all(s.title_ja and s.summary for s in SOURCES.values())


def test_secondary_facts_are_marked_unconfirmed() -> None:
    assert any("2026-07-14" in u for u in SOURCES["ai_basic_plan"].unconfirmed)
    assert any("amendment" in u for u in SOURCES["appi"].unconfirmed)


def test_institutions_and_what_they_do_not_do() -> None:
    assert set(INSTITUTIONS) >= INSTITUTION_IDS
    hq = INSTITUTIONS["ai_strategic_hq"]
    facts = " ".join(hq.facts)
    assert "Prime Minister heads" in facts and "every other cabinet minister" in facts
    assert "expert panel" in facts
    assert any("no power to fine" in line for line in INSTITUTIONS["aisi"].does_not)
    assert INSTITUTIONS["aisi"].parent == "Information-technology Promotion Agency (IPA)"


def test_roles_and_that_one_organisation_can_hold_several() -> None:
    assert set(ROLES) == ROLE_IDS
    assert [c.label() for c in ROLES["utilization_business_operator"].citations] == [
        "ai_promotion_act, Art. 7"
    ]
    for role_id in ("developer", "provider", "business_user"):
        assert "same time" in ROLES[role_id].definition
    text = (Path(DATA_DIR) / "roles.yaml").read_text(encoding="utf-8")
    assert "One organisation often holds several" in text


@pytest.mark.parametrize(
    ("group", "count"),
    [
        ("art13_element", 10),
        ("aigfb_common_principle", 10),
        ("operating_idea", 4),
        ("act_basic_idea", 5),
        ("basic_plan_principle", 3),
        ("basic_plan_direction", 4),
    ],
)
def test_principle_groups(group: str, count: int) -> None:
    assert sum(p.group == group for p in PRINCIPLES.values()) == count


def test_aigfb_principles_carry_the_official_japanese_names_in_order() -> None:
    names = [p.name_ja for p in PRINCIPLES.values() if p.group == "aigfb_common_principle"]
    assert names == [
        "人間中心", "安全性", "公平性", "プライバシー保護", "セキュリティ確保",
        "透明性", "アカウンタビリティ", "教育・リテラシー", "公正競争確保", "イノベーション",
    ]  # fmt: skip
    sections = [
        p.citations[0].section for p in PRINCIPLES.values() if p.group == "aigfb_common_principle"
    ]
    assert sections == [f"Part 2 C, {n})" for n in range(1, 11)]


def test_basic_plan_directions() -> None:
    names = [p.name for p in PRINCIPLES.values() if p.group == "basic_plan_direction"]
    assert names == ["Adopt AI", "Create AI", "Enhance AI Trustworthiness", "Collaborate with AI"]

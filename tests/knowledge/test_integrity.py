"""Integrity checks: every reference resolves, dates are sane and ids are unique."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from knowledge.check import CHECKS, check_rule_base, run_checks
from knowledge.loader import DATA_DIR, Problem
from tests.knowledge.kb_data import edit_entry, load, make_data_dir, write_yaml

CORE = ("sources.yaml", "institutions.yaml", "roles.yaml", "principles.yaml", "meta.yaml")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return make_data_dir(tmp_path)


def _only(problems: list[Problem]) -> tuple[str, str, str, str]:
    assert len(problems) == 1, problems
    p = problems[0]
    return Path(p.file).name, p.entry, p.field, p.message


def test_packaged_core_files_pass_every_check() -> None:
    # Other files are written by other parts; these five must be clean on their own.
    problems = [p for p in check_rule_base(DATA_DIR) if Path(p.file).name in CORE]
    assert problems == []


def test_packaged_rule_base_passes_every_check() -> None:
    assert [str(p) for p in check_rule_base(DATA_DIR)] == []


def test_citation_to_unknown_source(data: Path) -> None:
    edit_entry(data / "institutions.yaml", "ppc", citations=[{"source": "gdpr"}])
    assert _only(check_rule_base(data)) == (
        "institutions.yaml",
        "ppc",
        "citations.0.source",
        "cites unknown source 'gdpr' (not in sources.yaml)",
    )


def test_citation_in_a_file_without_a_schema_is_checked_too(data: Path) -> None:
    caveat = {"id": "c1", "text": "x", "text_ja": "x", "citations": [{"source": "eu"}]}
    write_yaml(data / "caveats.yaml", [caveat])
    assert _only(check_rule_base(data))[:3] == ("caveats.yaml", "c1", "citations.0.source")


def test_trigger_regulator_must_be_an_institution(data: Path) -> None:
    edit_entry(data / "triggers.yaml", "privacy_appi", regulators=["ppc", "ai_police"])
    assert _only(check_rule_base(data)) == (
        "triggers.yaml",
        "privacy_appi",
        "regulators",
        "refers to unknown id 'ai_police' in institutions.yaml",
    )


@pytest.mark.parametrize(
    ("field", "value", "target"),
    [
        ("applies_to_roles", ["developer", "deployer"], "roles.yaml"),
        ("applies_to_triggers", ["copyright_training"], "triggers.yaml"),
        ("principles", ["aigfb_accountability", "be_nice"], "principles.yaml"),
    ],
)
def test_checklist_references_must_exist(
    data: Path, field: str, value: list[str], target: str
) -> None:
    edit_entry(data / "checklist.yaml", "ai_inventory", **{field: value})
    file, entry, got_field, message = _only(check_rule_base(data))
    assert (file, entry, got_field) == ("checklist.yaml", "ai_inventory", field)
    assert message == f"refers to unknown id '{value[-1]}' in {target}"


def test_topic_related_must_exist(data: Path) -> None:
    edit_entry(data / "topics" / "regime.yaml", "regime_overview", related=["faq_missing"])
    assert _only(check_rule_base(data)) == (
        "regime.yaml",
        "regime_overview",
        "related",
        "refers to unknown topic 'faq_missing'",
    )


def test_role_rule_must_name_a_role(data: Path) -> None:
    # A rule valid in every other way (role_rules.yaml is schema-checked too), so the only
    # problem left is the dangling role.
    rule = {
        "role": "deployer",
        "when": {"builds_models": True},
        "citations": [{"source": "aigfb", "section": "Part 3"}],
    }
    write_yaml(data / "role_rules.yaml", [rule])
    assert _only(check_rule_base(data)) == (
        "role_rules.yaml",
        "deployer",
        "role",
        "refers to unknown id 'deployer' in roles.yaml",
    )


def test_duplicate_id_in_a_file(data: Path) -> None:
    roles = load(data / "roles.yaml")
    write_yaml(data / "roles.yaml", [*roles, roles[0]])
    assert _only(check_rule_base(data)) == ("roles.yaml", "developer", "id", "duplicate id")


def test_duplicate_topic_id_across_topic_files(data: Path) -> None:
    # Files are read in sorted order, so the copy in z_more.yaml is the duplicate.
    write_yaml(data / "topics" / "z_more.yaml", [load(data / "topics" / "regime.yaml")[1]])
    assert _only(check_rule_base(data))[:3] == ("z_more.yaml", "faq_ai_act", "id")


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("1899-12-31", "1899-12-31 is outside 1900-01-01 .. 2027-11-24 (a typo?)"),
        ("2027-11-25", "2027-11-25 is outside 1900-01-01 .. 2027-11-24 (a typo?)"),
    ],
)
def test_dates_must_be_plausible(data: Path, date: str, expected: str) -> None:
    path = data / "sources.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("date: 2023-06-02", f"date: {date}", 1),
        encoding="utf-8",
    )
    assert _only(check_rule_base(data)) == (
        "sources.yaml",
        "ppc_genai_alert",
        "dates.0.date",
        expected,
    )


def test_number_instead_of_iso_date(data: Path) -> None:
    # pydantic would read 20250604 as a Unix timestamp; the date check refuses it.
    edit_entry(data / "sources.yaml", "ai_basic_plan", checked=20261124)
    problems = [p for p in check_rule_base(data) if "ISO" in p.message]
    assert _only(problems) == (
        "sources.yaml",
        "ai_basic_plan",
        "checked",
        "'20261124' is not an ISO date (write YYYY-MM-DD)",
    )


def test_source_past_its_review_date(data: Path) -> None:
    url = "https://www.meti.go.jp/aigfb.html"
    edit_entry(
        data / "sources.yaml", "aigfb", url=url, checked="2026-01-10", review_by="2026-07-10"
    )
    assert _only(check_rule_base(data, today=dt.date(2026, 12, 1))) == (
        "sources.yaml",
        "aigfb",
        "review_by",
        "source aigfb was due for review on 2026-07-10; re-verify it against "
        "https://www.meti.go.jp/aigfb.html and update checked/review_by",
    )


def test_source_due_today_still_passes(data: Path) -> None:
    edit_entry(data / "sources.yaml", "aigfb", checked="2026-06-01", review_by="2026-12-01")
    assert check_rule_base(data, today=dt.date(2026, 12, 1)) == []


def test_review_date_before_checked_date(data: Path) -> None:
    edit_entry(data / "sources.yaml", "aigfb", checked="2026-11-24", review_by="2026-11-01")
    assert _only(check_rule_base(data, today=dt.date(2026, 10, 1))) == (
        "sources.yaml",
        "aigfb",
        "review_by",
        "review_by 2026-11-01 is not after checked 2026-11-24",
    )


def test_report_counts_entries_per_file(data: Path) -> None:
    report = run_checks(data)
    assert report.problems == []
    # The copied real sources.yaml grows with the rule base: count its entries, not a constant.
    assert report.counts["sources.yaml"] == len(load(data / "sources.yaml"))
    assert report.counts["roles.yaml"] == 7
    assert report.counts["topics/regime.yaml"] == 2
    assert str(report.as_of) == "2026-11-24"


def test_a_later_check_is_one_more_function(data: Path) -> None:
    def no_high_priority(files: object) -> list[Problem]:
        return [Problem("checklist.yaml", "ai_inventory", "priority", "too urgent")]

    report = run_checks(data, checks=[*CHECKS, no_high_priority])
    assert [p.message for p in report.problems] == ["too urgent"]

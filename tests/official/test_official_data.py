"""The official checklist data: counts and order as published, refs that resolve, strict loading."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from knowledge.loader import load_rule_base
from knowledge.official import OFFICIAL_DIR, load_official, validate_official
from knowledge.official_check import coverage_by_sheet, official_coverage_problems
from knowledge.schema import ChecklistAction, Citation


def test_sheet_row_counts_match_the_official_worksheet() -> None:
    official = load_official()
    counts = {sheet: len(official.sheet_rows(sheet)) for sheet in official.sheets}
    assert counts == {"common": 31, "gov": 20, "dev": 28, "prov": 23, "user": 12, "hiroshima": 12}


def test_common_sheet_codes_in_official_order() -> None:
    codes = [row.code for row in load_official().sheet_rows("common")]
    assert codes[:7] == ["1)①", "1)②", "1)③", "1)④", "1)⑤", "1)⑥", "2)①"]
    assert codes[-5:] == ["8)③", "9)", "10)①", "10)②", "10)③"]


def test_user_sheet_order_keeps_the_unheaded_rows_last() -> None:
    refs = [row.id for row in load_official().sheet_rows("user")]
    assert refs[6:] == [
        "user:use:7)⑥",
        "user:other:1)④",
        "user:other:2)①",
        "user:other:3)②",
        "user:other:8)①",
        "user:other:8)②",
    ]


def test_role_items_per_role_and_their_rows() -> None:
    official = load_official()
    per_role = {}
    for item in official.role_items.values():
        per_role[item.role] = per_role.get(item.role, 0) + 1
    assert per_role == {"developer": 13, "provider": 11, "business_user": 7}
    assert official.rows_for_ref("P-2) ii.") == ["prov:impl:2)②", "prov:after:2)②"]
    assert official.rows_for_ref("D-4)") == official.rows_for_ref("D-2) i.") == ["dev:data:2)③"]


def test_ref_syntax_resolves_every_kind() -> None:
    official = load_official()
    for ref in ["common:9)", "gov:3-4-2", "dev:after:7)⑥", "HCOC-⑫", "U-7) ii.", "7A-9", "AISI-10"]:
        assert official.ref_exists(ref), ref
    for ref in ["common:11)", "gov:7-1", "7A-10", "AISI-11", "HCOC-⑬", "dev:2)③"]:
        assert not official.ref_exists(ref), ref


def test_packaged_checklist_covers_every_official_item() -> None:
    assert official_coverage_problems() == []
    assert all(sheet.covered == sheet.total for sheet in coverage_by_sheet())


def test_every_action_has_official_refs() -> None:
    empty = [a.id for a in load_rule_base().checklist.values() if not a.official_refs]
    assert empty == []


def _action(refs: list[str]) -> ChecklistAction:
    return ChecklistAction(
        id="probe",
        title="Probe",
        text="Probe action.",
        phase="govern",
        timing="ongoing",
        harm="governance_gap",
        owner="governance",
        official_refs=refs,
        citations=[Citation(source="aigfb", section="Appendix 7C")],
    )


def test_unknown_ref_and_uncovered_rows_are_reported() -> None:
    problems = official_coverage_problems([_action(["common:1)①", "gov:9-9"])])
    unknown = [p for p in problems if p.field == "official_refs"]
    assert len(unknown) == 1
    assert unknown[0].entry == "probe"
    assert "unknown official ref 'gov:9-9'" in unknown[0].message
    uncovered = {p.entry for p in problems if p.field == ""}
    assert "common:1)①" not in uncovered
    assert "dev:other:1)①" not in uncovered  # "other" rows follow the common row
    assert {"common:1)②", "gov:1-1", "HCOC-①", "7A-1"} <= uncovered


def test_coverage_by_sheet_counts_a_partial_checklist() -> None:
    sheets = {s.sheet: s for s in coverage_by_sheet(checklist=[_action(["U-7) i.", "7A-4"])])}
    assert (sheets["user"].covered, sheets["user"].total) == (1, 12)
    assert sheets["7a"].uncovered == [
        "7A-1",
        "7A-2",
        "7A-3",
        "7A-5",
        "7A-6",
        "7A-7",
        "7A-8",
        "7A-9",
    ]


@pytest.fixture
def broken_dir(tmp_path: Path) -> Path:
    target = tmp_path / "official"
    shutil.copytree(OFFICIAL_DIR, target)
    return target


def test_limited_row_without_reason_is_an_error(broken_dir: Path) -> None:
    path = broken_dir / "rows_common.yaml"
    text = path.read_text(encoding="utf-8")
    # Drop the folded na_reason block of the first limited row (common:1)⑤).
    path.write_text(re.sub(r"  na_reason: >-\n(    .*\n)+", "", text, count=1), encoding="utf-8")
    official, problems = validate_official(broken_dir)
    assert official is None
    assert [(Path(p.file).name, p.entry) for p in problems] == [("rows_common.yaml", "common:1)⑤")]
    assert "needs na_reason" in problems[0].message


def test_role_item_pointing_nowhere_is_an_error(broken_dir: Path) -> None:
    path = broken_dir / "role_items.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"dev:build:5)①"', '"dev:build:5)⑨"'), encoding="utf-8")
    _, problems = validate_official(broken_dir)
    assert [(p.entry, p.field, p.message) for p in problems] == [
        ("D-5) i.", "rows", "unknown row 'dev:build:5)⑨'")
    ]

"""The pre-filled official worksheet for nine scenario profiles: sheets, rows, coverage, CSV."""

from __future__ import annotations

import csv

import openpyxl
import pytest

from knowledge.official import BUSINESS_ROLES, load_official
from tests.official.conftest import Built
from tests.official.scenarios import SCENARIOS
from tools.render import render_plan
from tools.worksheet import COLUMNS, HEADER_ROW, coverage, markdown_appendix
from tools.worksheet_fill import held_roles

NAMES = list(SCENARIOS)
SHEET_IDS = {sheet.name: sheet.id for sheet in load_official().sheets.values()}


def _data_rows(ws: openpyxl.worksheet.worksheet.Worksheet) -> list[tuple]:
    return list(ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True))


@pytest.mark.parametrize("name", NAMES)
def test_workbook_sheets_match_the_roles_held(built: dict[str, Built], name: str) -> None:
    case = built[name]
    book = openpyxl.load_workbook(case.xlsx)
    assert [SHEET_IDS[title] for title in book.sheetnames] == case.expected_sheets
    roles = held_roles(case.assessment)
    role_sheets = {"developer": "dev", "provider": "prov", "business_user": "user"}
    assert {role_sheets[r] for r in roles} == set(case.expected_sheets) - {
        "common",
        "gov",
        "hiroshima",
    }


@pytest.mark.parametrize("name", NAMES)
def test_rows_follow_the_official_list(built: dict[str, Built], name: str) -> None:
    official = load_official()
    book = openpyxl.load_workbook(built[name].xlsx)
    for title in book.sheetnames:
        ws = book[title]
        rows = _data_rows(ws)
        expected = official.sheet_rows(SHEET_IDS[title])
        assert [r[1] for r in rows] == [row.code for row in expected], title
        assert [r[9] for r in rows] == [row.id for row in expected], title
        assert [ws.cell(HEADER_ROW, c).value for c in (2, 7)] == ["分類\nCode", "✓"]


@pytest.mark.parametrize("name", NAMES)
def test_every_row_has_an_approach_or_a_reason(built: dict[str, Built], name: str) -> None:
    actions = {item.id for item in built[name].assessment.checklist}
    for sheet in built[name].filled:
        for row in sheet.rows:
            if row.applies:
                assert row.action_ids, row.ref
                assert set(row.action_ids) <= actions
                assert all(f"[{a}]" in row.approach for a in row.action_ids)
                assert "(Cites: " in row.approach
            else:
                assert row.scope.startswith("Not applicable"), row.ref
                assert row.approach == ""


@pytest.mark.parametrize("name", NAMES)
def test_nothing_is_not_applicable_for_a_held_role(built: dict[str, Built], name: str) -> None:
    official = load_official()
    roles = set(held_roles(built[name].assessment))
    for sheet in built[name].filled:
        for row in sheet.rows:
            spec = official.rows[row.ref]
            universal = set(spec.roles) == set(BUSINESS_ROLES)
            if universal or set(spec.roles) & roles or sheet.sheet.role in roles:
                assert not row.scope.startswith("Not applicable"), row.ref


@pytest.mark.parametrize("name", NAMES)
def test_coverage_is_complete_for_every_role_held(built: dict[str, Built], name: str) -> None:
    result = coverage(built[name].filled)
    assert result.uncovered == []
    assert result.covered == result.applicable > 0


def test_user_only_profile_gets_the_training_reason(built: dict[str, Built]) -> None:
    common = built["internal_copilot"].filled[0]
    row = next(r for r in common.rows if r.ref == "common:2)③")
    assert not row.applies
    assert row.scope.startswith("Not applicable: you do not train or fine-tune models")
    assert coverage(built["internal_copilot"].filled).not_applicable == 3


def test_advanced_model_user_sees_developer_items_marked_with_reasons(
    built: dict[str, Built],
) -> None:
    hiroshima = built["advanced_model_user"].filled[-1]
    assert hiroshima.sheet.id == "hiroshima"
    not_applicable = [row.code for row in hiroshima.rows if not row.applies]
    assert not_applicable == ["③", "④", "⑦", "⑧", "⑨", "⑩", "⑪"]
    twelve = hiroshima.rows[-1]
    assert twelve.applies
    assert "[ai_literacy_training]" in twelve.approach


def test_relations_prefilled_for_third_party_model(built: dict[str, Built]) -> None:
    prov = next(s for s in built["recruiting_screener"].filled if s.sheet.id == "prov")
    row = next(r for r in prov.rows if r.ref == "prov:impl:2)②")
    assert "third-party developer" in row.relations
    lab = next(s for s in built["foundation_model_lab"].filled if s.sheet.id == "prov")
    assert "third-party developer" not in next(r for r in lab.rows if r.ref == row.ref).relations
    user = next(s for s in built["recruiting_screener"].filled if s.sheet.id == "user")
    seven = next(r for r in user.rows if r.ref == "user:use:7)②")
    assert "decisions about individuals" in seven.relations


def test_header_leaves_people_review_date_and_tick_blank(built: dict[str, Built]) -> None:
    book = openpyxl.load_workbook(built["recruiting_screener"].xlsx)
    ws = book["ワークシート_AI利用者"]
    assert ws["A4"].value.startswith("α. ワークシートの作成者")
    assert ws["A6"].value.startswith("γ. 責任者")
    assert [ws.cell(r, 3).value for r in (4, 5, 6)] == [None, None, None]
    for row in _data_rows(ws):
        assert row[6] is None and row[8] is None  # ✓ and last review date
    assert ws.column_dimensions["H"].width == 70
    assert ws.cell(HEADER_ROW + 1, 8).alignment.wrap_text
    assert ws.freeze_panes == f"C{HEADER_ROW + 1}"


@pytest.mark.parametrize("name", ["foundation_model_lab", "advanced_model_user"])
def test_csv_round_trip_keeps_bom_and_japanese(built: dict[str, Built], name: str) -> None:
    case = built[name]
    assert [p.name for p in case.csvs] == [f"worksheet-{s}.csv" for s in case.expected_sheets]
    book = openpyxl.load_workbook(case.xlsx)
    for path, title in zip(case.csvs, book.sheetnames, strict=True):
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        assert rows[0][1] == "分類 / Code"
        assert len(rows[0]) == len(COLUMNS)
        xlsx_rows = [[v or "" for v in r] for r in _data_rows(book[title])]
        assert rows[1:] == xlsx_rows
    common = case.csvs[0].read_text(encoding="utf-8-sig")
    assert "人間の尊厳及び個人の自律\n(Respect for human dignity and personal autonomy)" in common


def test_markdown_appendix_maps_actions_and_states_coverage(built: dict[str, Built]) -> None:
    case = built["recruiting_screener"]
    text = markdown_appendix(case.assessment)
    assert text.startswith("## Appendix: official checklist references")
    assert "| Give AI governance a senior owner (`senior_ownership`) | `common:7)③`" in text
    # common 31 + gov 20 + provider 23 + user 12 = 86 rows; 2)③ (training) does not apply.
    assert (
        "Coverage: covers 85 of 85 official items that apply to your roles; "
        "1 marked not applicable with reasons." in text
    )
    assert "Not yet covered" not in text
    assert render_plan(case.assessment, "markdown", appendix=True).rstrip().endswith(text.rstrip())

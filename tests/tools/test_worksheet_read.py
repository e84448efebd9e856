"""Reading progress back from a filled worksheet: the lines it writes, edits a user makes, and
cells that disagree."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from core.errors import UsageError
from tools.progress import Status
from tools.worksheet_read import read_worksheet_progress

LINE = "• Test for bias [fairness_testing]: Test outputs across groups. (Cites: AIGfB)"


def _book(tmp_path: Path, *cells: str) -> Path:
    book = Workbook()
    for row, value in enumerate(cells, start=9):
        book.active.cell(row=row, column=8, value=value)
    path = tmp_path / "plan.xlsx"
    book.save(path)
    return path


def test_reads_status_evidence_and_not_applicable_reason(tmp_path: Path) -> None:
    path = _book(
        tmp_path,
        f"{LINE} [Status: Done, evidence: https://x.example/a, b]\n"
        "• Human review [human_review]: A person checks.\nSecond line. [Status: Not applicable: "
        "no decisions about people]",
    )
    read = read_worksheet_progress(path)
    assert read["fairness_testing"].status == Status.done
    assert read["fairness_testing"].evidence == "https://x.example/a, b"
    assert read["human_review"].status == Status.not_applicable
    assert read["human_review"].reason == "no decisions about people"


def test_the_same_action_in_two_cells_must_agree(tmp_path: Path) -> None:
    path = _book(tmp_path, f"{LINE} [Status: Done]", f"{LINE} [Status: To do]")
    with pytest.raises(UsageError, match=r"fairness_testing.*Sheet!H9.*Sheet!H10"):
        read_worksheet_progress(path)


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        ((f"{LINE} [Status: Finished]",), "'Finished' of action 'fairness_testing'"),
        ((f"{LINE} [Status: Not applicable]",), "needs a reason"),
        (("no status here",), "no '\\[Status: …\\]' lines"),
    ],
)
def test_bad_cells_name_the_problem(tmp_path: Path, cells: tuple[str, ...], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        read_worksheet_progress(_book(tmp_path, *cells))


def test_a_file_that_is_not_a_workbook_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_text("not a zip", encoding="utf-8")
    with pytest.raises(UsageError, match="Cannot read the worksheet"):
        read_worksheet_progress(path)


def test_a_csv_sheet_is_read_too(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text(f'a,"{LINE} [Status: Doing]"\n', encoding="utf-8-sig")
    assert read_worksheet_progress(path)["fairness_testing"].status == Status.doing


def test_a_status_written_in_japanese_is_read(tmp_path: Path) -> None:
    path = _book(tmp_path, f"{LINE} [Status: 完了, evidence: 社内報告書]")
    read = read_worksheet_progress(path)["fairness_testing"]
    assert (read.status, read.evidence) == (Status.done, "社内報告書")

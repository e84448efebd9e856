"""`plan import` of a file it cannot read is said in the reader's language (issue 18): the path,
the cell or row, the action id and the status as written stay; the sentence comes from labels."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.errors import UsageError
from knowledge.ui_labels import error_in
from tools.progress_io import read_progress

ENGLISH_RUN = re.compile(r"\b[A-Za-z]{3,}\s+[A-Za-z]{3,}\b")


def _japanese(path: Path) -> str:
    with pytest.raises(UsageError) as raised:
        read_progress(path)
    said = error_in(raised.value, "ja")
    rest = re.sub(r"`[^`]*`", "", said.replace(str(path), ""))
    assert ENGLISH_RUN.findall(rest) == [], said
    return said


def test_no_table_and_a_missing_worksheet_in_japanese(tmp_path: Path) -> None:
    empty = tmp_path / "plan.md"
    empty.write_text("# x\n", encoding="utf-8")
    assert "チェックリストの表がありません" in _japanese(empty)
    assert "ファイルまたはディレクトリがありません" in _japanese(tmp_path / "nope.xlsx")
    broken = tmp_path / "plan.json"
    broken.write_text("{}", encoding="utf-8")
    assert "progress" in _japanese(broken)


def test_a_bad_status_cell_in_japanese(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("• Fairness [fairness_testing]: x [Status: Maybe]\n", encoding="utf-8")
    said = _japanese(sheet)
    assert "1 行目" in said and "Maybe" in said and "未着手" in said, said
    sheet.write_text(
        "• Fairness [fairness_testing]: x [Status: Not applicable]\n", encoding="utf-8"
    )
    assert "理由" in _japanese(sheet)
    sheet.write_text(
        "• A [fairness_testing]: x [Status: Done]\n• A [fairness_testing]: x [Status: To do]\n",
        encoding="utf-8",
    )
    assert "2 行目" in _japanese(sheet)

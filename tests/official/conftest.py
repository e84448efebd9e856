"""Assess each scenario once and write its workbook and CSVs once (session scope)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from core.profile import UseCaseProfile
from tests.official.scenarios import SCENARIOS
from tools.assess import Assessment, assess
from tools.worksheet import write_csv, write_xlsx
from tools.worksheet_fill import FilledSheet, fill_worksheet


@dataclass(frozen=True)
class Built:
    assessment: Assessment
    filled: list[FilledSheet]
    xlsx: Path
    csvs: list[Path]
    expected_sheets: list[str]


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Built]:
    out: dict[str, Built] = {}
    for name, (fields, sheets) in SCENARIOS.items():
        folder = tmp_path_factory.mktemp(name)
        assessment = assess(UseCaseProfile(**fields))
        out[name] = Built(
            assessment=assessment,
            filled=fill_worksheet(assessment),
            xlsx=write_xlsx(assessment, folder / "plan.xlsx"),
            csvs=write_csv(assessment, folder),
            expected_sheets=sheets,
        )
    return out

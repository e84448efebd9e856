"""`shirube assess --format worksheet|csv` run as a user would (installed venv, subprocess); the
usage errors through the same entry point in-process (run_cli)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import openpyxl
import pytest
import yaml

from tests.conftest import run_shirube
from tests.faults.cli_runner import run_cli
from tests.official.scenarios import SCENARIOS


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return run_shirube("assess", *args)


def _run_in_process(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """The same command through the same entry point in-process (usage errors: no subprocess)."""
    done = run_cli("assess", *map(str, args))
    return subprocess.CompletedProcess(["shirube", "assess"], done.code, done.out, done.err)


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "lab.yaml"
    path.write_text(yaml.safe_dump(SCENARIOS["foundation_model_lab"][0]), encoding="utf-8")
    return path


def test_worksheet_and_csv_formats_write_files(profile: Path, tmp_path: Path) -> None:
    xlsx = tmp_path / "plan.xlsx"
    result = _run(profile, "--format", "worksheet", "--output", xlsx)
    assert result.returncode == 0, result.stderr
    assert f"Wrote the official worksheet to {xlsx}" in " ".join(result.stderr.split())
    assert openpyxl.load_workbook(xlsx).sheetnames[-1] == "ワークシート_広島プロセス国際指針"
    result = _run(profile, "--format", "csv", "--output", tmp_path / "lab")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.glob("lab-*.csv")) == [
        "lab-common.csv",
        "lab-dev.csv",
        "lab-gov.csv",
        "lab-hiroshima.csv",
        "lab-prov.csv",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "worksheet"], "--format worksheet writes files: add --output (plan.xlsx)."),
        (["--format", "worksheet", "-o", "plan.txt"], "must end in .xlsx for --format worksheet"),
        (["--format", "csv", "-o", "/nonexistent-shirube/x"], "does not exist. Create it"),
    ],
)
def test_bad_output_is_one_clear_message(profile: Path, args: list[str], message: str) -> None:
    result = _run_in_process(profile, *args)
    assert result.returncode == 2
    assert message in " ".join(result.stderr.split())
    assert "Traceback" not in result.stderr

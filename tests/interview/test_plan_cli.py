"""Issue 19: `shirube plan` keeps status and evidence as data, checks due dates for CI, takes a
changed answer without losing progress, and round-trips progress through the exports.

The commands run in-process through the real entry point (run_cli: agent.cli.main with its error
handling); tests/interview/test_cli.py runs `shirube interview` and `sessions` as subprocesses."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.faults.cli_runner import run_cli

ANSWERS = {
    "name": "Interview scoring",
    "description": "Scores recorded video interviews of job candidates.",
    "organisation": "company",
    "builds_models": "yes",
    "offers_to_others": "yes",
    "uses_in_operations": "no",
    "customers": "businesses",
    "personal_data": "personal",
    "personal_data_beyond_output": "yes",
    "copyrighted_material": "no",
    "sectors": "employment",
    "synthetic_media": "no",
    "advanced_model": "no",
    "outside_japan": "no",
    "decisions_about_people": "yes",
    "team_size": "startup",
    "launch_date": "2027-03-01",
}
EVIDENCE = "https://example.com/bias-report"


def shirube(*args: str, cwd: Path, stdin: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    """As tests.interview.test_cli.shirube (wide columns, the developer's SHIRUBE_LANG dropped),
    in-process: a subprocess each cost about a second."""
    values: dict[str, str | None] = {"SHIRUBE_LANG": None, "COLUMNS": "250", **env}
    done = run_cli(*args, cwd=cwd, env=values, stdin=stdin)
    return subprocess.CompletedProcess(["shirube", *args], done.code, done.out, done.err)


@pytest.fixture
def plan_id(fresh_home: Path, tmp_path: Path) -> str:
    answers = tmp_path / "answers.yaml"
    answers.write_text(yaml.safe_dump(ANSWERS), encoding="utf-8")
    done = shirube("interview", "--answers", str(answers), "-o", "plan.md", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    listed = shirube("sessions", "list", cwd=tmp_path)
    (found,) = re.findall(r"\b[0-9a-f]{8}\b", listed.stdout)
    return found


def test_set_then_show_and_check_exit_codes(plan_id: str, tmp_path: Path) -> None:
    done = shirube("plan", "set", plan_id, "fairness_testing", "--status", "done",
                   "--evidence", EVIDENCE, cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    shown = shirube("plan", "show", plan_id, cwd=tmp_path).stdout
    assert "Start here" in shown and "CTO" in shown and "CISO" not in shown
    before = shirube("plan", "check", plan_id, "--today", "2027-01-01", cwd=tmp_path)
    assert before.returncode == 0 and "Nothing is overdue" in before.stdout
    late = shirube("plan", "check", plan_id, "--today", "2027-03-01", cwd=tmp_path)
    assert late.returncode == 1 and "Keep a person in charge" in late.stdout
    assert "Test for bias" not in late.stdout  # done actions are never overdue
    bad = shirube("plan", "check", plan_id, "--today", "soon", cwd=tmp_path)
    assert bad.returncode == 2 and "not a date" in bad.stderr


def test_bad_input_exits_2_with_the_fix(plan_id: str, tmp_path: Path) -> None:
    cases = [
        (["set", plan_id, "99", "--status", "done"], "No action '99'"),
        (["set", plan_id, "1", "--status", "finished"], "Use one of: todo, doing, done"),
        (["set", plan_id, "1", "--status", "not_applicable"], "needs --reason"),
        (["show", "nope1234"], "No saved plan"),
        (["answer", plan_id, "colour", "red"], "Unknown answer 'colour'"),
    ]
    for args, message in cases:
        result = shirube("plan", *args, cwd=tmp_path)
        assert result.returncode == 2, (args, result.stderr)
        assert message in " ".join(result.stderr.split())


def test_changing_an_answer_keeps_the_status_of_unchanged_actions(
    plan_id: str, tmp_path: Path
) -> None:
    shirube("plan", "set", plan_id, "fairness_testing", "--status", "done", cwd=tmp_path)
    changed = shirube("plan", "answer", plan_id, "sectors", "none", cwd=tmp_path)
    assert changed.returncode == 0, changed.stderr
    exported = tmp_path / "after.json"
    shirube("plan", "export", plan_id, "-f", "json", "-o", str(exported), cwd=tmp_path)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["progress"]["fairness_testing"]["status"] == "done"
    assert "sector_supervisor_review" not in {i["id"] for i in data["checklist"]}


@pytest.mark.parametrize("suffix", ["md", "json"])
def test_progress_round_trips_through_an_edited_export(
    plan_id: str, tmp_path: Path, suffix: str
) -> None:
    shirube("plan", "set", plan_id, "human_review", "--status", "doing", cwd=tmp_path)
    path = tmp_path / f"export.{suffix}"
    fmt = "markdown" if suffix == "md" else "json"
    assert (
        shirube("plan", "export", plan_id, "-f", fmt, "-o", str(path), cwd=tmp_path).returncode == 0
    )
    text = path.read_text(encoding="utf-8")
    if suffix == "md":
        assert "| Doing |" in text
        row = next(r for r in text.splitlines() if r.startswith("|") and "**Test for bias" in r)
        text = text.replace(row, row.replace("| To do |", f"| Done ({EVIDENCE}) |"))
    else:
        data = json.loads(text)
        data["progress"]["fairness_testing"] = {"status": "done", "evidence": EVIDENCE}
        text = json.dumps(data)
    path.write_text(text, encoding="utf-8")
    imported = shirube("plan", "import", plan_id, str(path), cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    again = tmp_path / f"again.{suffix}"
    shirube("plan", "export", plan_id, "-f", fmt, "-o", str(again), cwd=tmp_path)
    result = again.read_text(encoding="utf-8")
    assert EVIDENCE in result
    if suffix == "md":
        assert "| Doing |" in result and f"| Done ({EVIDENCE}) |" in result


def test_exports_refuse_to_replace_a_file_or_mismatch_its_format(
    plan_id: str, tmp_path: Path
) -> None:
    (tmp_path / "plan.md").write_text("mine", encoding="utf-8")
    kept = shirube("plan", "export", plan_id, "-o", "plan.md", cwd=tmp_path)
    assert kept.returncode == 2 and "--force" in kept.stderr
    wrong = shirube("plan", "export", plan_id, "-f", "docx", "-o", "new.md", cwd=tmp_path)
    assert wrong.returncode == 2 and "Name it new.docx" in " ".join(wrong.stderr.split())
    docx = shirube("plan", "export", plan_id, "-f", "docx", "-o", "plan.docx", cwd=tmp_path)
    assert docx.returncode == 0 and (tmp_path / "plan.docx").read_bytes()[:2] == b"PK"
    assert (tmp_path / "plan.md").read_text(encoding="utf-8") == "mine"


def test_the_worksheet_ticks_rows_whose_actions_are_done(plan_id: str, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    for action in ("fairness_testing", "human_review"):
        shirube("plan", "set", plan_id, action, "--status", "done", cwd=tmp_path)
    out = tmp_path / "plan.xlsx"
    result = shirube("plan", "export", plan_id, "-f", "worksheet", "-o", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    cells = [c.value for ws in load_workbook(out) for row in ws.iter_rows() for c in row]
    assert "✓" in cells
    assert any(isinstance(v, str) and "Status: Done" in v for v in cells)


def test_progress_round_trips_through_an_edited_worksheet(plan_id: str, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    shirube("plan", "set", plan_id, "human_review", "--status", "doing", "--owner", "Aiko",
            cwd=tmp_path)  # fmt: skip
    out = tmp_path / "plan.xlsx"
    assert shirube("plan", "export", plan_id, "-f", "worksheet", "-o", str(out),
                   cwd=tmp_path).returncode == 0  # fmt: skip
    book = load_workbook(out)
    edited = 0
    for sheet in book.worksheets:  # every cell naming the action, as a careful user would
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and "[fairness_testing]" in cell.value:
                    lines = [
                        line.replace("[Status: To do]", f"[Status: Done, evidence: {EVIDENCE}]")
                        if "[fairness_testing]" in line
                        else line
                        for line in cell.value.split("\n")
                    ]
                    cell.value = "\n".join(lines)
                    edited += 1
    assert edited
    book.save(out)
    imported = shirube("plan", "import", plan_id, str(out), cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    again = tmp_path / "again.json"
    shirube("plan", "export", plan_id, "-f", "json", "-o", str(again), cwd=tmp_path)
    progress = json.loads(again.read_text(encoding="utf-8"))["progress"]
    assert progress["fairness_testing"]["status"] == "done"
    assert progress["fairness_testing"]["evidence"] == EVIDENCE
    # The worksheet has no owner column: the owner set before survives the import.
    assert progress["human_review"]["status"] == "doing"
    assert progress["human_review"]["owner"] == "Aiko"

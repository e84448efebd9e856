"""`kb check` validates trigger conditions and reports official-row coverage per sheet."""

from __future__ import annotations

from pathlib import Path

from knowledge.check import check_rule_base
from tests.knowledge.kb_data import edit_entry, make_data_dir
from tests.knowledge.test_cli_kb import run


def test_a_condition_on_an_unknown_field_is_reported(tmp_path: Path) -> None:
    data = make_data_dir(tmp_path)
    edit_entry(data / "triggers.yaml", "privacy_appi", when={"personal_dta": ["personal"]})
    problems = [p for p in check_rule_base(data) if p.field == "when"]
    assert len(problems) == 1
    assert problems[0].entry == "privacy_appi"
    assert "personal_dta" in problems[0].message


def test_a_condition_with_a_value_outside_the_field_choices_is_reported(tmp_path: Path) -> None:
    data = make_data_dir(tmp_path)
    edit_entry(data / "triggers.yaml", "privacy_appi", when={"personal_data": ["secret"]})
    problems = [p for p in check_rule_base(data) if p.field == "when"]
    assert problems and "secret" in problems[0].message


def test_kb_check_prints_official_coverage_per_sheet() -> None:
    result = run("kb", "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Official checklist coverage" in result.stdout
    for sheet in ("(common)", "(gov)", "(dev)", "(prov)", "(user)", "(hiroshima)", "(7a)"):
        line = next(line for line in result.stdout.splitlines() if sheet in line)
        covered, total = line.split(": ")[1].split(" ")[0].split("/")
        assert covered == total, line

"""A broken rule-base file gives problems naming the file, the entry and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.check import check_rule_base
from knowledge.loader import DATA_DIR, Problem, validate_entries
from knowledge.schema import Institution, Principle, Role, Source
from tests.knowledge.kb_data import edit_entry, make_data_dir


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return make_data_dir(tmp_path)


def _find(problems: list[Problem], file: str, entry: str, field: str) -> Problem:
    for problem in problems:
        if problem.file.endswith(file) and problem.entry == entry and problem.field == field:
            return problem
    raise AssertionError(f"no problem for {file} / {entry} / {field} in {problems}")


@pytest.mark.parametrize(
    ("name", "model"),
    [
        ("sources.yaml", Source),
        ("institutions.yaml", Institution),
        ("roles.yaml", Role),
        ("principles.yaml", Principle),
    ],
)
def test_packaged_core_files_are_valid(name: str, model: type) -> None:
    entries, problems = validate_entries(DATA_DIR / name, model)
    assert problems == []
    assert entries


def test_copy_is_valid_before_breaking_it(data: Path) -> None:
    assert check_rule_base(data) == []


def test_unknown_field_names_file_entry_and_field(data: Path) -> None:
    edit_entry(data / "sources.yaml", "ai_promotion_act", colour="red")
    problem = _find(check_rule_base(data), "sources.yaml", "ai_promotion_act", "colour")
    assert "Extra inputs are not permitted" in problem.message
    assert str(problem).endswith(
        "sources.yaml: entry 'ai_promotion_act', field 'colour': Extra inputs are not permitted"
    )


def test_non_iso_date_string_is_a_schema_and_date_problem(data: Path) -> None:
    edit_entry(
        data / "sources.yaml", "aigfb", dates=[{"event": "version 1.2", "date": "2026/03/31"}]
    )
    problems = check_rule_base(data)
    assert "valid date" in _find(problems, "sources.yaml", "aigfb", "dates.0.date").message
    iso = [p for p in problems if "not an ISO date" in p.message]
    assert [(p.entry, p.field) for p in iso] == [("aigfb", "dates.0.date")]


def test_impossible_date_is_reported_not_raised(data: Path) -> None:
    path = data / "sources.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("2025-12-23", "2025-13-23"), encoding="utf-8"
    )
    problems = check_rule_base(data)
    assert any(
        p.file.endswith("sources.yaml") and "month must be in 1..12" in p.message for p in problems
    )


def test_bad_legal_force_lists_the_allowed_values(data: Path) -> None:
    edit_entry(data / "sources.yaml", "aigfb", legal_force="binding")
    problem = _find(check_rule_base(data), "sources.yaml", "aigfb", "legal_force")
    assert "'binding_hard_law'" in problem.message
    assert "'non_binding_soft_law'" in problem.message


def test_missing_citations_are_required(data: Path) -> None:
    edit_entry(data / "roles.yaml", "developer", citations=None)
    problem = _find(check_rule_base(data), "roles.yaml", "developer", "citations")
    assert problem.message == "Field required"


def test_empty_citations_are_rejected(data: Path) -> None:
    edit_entry(data / "institutions.yaml", "aisi", citations=[])
    problem = _find(check_rule_base(data), "institutions.yaml", "aisi", "citations")
    assert "at least 1 item" in problem.message


def test_unknown_principle_group_is_rejected(data: Path) -> None:
    edit_entry(data / "principles.yaml", "agile_pdca", group="operating_ideas")
    problem = _find(check_rule_base(data), "principles.yaml", "agile_pdca", "group")
    assert "'operating_idea'" in problem.message


def test_url_must_be_https(data: Path) -> None:
    edit_entry(data / "sources.yaml", "appi", url="http://laws.e-gov.go.jp/law/415AC0000000057")
    _find(check_rule_base(data), "sources.yaml", "appi", "url")


def test_top_level_mapping_instead_of_list(data: Path) -> None:
    (data / "roles.yaml").write_text("developer: {name: AI developer}\n", encoding="utf-8")
    problem = _find(check_rule_base(data), "roles.yaml", "-", "")
    assert problem.message == "expected a list of entries at the top level"


def test_missing_file_is_named(data: Path) -> None:
    (data / "principles.yaml").unlink()
    problem = _find(check_rule_base(data), "principles.yaml", "-", "")
    assert problem.message == "file is missing"

"""`shirube --help/--version` run as a user would (the installed command); `shirube sources` and
`shirube kb check` through the same entry point in-process (a subprocess each cost ~1 s)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from knowledge.loader import load_rule_base
from tests.conftest import run_shirube
from tests.faults.cli_runner import CliResult, run_cli
from tests.knowledge.kb_data import edit_entry, make_data_dir


def run(*args: str) -> subprocess.CompletedProcess[str]:
    # A wide terminal keeps table cells and messages on one line each, so asserts stay simple.
    return run_shirube(*args, env={"COLUMNS": "200"}, timeout=60)


def run_in_process(*args: str, columns: int = 200) -> CliResult:
    return run_cli(*args, env={"COLUMNS": str(columns)})


def test_help_lists_the_commands() -> None:
    result = run("--help")
    assert result.returncode == 0, result.stderr
    assert "Usage: shirube" in result.stdout
    for command in ("sources", "kb"):
        assert f"│ {command} " in result.stdout
    version_line = next(line for line in result.stdout.splitlines() if "--version" in line)
    assert "<bool>" not in version_line


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == "shirube 0.1.0"


@pytest.fixture(scope="module")
def sources_json() -> list[dict]:
    result = run_in_process("sources", "--format", "json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_sources_json_is_a_stable_list_of_instruments(sources_json: list[dict]) -> None:
    by_id = {s["id"]: s for s in sources_json}
    assert len(by_id) == len(sources_json) == len(load_rule_base().sources)
    act = by_id["ai_promotion_act"]
    assert act["legal_force"] == "binding_no_penalty"
    promulgated = {"event": "promulgated; most provisions in force", "date": "2025-06-04"}
    assert any(promulgated.items() <= d.items() for d in act["dates"])
    assert act["checked"] == "2026-11-24"
    assert act["review_by"] == "2027-11-24"
    assert act["provisional_translation"] is True
    assert by_id["aigfb"]["legal_force"] == "non_binding_soft_law"
    assert by_id["aigfb"]["version"] == "1.2"
    assert "2026-03-31" in [d["date"] for d in by_id["aigfb"]["dates"]]
    assert by_id["art13_guideline"]["legal_force"] == "non_binding_soft_law"
    assert by_id["da_genai_guideline"]["legal_force"] == "internal_government_rule"
    assert all(s["url"].startswith("https://") for s in sources_json)


def test_sources_text_shows_force_in_words_and_urls() -> None:
    result = run_in_process("sources")
    assert result.code == 0, result.err
    assert "AI Promotion Act" in result.out
    assert "binding statute without" in result.out
    assert "https://laws.e-gov.go.jp/law/507AC0000000053" in result.out
    assert "provisional translation" in result.out
    assert "Checked / review by" in result.out
    assert "2027-11-24" in result.out  # the AI Promotion Act's review date


def test_sources_bad_format_is_a_usage_error() -> None:
    result = run_in_process("sources", "--format", "xml")
    assert result.code == 2
    assert "'xml' is not one of" in result.err
    assert "Traceback" not in result.err


def test_kb_check_ok_prints_counts(tmp_path: Path) -> None:
    result = run_in_process("kb", "check", "--data-dir", str(make_data_dir(tmp_path)))
    assert result.code == 0, result.out
    assert result.out.startswith("Rule base OK (as of 2026-11-24): ")
    assert (
        f"sources.yaml {len(load_rule_base().sources)}" in result.out
        and "roles.yaml 7" in result.out
    )


def test_kb_check_reports_file_entry_field_and_exits_1(tmp_path: Path) -> None:
    data = make_data_dir(tmp_path)
    edit_entry(data / "roles.yaml", "provider", citations=[{"source": "eu_ai_act"}])
    result = run_in_process("kb", "check", "--data-dir", str(data))
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0].endswith("roles.yaml")
    assert lines[1] == (
        "  entry 'provider', field 'citations.0.source': "
        "cites unknown source 'eu_ai_act' (not in sources.yaml)"
    )
    assert lines[-1] == "1 problem in 1 file. Fix them and run `shirube kb check` again."


def test_kb_check_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = run_in_process("kb", "check", "--data-dir", str(tmp_path / "nope"))
    assert result.code == 2
    assert "is not a folder; pass the folder that holds sources.yaml" in result.err
    assert "Traceback" not in result.err


def test_kb_check_on_the_packaged_rule_base() -> None:
    result = run_in_process("kb", "check")
    assert result.code == 0, result.out
    assert f"sources.yaml {len(load_rule_base().sources)}" in result.out


def test_sources_table_in_japanese() -> None:
    result = run_in_process("sources", "--lang", "ja", columns=160)
    assert result.code == 0, result.err
    out = result.out
    assert "Shirube が出典とする公式文書" in out and "AI推進法" in out and "法律" in out
    assert "公式の本文（日本語の本文が正本です）" in out and "英語版（仮訳）：" in out
    for english in ("Official instruments", "AI Promotion Act", "statute", "Legal force"):
        assert english not in out

"""`shirube assess` run as a user would, in a subprocess of the installed venv (a plan written to a
file); its other outputs and usage errors through the same entry point in-process (run_cli: a
subprocess loads the rule base again, seconds each)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import run_shirube
from tests.faults.cli_runner import run_cli
from tests.tools.plan_shape import PLAN_KEYS

SCENARIOS = Path(__file__).parent / "scenarios"


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return run_shirube("assess", *args)


def _run_in_process(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """The same command through the same entry point in-process (usage errors: no subprocess)."""
    done = run_cli("assess", *map(str, args))
    return subprocess.CompletedProcess(["shirube", "assess"], done.code, done.out, done.err)


def _flat(text: str) -> str:
    # Rich wraps long error lines; compare with whitespace collapsed.
    return " ".join(text.split())


@pytest.fixture(scope="module")
def chatbot_profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    doc = yaml.safe_load((SCENARIOS / "customer_records_public_chatbot.yaml").read_text())
    path = tmp_path_factory.mktemp("cli") / "chatbot.yaml"
    path.write_text(yaml.safe_dump(doc["profile"]), encoding="utf-8")
    return path


def test_json_output_is_the_documented_shape(chatbot_profile: Path) -> None:
    result = _run_in_process(chatbot_profile, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == PLAN_KEYS
    assert [t["id"] for t in data["triggers"]][-2:] == [
        "ppc_genai_personal_data",
        "appi_use_beyond_output",
    ]
    assert data["triggers"][-1]["citations"][0] == {"source": "ppc_genai_alert", "section": None}


def test_markdown_plan_written_to_a_file(chatbot_profile: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.md"
    result = _run(chatbot_profile, "--format", "markdown", "--output", out)
    assert result.returncode == 0, result.stderr
    assert f"Wrote the markdown plan to {out}" in _flat(result.stderr)
    plan = out.read_text(encoding="utf-8")
    for heading in (
        "## Summary",
        "## Roles and why",
        "## Applicable layers",
        "## Checklist",
        "## Sources",
        "## Caveats",
    ):
        assert heading in plan
    assert "| # | Action | Owner | When | Due | Status | Sources |" in plan
    assert "https://www.ppc.go.jp/news/press/2023/230602kouhou/" in plan


def test_text_output_is_readable(chatbot_profile: Path) -> None:
    result = _run_in_process(chatbot_profile)
    assert result.returncode == 0, result.stderr
    assert "Personal data in AI use (APPI, PPC alert on generative AI)" in result.stdout
    assert "Caveats" in result.stdout and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.json", '{"name": ', "invalid JSON at line 1, column 10"),
        ("bad.yaml", "name: 'open\n", "invalid YAML"),
        ("bad.yaml", "colour: red\n", "unknown field 'colour'. Allowed fields: name, description"),
        (
            "bad.yaml",
            "personal_data: lots\n",
            "field 'personal_data' has the invalid value 'lots'. "
            "Allowed: none, personal, sensitive.",
        ),
        (
            "bad.yaml",
            "outside_japan: sometimes\n",
            "field 'outside_japan' has the invalid value 'sometimes'. Allowed: true or false.",
        ),
    ],
)
def test_bad_profiles_exit_2_with_one_message(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = _run_in_process(path, "--format", "json")
    assert result.returncode == 2
    assert message in _flat(result.stderr)
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_missing_file_exits_2(tmp_path: Path) -> None:
    result = _run_in_process(tmp_path / "absent.yaml")
    assert result.returncode == 2
    assert "Profile file not found:" in _flat(result.stderr)


def test_bad_format_exits_2_with_allowed_values(chatbot_profile: Path) -> None:
    result = _run_in_process(chatbot_profile, "--format", "pdf")
    assert result.returncode == 2
    assert "unknown format 'pdf'. Allowed formats: text, markdown, json" in _flat(result.stderr)

"""`shirube ask` as a user runs it, with no model server reachable: the JSON contract from a
subprocess of the installed command, the other outputs and usage errors through the same entry
point in-process (run_cli; a subprocess loads the index and the embedder again, seconds each)."""

from __future__ import annotations

import json
import subprocess

import pytest

from core.config import Settings
from knowledge.loader import load_rule_base
from tests.conftest import run_shirube
from tests.faults.cli_runner import CliResult, run_cli


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return run_shirube("ask", *args, env={"COLUMNS": "200"}, timeout=240)


def _ask(*args: str, columns: int = 200) -> CliResult:
    return run_cli("ask", *args, env={"COLUMNS": str(columns)})


@pytest.fixture(scope="module", autouse=True)
def _index(settings: Settings) -> None:
    """The index is built once by the session fixture; the subprocesses reuse it."""


def test_json_output_has_exactly_the_contract_keys() -> None:
    done = _run("--format", "json", "Who chairs the AI Strategic Headquarters?")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) == {
        "question",
        "answer",
        "citations",
        "mode",
        "scope",
        "tools_called",
        "latency_ms",
        "notice",
        "route",
        "fact_ids",
        "query",
        "lang",
        "rule_base_as_of",
        "model",
    }
    assert set(data["citations"][0]) == {
        "id", "title", "section", "url", "legal_force", "excerpt", "label"
    }  # fmt: skip
    assert data["lang"] == "en" and data["citations"][0]["label"] is None  # Japanese: 日本語 label
    assert "Prime Minister" in data["answer"]
    assert data["mode"] == "offline"
    assert data["model"]["state"] == "no_server" and data["model"]["reason"]  # the typed decision
    assert data["rule_base_as_of"] == load_rule_base().meta.as_of.isoformat()
    assert data["scope"] == "in"
    assert data["notice"].startswith("Offline mode: answer composed from Shirube's rule base")
    assert "Model unavailable: no Ollama server answered at http://127.0.0.1:9" in data["notice"]


def test_text_output_says_offline_and_lists_numbered_sources() -> None:
    done = _ask("--offline", "Are the AI Guidelines for Business legally binding?")
    assert done.code == 0, done.err
    assert "Offline mode: answer composed from Shirube's rule base (no model)." in done.out
    assert done.out.index("No") < done.out.index("Sources")
    assert "[1] AI Guidelines for Business" in done.out
    assert "mode: offline" in done.out
    assert f"rule base as of {load_rule_base().meta.as_of}" in done.out


def test_a_long_japanese_source_title_stays_beside_its_number() -> None:
    done = _ask("--offline", "AI推進法に罰則はありますか", columns=60)
    assert done.code == 0, done.err
    assert "[1] 人工知能関連技術の研究開発及び活用の推進に関する法律" in done.out


def test_markdown_output() -> None:
    done = _ask("--format", "markdown", "--offline", "Does Japan have an AI Act?")
    assert done.code == 0, done.err
    assert done.out.startswith("Yes")
    assert "**Sources**" in done.out
    assert "1. Act on Promotion of Research and Development" in done.out
    assert done.out.count("Rule base as of") == 1
    assert done.out.endswith(f"_Rule base as of {load_rule_base().meta.as_of}._\n")


@pytest.mark.parametrize("question", ["", "   "])
def test_empty_question_exits_2_with_a_clear_message(question: str) -> None:
    done = _ask(question)
    assert done.code == 2
    assert "No question given" in done.err
    assert "Traceback" not in done.err + done.out


def test_bad_format_exits_2_without_traceback() -> None:
    done = _ask("--format", "yaml", "Does Japan have an AI Act?")
    assert done.code == 2
    assert "Traceback" not in done.err
    assert "yaml" in done.err

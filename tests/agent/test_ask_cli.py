"""`shirube ask` as a user runs it: a subprocess with no model server reachable."""

from __future__ import annotations

import json
import subprocess

import pytest

from core.config import Settings
from knowledge.loader import load_rule_base
from tests.conftest import run_shirube


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return run_shirube("ask", *args, env={"COLUMNS": "200"}, timeout=240)


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
    done = _run("--offline", "Are the AI Guidelines for Business legally binding?")
    assert done.returncode == 0, done.stderr
    assert "Offline mode: answer composed from Shirube's rule base (no model)." in done.stdout
    assert done.stdout.index("No") < done.stdout.index("Sources")
    assert "[1] AI Guidelines for Business" in done.stdout
    assert "mode: offline" in done.stdout
    assert f"rule base as of {load_rule_base().meta.as_of}" in done.stdout


def test_a_long_japanese_source_title_stays_beside_its_number() -> None:
    done = run_shirube("ask", "--offline", "AI推進法に罰則はありますか", env={"COLUMNS": "60"},
                       timeout=240)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "[1] 人工知能関連技術の研究開発及び活用の推進に関する法律" in done.stdout


def test_markdown_output() -> None:
    done = _run("--format", "markdown", "--offline", "Does Japan have an AI Act?")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Yes")
    assert "**Sources**" in done.stdout
    assert "1. Act on Promotion of Research and Development" in done.stdout
    assert done.stdout.count("Rule base as of") == 1
    assert done.stdout.endswith(f"_Rule base as of {load_rule_base().meta.as_of}._\n")


@pytest.mark.parametrize("question", ["", "   "])
def test_empty_question_exits_2_with_a_clear_message(question: str) -> None:
    done = _run(question)
    assert done.returncode == 2
    assert "No question given" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def test_bad_format_exits_2_without_traceback() -> None:
    done = _run("--format", "yaml", "Does Japan have an AI Act?")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "yaml" in done.stderr

"""Issue 18: `kb check` fails when an interview question, choice or role lacks its Japanese."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from typer.testing import CliRunner

from agent.cli.main import app
from knowledge.check import check_rule_base
from knowledge.loader import DATA_DIR
from knowledge.questions import load_questions
from tests.fixtures import RULE_BASE_DIR as FIXTURE


def _japanese(problems: list) -> list[tuple[str, str, str]]:
    return [(Path(p.file).name, p.entry, p.field) for p in problems if "Japanese" in p.message]


def _copy(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    return data


def test_every_question_and_choice_has_its_japanese() -> None:
    assert [q.id for q in load_questions() if q.missing_japanese()] == []


def test_a_question_without_japanese_text_fails_kb_check(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    bank = data / "questions.yaml"
    text = bank.read_text(encoding="utf-8")
    text = re.sub(r'\n  text_ja: "運用しているのは[^\n]*', "", text)  # organisation
    text = text.replace(', label_ja: "大学・研究機関"', "")  # one choice label
    bank.write_text(text, encoding="utf-8")

    problems = _japanese(check_rule_base(data))
    assert problems == [
        ("questions.yaml", "organisation", "text_ja"),
        ("questions.yaml", "organisation", "choices.research.label_ja"),
    ]
    result = CliRunner().invoke(app, ["kb", "check", "--data-dir", str(data)])
    assert result.exit_code == 1
    assert "entry 'organisation', field 'text_ja': has no Japanese text" in result.output


def test_a_role_without_its_japanese_name_fails_kb_check(tmp_path: Path) -> None:
    data = tmp_path / "fixture"
    shutil.copytree(FIXTURE, data)
    roles = data / "roles.yaml"
    roles.write_text(
        roles.read_text(encoding="utf-8").replace("  name_ja: 研究開発機関\n", ""),
        encoding="utf-8",
    )
    assert _japanese(check_rule_base(data)) == [("roles.yaml", "research_institution", "name_ja")]

"""`interview --answers`: values as a user writes them in YAML read like typed answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.cli.interview import load_answers, run_answers
from agent.interview.session import InterviewSession
from core.config import Settings


@pytest.mark.parametrize("empty", ['""', "''", "[]", "' '"])
def test_empty_multiple_choice_answer_reads_as_none(
    settings: Settings, tmp_path: Path, empty: str
) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(f"name: Bot\ndescription: A helper\nsectors: {empty}\n", encoding="utf-8")
    session = InterviewSession.start(settings, output=str(tmp_path / "plan.md"))
    try:
        step = run_answers(session, load_answers(path), path)
        assert step.done and session.profile_so_far.sectors == []
    finally:
        session.close()
    assert (tmp_path / "plan.md").is_file()

"""Issue 19: 'not sure' everywhere, skip that never hides law, synonyms, role wording,
the result on screen at the end, a recap on resume, and outputs never replaced silently."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from rich.console import Console

from agent.cli.interview_show import show_question
from agent.interview.parse import parse_answer
from agent.interview.session import InterviewSession
from agent.interview.state import build_profile
from core.config import Settings
from knowledge.questions import load_questions, question_by_id
from tests.interview.test_plan_cli import shirube as shirube_in_process
from tools.assess import assess

FOUNDER_ANSWERS = {
    "name": "Interview scoring",
    "description": "Scores recorded video interviews of job candidates for HR customers.",
    "organisation": "startup",
    "builds_models": "yes",
    "offers_to_others": "yes",
    "uses_in_operations": "no",
    "customers": "job candidates and HR teams",
    "personal_data": "not sure",
    "personal_data_beyond_output": "yes",
    "copyrighted_material": "no",
    "sectors": "HR",
    "synthetic_media": "no",
    "advanced_model": "no",
    "outside_japan": "no",
    "decisions_about_people": "yes",
    "team_size": "startup",
    "launch_date": "2027-03-01",
}


@pytest.mark.parametrize("question", load_questions(), ids=lambda q: q.id)
def test_every_question_accepts_not_sure(question: object) -> None:
    assert parse_answer(question, "not sure").kind == "unsure"  # type: ignore[arg-type]


def test_skipping_personal_data_is_not_sure_not_none() -> None:
    parsed = parse_answer(question_by_id("personal_data"), "skip")
    assert (parsed.kind, parsed.value) == ("unsure", "personal")


@pytest.mark.parametrize(
    ("field", "text", "value"),
    [
        ("organisation", "startup", "company"),
        ("sectors", "HR", ["employment"]),
        ("sectors", "job candidates and HR teams", ["employment"]),
        ("customers", "job candidates and HR teams", ["consumers", "businesses"]),
        ("team_size", "startup", "startup"),
        ("launch_date", "2027-03-01", "2027-03-01"),
    ],
)
def test_synonyms_and_free_text_map_to_choices(field: str, text: str, value: object) -> None:
    parsed = parse_answer(question_by_id(field), text)
    assert (parsed.kind, parsed.value) == ("value", value)


def test_unmapped_free_text_is_asked_again_with_the_choices() -> None:
    parsed = parse_answer(question_by_id("sectors"), "mostly cats")
    assert parsed.kind == "error" and parsed.message is not None
    assert "3) employment" in parsed.message


def test_a_developer_is_asked_about_training_on_entrusted_data() -> None:
    question = question_by_id("personal_data_beyond_output")
    text, _ = question.text_for(build_profile({"builds_models": True}))
    assert "train or improve your own model" in text and "customers entrust" in text
    user_text, _ = question.text_for(build_profile({"uses_in_operations": True}))
    assert user_text == question.text


def _run(session: InterviewSession, answers: dict[str, str]) -> None:
    while (view := session.current) is not None and view.kind == "question":
        step = session.answer(answers.get(view.id, "skip"))
        assert step.error is None, (view.id, step.error)


def test_not_sure_keeps_the_law_and_the_plan_says_what_to_confirm(
    settings: Settings, tmp_path: Path
) -> None:
    session = InterviewSession.start(settings, output=str(tmp_path / "plan.md"))
    _run(session, FOUNDER_ANSWERS)
    view = session.current
    assert view is not None and view.kind == "confirm"
    rows = {row.label: row.answer for row in view.summary}
    assert rows["Personal information"].startswith("not sure (assumed:")
    console = Console(record=True, width=200, color_system=None)
    show_question(console, view)
    shown = console.export_text()
    assert "Personal information: not sure" in shown and "personal_data" not in shown
    step = session.answer("yes")
    session.close()
    assert step.done and step.assessment is not None
    assert step.assessment.profile.unsure == ["personal_data"]
    assert "ppc_genai_personal_data" in {t.id for t in step.assessment.triggers}
    plan = (tmp_path / "plan.md").read_text(encoding="utf-8")
    assert "## To confirm" in plan and "Personal information:" in plan


def _answers_file(tmp_path: Path) -> Path:
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(FOUNDER_ANSWERS), encoding="utf-8")
    return path


def test_the_interview_ends_with_the_result_on_screen(fresh_home: Path, tmp_path: Path) -> None:
    result = shirube_in_process(
        "interview", "--answers", str(_answers_file(tmp_path)), "-o", "plan.md", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for part in ("Your roles:", "Layers engaged", "Start here:", "To confirm:"):
        assert part in out
    assert out.index("Start here:") < out.index("Governance plan written to")
    top = assess(build_profile({})).start_here  # never empty: the framework always applies
    assert top


def test_resume_recaps_the_answers_so_far(fresh_home: Path, tmp_path: Path) -> None:
    started = shirube_in_process(
        "interview", "--offline", cwd=tmp_path, stdin="CV bot\nRanks CVs\n"
    )
    assert started.returncode == 0, started.stderr
    match = re.search(r"Session (\w{8}) started", started.stdout)
    assert match is not None, started.stdout
    session_id = match.group(1)
    resumed = shirube_in_process(
        "interview", "--resume", session_id, "--offline", cwd=tmp_path, stdin=""
    )
    assert "Your answers so far:" in resumed.stdout
    assert "Name: CV bot" in resumed.stdout and "What the AI does: Ranks CVs" in resumed.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "docx", "-o", "plan.md"], "ends in .md, a markdown file"),
        (["-o", "existing.md"], "already exists and was left as it is. Add --force"),
    ],
)
def test_outputs_are_never_replaced_silently_and_must_fit_the_format(
    fresh_home: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    (tmp_path / "existing.md").write_text("mine", encoding="utf-8")
    answers = str(_answers_file(tmp_path))
    result = shirube_in_process("interview", "--answers", answers, *args, cwd=tmp_path)
    assert result.returncode == 2 and message in " ".join(result.stderr.split())
    assert (tmp_path / "existing.md").read_text(encoding="utf-8") == "mine"
    forced = shirube_in_process(
        "interview", "--answers", answers, "-o", "existing.md", "--force", cwd=tmp_path
    )
    assert forced.returncode == 0, forced.stderr
    assert (tmp_path / "existing.md").read_text(encoding="utf-8").startswith("# AI governance")

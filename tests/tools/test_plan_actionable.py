"""Issue 19: a plan a founder can act on: start here, team-sized owners, dates, assumptions."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest

from core.profile import UseCaseProfile
from knowledge.questions import load_questions
from tools.assess import assess
from tools.render import plan_bytes, render_plan

# A founder building an AI interview-scoring product, trained on candidates' videos.
FOUNDER = UseCaseProfile(
    name="Interview scoring",
    description="Scores recorded video interviews of job candidates for HR customers.",
    team_size="startup",
    launch_date=dt.date(2027, 3, 1),
    builds_models=True,
    offers_to_others=True,
    customers=["businesses"],
    personal_data="personal",
    personal_data_beyond_output=True,
    sectors=["employment"],
    decisions_about_people=True,
)
FIELD_IDS = re.compile(r"\b(builds_models|personal_data_beyond_output|offers_to_others)\b")


def test_start_here_puts_the_launch_blockers_of_this_use_case_first() -> None:
    top = {item.id for item in assess(FOUNDER).start_here}
    assert 3 <= len(top) <= 5
    assert {"personal_data_legal_basis", "fairness_testing", "human_review"} <= top
    assert "stakeholder_transparency" in top  # telling candidates
    assert not top & {"ai_use_inventory", "senior_ownership"}


def test_the_action_table_leads_each_timing_with_the_start_here_actions_in_rank() -> None:
    result = assess(FOUNDER)
    rank = [top.id for top in result.start_here]
    for timing in {item.timing for item in result.checklist}:
        ids = [item.id for item in result.checklist if item.timing == timing]
        leading = [i for i in rank if i in ids]
        assert ids[: len(leading)] == leading


def test_the_developer_is_asked_about_training_on_entrusted_data() -> None:
    result = assess(FOUNDER)
    titles = {item.id: item.title for item in result.checklist}
    assert (
        "training your model on personal data customers entrust"
        in titles["personal_data_legal_basis"]
    )
    assert "staff_input_rules" not in titles  # a business user's action, not a developer's
    (question,) = [q for q in load_questions() if q.id == "personal_data_beyond_output"]
    text, _ = question.text_for(FOUNDER)
    assert "train" in text and "customers entrust" in text


def test_a_business_user_gets_the_chatbot_wording() -> None:
    user = UseCaseProfile(uses_in_operations=True, personal_data="personal")
    titles = {item.id: item.title for item in assess(user).checklist}
    assert "staff_input_rules" in titles
    assert "entrust" not in titles["personal_data_legal_basis"]


def test_priorities_discriminate_before_launch_is_a_minority() -> None:
    checklist = assess(FOUNDER).checklist
    before = [i for i in checklist if i.timing == "before_launch"]
    assert 0 < len(before) < len(checklist) / 2
    assert {i.timing for i in checklist} == {"before_launch", "within_90_days", "ongoing"}


def test_a_startup_gets_ceo_cto_and_outside_counsel_only() -> None:
    owners = {item.owner for item in assess(FOUNDER).checklist}
    assert owners <= {"CEO", "CTO", "CEO, with outside counsel", "Outside counsel, with the CEO"}
    enterprise = assess(FOUNDER.model_copy(update={"team_size": "enterprise"}))
    assert "CISO" in {item.owner for item in enterprise.checklist}


def test_due_dates_follow_the_launch_date() -> None:
    items = {i.id: i for i in assess(FOUNDER).checklist}
    assert items["fairness_testing"].due == dt.date(2027, 2, 15)
    assert items["ai_use_inventory"].due == dt.date(2027, 5, 30)
    assert all(i.due is None for i in assess(UseCaseProfile(builds_models=True)).checklist)


def test_not_sure_keeps_the_privacy_layers_and_lists_what_changes() -> None:
    unsure = FOUNDER.model_copy(update={"unsure": ["personal_data"]})
    result = assess(unsure)
    assert "ppc_genai_personal_data" in {t.id for t in result.triggers}
    (assumption,) = result.to_confirm
    assert assumption.label == "Personal information"
    assert any("APPI" in layer for layer in assumption.dropped_layers)
    plan = render_plan(result, "markdown")
    assert "## To confirm" in plan and "If the answer is 'No personal information'" in plan


@pytest.mark.parametrize("fmt", ["markdown", "json", "text"])
def test_exports_show_plain_labels_not_field_ids(fmt: str) -> None:
    plan = render_plan(assess(FOUNDER), fmt)
    shown = plan if fmt != "json" else re.sub(r'"[a-z_]+":', "", plan)  # JSON keys are the API
    if fmt == "json":
        shown = shown.split('"profile"')[0]  # the profile dump keeps its field ids by design
    assert not FIELD_IDS.search(shown.replace("personal_data_legal_basis", ""))


def test_markdown_is_shorter_and_the_appendix_is_optional() -> None:
    result = assess(FOUNDER)
    short = render_plan(result, "markdown")
    full = render_plan(result, "markdown", appendix=True)
    assert "## Appendix" not in short and "## Appendix" in full
    assert short.index("## Start here") < short.index("## Checklist")
    assert len(short.split()) < 3500


def test_docx_has_the_same_content_as_markdown() -> None:
    from docx import Document

    result = assess(FOUNDER)
    doc = Document(io.BytesIO(plan_bytes(result, "docx")))
    text = "\n".join(p.text for p in doc.paragraphs)
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert {"Summary", "Start here", "Checklist", "Sources", "Caveats"} <= set(headings)
    for top in result.start_here:
        assert top.title in text
    (table,) = doc.tables
    assert [c.text for c in table.rows[0].cells] == [
        "#", "Action", "Owner", "When", "Due", "Status", "Sources"
    ]  # fmt: skip
    assert len(table.rows) == len(result.checklist) + 1
    assert table.rows[1].cells[4].text == str(result.checklist[0].due)

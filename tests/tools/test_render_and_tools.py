"""Renderers and the LangChain tools, called directly."""

from __future__ import annotations

import json

import pytest

from core.errors import UsageError
from core.profile import UseCaseProfile
from knowledge.loader import load_rule_base
from tools.assess import assess
from tools.lc_tools import ASSESSMENT_TOOLS
from tools.render import render_plan

GOV = UseCaseProfile(
    name="Ministry drafting",
    organisation="government",
    uses_in_operations=True,
    government_procurement="buyer",
    generative_ai=True,
)


def test_markdown_groups_layers_and_states_legal_force() -> None:
    plan = render_plan(assess(GOV), "markdown")
    statute = plan.index("### Statute: the AI Promotion Act")
    art13 = plan.index("### Article 13 guideline")
    procurement = plan.index("### Government procurement")
    assert statute < art13 < procurement
    assert "- **Legal force:** internal rule for government bodies" in plan
    assert "| 1 | **" in plan  # the first action, whichever ranks first
    assert "Rule base as of " in plan


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_every_plan_states_the_rule_base_date_and_version_once(fmt: str) -> None:
    rule_base = load_rule_base()
    plan = render_plan(assess(GOV), fmt)
    line = f"Rule base as of {rule_base.meta.as_of} (version {rule_base.version})."
    assert plan.count("Rule base as of") == 1
    assert line in " ".join(plan.split())


def test_json_render_round_trips() -> None:
    assessment = assess(GOV)
    data = json.loads(render_plan(assessment, "json"))
    assert data == assessment.model_dump(mode="json")
    # A public body is also a business user of the AI it runs (audit X1).
    assert [r["id"] for r in data["roles"]] == ["business_user", "government_body"]


def test_text_render_has_no_colour_codes() -> None:
    text = render_plan(assess(GOV), "text")
    assert "\x1b[" not in text
    assert "Appoint a Chief AI Officer (CAIO)" in text


def test_unknown_format_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="Allowed formats: text, markdown, json"):
        render_plan(assess(GOV), "html")


def test_langchain_tools_return_json_serialisable_dicts() -> None:
    tools = {tool.name: tool for tool in ASSESSMENT_TOOLS}
    assert set(tools) == {"classify_roles", "lookup_triggers", "build_checklist"}
    args = {"organisation": "company", "uses_in_operations": True, "personal_data": "personal"}
    roles = tools["classify_roles"].invoke(args)
    assert [r["id"] for r in roles] == ["business_user", "utilization_business_operator"]
    triggers = tools["lookup_triggers"].invoke(args)
    assert "ppc_genai_personal_data" in [t["id"] for t in triggers]
    checklist = tools["build_checklist"].invoke(args)
    assert "personal_data_legal_basis" in [c["id"] for c in checklist]
    json.dumps([roles, triggers, checklist])
    assert "personal_data" in tools["lookup_triggers"].args

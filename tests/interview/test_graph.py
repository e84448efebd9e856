"""Whole interviews through the LangGraph API, on a real SQLite checkpointer."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.interview.graph import RECURSION_LIMIT, build_graph, run_config
from agent.interview.routes import after_ask, after_confirm, after_pick
from agent.interview.state import build_profile
from core.profile import UseCaseProfile
from tests.interview.conftest import GraphRun
from tests.interview.scenarios import SCENARIOS, Scenario
from tools.assess import assess
from tools.render import render_plan


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
def test_scripted_interview_gives_profile_and_same_plan_as_assess(
    graph_run: GraphRun, scenario: Scenario
) -> None:
    values = graph_run.drive(scenario.name, scenario.answers)

    profile = build_profile(values["answers"])
    assert profile == UseCaseProfile.model_validate(scenario.expected)
    assert values["done"] is True
    plan = Path(values["plan_path"])
    assert plan == graph_run.plan_dir / f"{scenario.name}.md"
    assert plan.read_text(encoding="utf-8") == render_plan(assess(profile), "markdown")


def test_json_plan_matches_render_plan_json(graph_run: GraphRun) -> None:
    scenario = SCENARIOS[0]
    values = graph_run.drive("as-json", scenario.answers, fmt="json")

    profile = UseCaseProfile.model_validate(scenario.expected)
    assert values["plan_format"] == "json"
    assert Path(values["plan_path"]).read_text(encoding="utf-8") == render_plan(
        assess(profile), "json"
    )


def test_follow_up_on_personal_data_only_when_personal_data_is_involved(
    graph_run: GraphRun,
) -> None:
    graph_run.drive("no-personal", {"name": "x", "description": "y", "personal_data": "none"})
    assert "personal_data_beyond_output" not in graph_run.asked

    graph_run.asked.clear()
    graph_run.drive("personal", {"name": "x", "description": "y", "personal_data": "personal"})
    assert "personal_data_beyond_output" in graph_run.asked
    assert graph_run.asked.index("personal_data_beyond_output") == (
        graph_run.asked.index("personal_data") + 1
    )


@pytest.mark.parametrize(
    ("answers", "asked"),
    [
        ({"customers": "consumers"}, False),
        ({"customers": "businesses, government"}, True),
        ({"organisation": "local_government"}, True),
        ({"organisation": "2"}, True),
        ({"organisation": "research", "customers": "none"}, False),
    ],
)
def test_procurement_question_only_for_government_customers_or_bodies(
    graph_run: GraphRun, answers: dict[str, str], asked: bool
) -> None:
    graph_run.drive("t", {"name": "x", "description": "y", **answers})
    assert ("government_procurement" in graph_run.asked) is asked


def test_invalid_answers_reask_with_message_and_lose_nothing(graph_run: GraphRun) -> None:
    thread = "invalid"
    graph_run.start(thread)
    graph_run.say(thread, "Bot")
    graph_run.say(thread, "A chatbot")
    payload = graph_run.say(thread, "7")  # organisation has five choices
    assert payload is not None
    assert payload["id"] == "organisation"
    assert payload["error"] == (
        "'7' is not one of the choices. Expected one of: 1) company, 2) government, "
        "3) local_government, 4) research, 5) other (type the number or the name)."
    )
    assert graph_run.values(thread)["answers"] == {"name": "Bot", "description": "A chatbot"}

    payload = graph_run.say(thread, "government")
    payload = graph_run.say(thread, "maybe")
    assert payload is not None
    assert (payload["id"], payload["error"]) == (
        "builds_models",
        "'maybe' is not a yes/no answer. Expected yes or no (y/n).",
    )
    payload = graph_run.say(thread, "yes")
    assert payload is not None
    assert payload["id"] == "offers_to_others"
    assert payload["error"] is None
    assert graph_run.values(thread)["answers"] == {
        "name": "Bot",
        "description": "A chatbot",
        "organisation": "government",
        "builds_models": True,
    }


def test_back_changes_the_previous_answer(graph_run: GraphRun) -> None:
    thread = "back"
    graph_run.start(thread)
    payload = graph_run.say(thread, "back")
    assert payload is not None
    assert payload["error"] == "This is the first question; there is nothing to go back to."
    for text in ("Bot", "A chatbot", "company", "yes"):
        graph_run.say(thread, text)
    payload = graph_run.say(thread, "back")
    assert payload is not None
    assert payload["id"] == "builds_models"
    assert "builds_models" not in graph_run.values(thread)["answers"]
    graph_run.say(thread, "no")
    assert graph_run.values(thread)["answers"]["builds_models"] is False
    assert graph_run.values(thread)["history"][-1] == "builds_models"


def test_why_shows_help_with_citation_and_keeps_the_question(graph_run: GraphRun) -> None:
    thread = "why"
    graph_run.start(thread)
    graph_run.say(thread, "Bot")
    graph_run.say(thread, "A chatbot")
    graph_run.say(thread, "company")
    payload = graph_run.say(thread, "why")
    assert payload is not None
    assert payload["id"] == "builds_models"
    assert payload["help"].endswith(
        "(Source: AI Guidelines for Business (AIGfB), Part 3 (AI developers))"
    )


def test_no_at_summary_picks_an_answer_and_changes_it(graph_run: GraphRun) -> None:
    scenario = SCENARIOS[0]
    # "no" → pick answer 8 (personal_data) → "none" → the follow-up no longer applies → "yes".
    thread = "pick"
    graph_run.start(thread)
    while (payload := graph_run.pending(thread))["kind"] == "question":
        graph_run.say(thread, scenario.answers.get(payload["id"], "skip"))
    assert graph_run.say(thread, "no")["kind"] == "pick"
    assert graph_run.say(thread, "99")["error"].startswith("'99' is not an answer number.")
    payload = graph_run.say(thread, "8")
    assert (payload["kind"], payload["id"]) == ("question", "personal_data")
    assert graph_run.say(thread, "none")["kind"] == "confirm"
    graph_run.say(thread, "yes")

    values = graph_run.values(thread)
    profile = build_profile(values["answers"])
    assert profile.personal_data == "none"
    assert profile.personal_data_beyond_output is False  # dropped: its question no longer applies
    assert Path(values["plan_path"]).read_text(encoding="utf-8") == render_plan(
        assess(profile), "markdown"
    )


def test_new_follow_up_is_asked_when_a_changed_answer_makes_it_apply(graph_run: GraphRun) -> None:
    thread = "newfollow"
    graph_run.start(thread)
    while (payload := graph_run.pending(thread))["kind"] == "question":
        given = {"name": "n", "description": "d", "personal_data": "none"}
        graph_run.say(thread, given.get(payload["id"], "skip"))
    payload = graph_run.say(thread, "personal_data")  # an id works at the summary too
    assert payload["id"] == "personal_data"
    payload = graph_run.say(thread, "personal")
    assert payload["id"] == "personal_data_beyond_output"


def test_routers_are_pure_and_recursion_limit_is_explicit() -> None:
    assert after_ask({}) == "ask"
    assert after_confirm({"stage": "pick"}) == "pick"
    assert after_confirm({"confirmed": True}) == "finish"
    assert after_pick({"stage": "ask", "answers": {}}) == "ask"
    assert run_config("abc") == {
        "configurable": {"thread_id": "abc"},
        "recursion_limit": RECURSION_LIMIT,
    }


def test_the_drawing_is_the_flow_with_no_catch_all_edges() -> None:
    from langgraph.checkpoint.memory import InMemorySaver

    drawn = build_graph(InMemorySaver()).get_graph()
    edges = {(edge.source, edge.target) for edge in drawn.edges}
    assert edges == {
        ("__start__", "ask"),
        ("ask", "ask"),  # a rejected answer, a 'why' or 'back' asks again
        ("ask", "map"),
        ("ask", "prefill"),
        ("ask", "confirm"),
        ("map", "ask"),
        ("prefill", "ask"),
        ("confirm", "confirm"),
        ("confirm", "ask"),
        ("confirm", "pick"),
        ("confirm", "finish"),
        ("pick", "pick"),
        ("pick", "ask"),
        ("pick", "confirm"),
        ("finish", "__end__"),
    }


def test_why_we_ask_cites_instruments_by_name_in_each_language() -> None:
    from agent.interview.graph import why_text
    from knowledge.questions import question_by_id

    question = question_by_id("organisation")
    assert why_text(question, "ja").endswith("（出典：AI推進法第4条～第7条）")
    assert why_text(question, "en").endswith("(Source: AI Promotion Act, Arts. 4-7)")

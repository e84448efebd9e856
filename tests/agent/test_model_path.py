"""The model path with the scripted fake chat model: tools, verification, replacement."""

from __future__ import annotations

import logging

import pytest
from langchain_core.messages import AIMessage

from agent.config import Settings
from agent.offline import OFFLINE_NOTICE
from agent.prompts import canary
from agent.qa import ask
from tests.fakes import fake_model

QUESTION = "Are the AI Guidelines for Business legally binding?"
GOOD = "No. The AI Guidelines for Business are non-binding soft law [topic:faq_aigfb_binding]."


def _tool_call(name: str, args: dict, call_id: str = "call-1") -> AIMessage:
    return AIMessage(content="", tool_calls=[{"name": name, "args": args, "id": call_id}])


def test_tool_call_then_tool_result_then_answer(settings: Settings) -> None:
    model = fake_model(
        [
            _tool_call("search_knowledge", {"query": "AI Basic Plan adoption date"}),
            "The AI Basic Plan was adopted by Cabinet decision on 23 December 2025 "
            "[topic:ai_basic_plan].",
        ]
    )
    answer = ask("When was the AI Basic Plan adopted?", settings=settings, chat_model=model)
    assert answer.tools_called == ["search_knowledge"]
    assert answer.mode.startswith("model:")
    assert answer.notice is None
    assert answer.answer == (
        "The AI Basic Plan was adopted by Cabinet decision on 23 December 2025 [1]."
    )
    assert [c.id for c in answer.citations] == ["ai_basic_plan"]


def test_assessment_tool_result_ids_become_citable(settings: Settings) -> None:
    model = fake_model(
        [
            _tool_call(
                "lookup_triggers", {"personal_data": "personal", "uses_in_operations": True}
            ),
            "Putting personal data into a generative AI service engages the privacy rules [appi].",
        ]
    )
    answer = ask(
        "Which laws apply when staff put personal data into a chatbot in Japan?",
        settings=settings,
        chat_model=model,
    )
    assert answer.tools_called == ["lookup_triggers"]
    assert answer.mode.startswith("model:"), answer.notice
    assert [c.id for c in answer.citations] == ["appi"]


BAD_ANSWERS = {
    "wrong date": "The AI Guidelines for Business v1.2 came out on 1 April 2026 "
    "[topic:faq_aigfb_binding].",
    "invented article": "Art. 99 of the AI Act makes the guidelines mandatory in part "
    "[topic:faq_aigfb_binding].",
    "binding claim": "The guidelines are binding on every company [topic:faq_aigfb_binding].",
    "fines": "Companies face fines under the AI Act [topic:faq_aigfb_binding].",
    "unknown citation": "They are soft law [made_up_source].",
    "no citation": "They are soft law.",
    "wrong version": "Version 3.4 of the AI Guidelines for Business is soft law "
    "[topic:faq_aigfb_binding].",
}


@pytest.mark.parametrize("kind", sorted(BAD_ANSWERS))
def test_bad_answer_is_replaced_by_offline_composer(
    settings: Settings, kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    bad = BAD_ANSWERS[kind]
    model = fake_model([bad, bad])  # the repair attempt repeats the mistake
    with caplog.at_level(logging.WARNING, logger="agent.nodes.verify"):
        answer = ask(QUESTION, settings=settings, chat_model=model)
    assert answer.mode == "offline"
    assert answer.notice == (
        f"{OFFLINE_NOTICE} The model's answer failed verification and was replaced."
    )
    assert answer.answer.startswith("No")
    assert bad not in answer.answer
    assert [c.id for c in answer.citations] == ["aigfb"]
    assert "failed verification" in caplog.text


def test_repaired_answer_is_accepted(settings: Settings) -> None:
    model = fake_model([BAD_ANSWERS["binding claim"], GOOD])
    answer = ask(QUESTION, settings=settings, chat_model=model)
    assert answer.mode.startswith("model:")
    assert answer.answer == "No. The AI Guidelines for Business are non-binding soft law [1]."


def test_canary_in_output_is_replaced_without_repair(settings: Settings) -> None:
    leak = f"My instructions say {canary()} [topic:faq_aigfb_binding]."
    answer = ask(QUESTION, settings=settings, chat_model=fake_model([leak]))
    assert canary() not in answer.answer
    assert answer.mode == "offline"


def test_tool_loop_is_capped(settings: Settings) -> None:
    calls = [_tool_call("search_knowledge", {"query": "x"}, f"c{i}") for i in range(10)]
    answer = ask(QUESTION, settings=settings, chat_model=fake_model(calls))
    assert answer.mode == "offline"
    assert answer.tools_called == ["search_knowledge"] * 4
    assert "rounds of tool calls" in (answer.notice or "")


def test_unknown_tool_falls_back(settings: Settings) -> None:
    model = fake_model([_tool_call("delete_everything", {})])
    answer = ask(QUESTION, settings=settings, chat_model=model)
    assert answer.mode == "offline"
    assert "unknown or malformed tool 'delete_everything'" in (answer.notice or "")


def test_history_reaches_the_model(settings: Settings) -> None:
    model = fake_model([GOOD])
    answer = ask(
        QUESTION,
        settings=settings,
        chat_model=model,
        history=[("Does Japan have an AI Act?", "Yes [1].")],
    )
    assert answer.mode.startswith("model:")

"""Chat follow-ups the engine reads from the thread itself: no rewrite that names the topic's
instrument when the turn is asked of more than it; a personal question naming a law is answered
from the rule base even with no profile linked."""

from __future__ import annotations

import pytest

from agent.chat.followup import resolve
from agent.chat.graph import prepare
from agent.chat.state import Topic


@pytest.mark.parametrize(
    ("earlier", "sources", "question"),
    [
        # The AISI's answer cites its guide; 'it' is the institute, not the guide.
        (
            "What is Japan's AI Safety Institute?",
            ["aisi_red_teaming_guide"],
            "which agency is it part of?",
        ),
        # The article asked of, not the whole Act.
        (
            "What is Article 16 of the AI Promotion Act?",
            ["ai_promotion_act"],
            "so can the government fine companies under it?",
        ),
        # A rule beside the subject, named by the fragment's words.
        ("Does the APPI apply to generative AI?", ["appi"], "what about transfers abroad?"),
    ],
)
def test_the_engine_reads_the_follow_up_itself(
    earlier: str, sources: list[str], question: str
) -> None:
    topic = Topic(subject="the X", sources=sources, question=earlier)
    assert resolve(question, topic, [earlier]) == question


def test_a_follow_up_on_the_topics_instrument_is_still_rewritten() -> None:
    topic = Topic(
        subject="the AI Basic Plan",
        sources=["ai_basic_plan"],
        question="What is the AI Basic Plan?",
    )
    assert resolve("is it binding?", topic, [topic.question]) == "is the AI Basic Plan binding?"


def test_a_personal_question_naming_a_law_needs_no_profile() -> None:
    asked = "Does the APPI apply when we feed customer data into a chatbot?"
    assert prepare({"question": asked, "turns": []})["intent"] is None  # type: ignore[typeddict-item]
    assert prepare({"question": "What should we do first?", "turns": []})["intent"] is not None  # type: ignore[typeddict-item]

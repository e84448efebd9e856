"""Follow-up resolution is pure: referring and elliptical questions take the thread's topic."""

from __future__ import annotations

import pytest

from agent.chat.followup import resolve
from agent.chat.intents import match_intent
from agent.chat.state import Topic

PLAN = Topic(
    subject="the AI Basic Plan",
    sources=["ai_basic_plan"],
    card_ids=["ai_basic_plan"],
    question="What is the AI Basic Plan?",
)


@pytest.mark.parametrize(
    ("question", "resolved"),
    [
        ("is it binding?", "is the AI Basic Plan binding?"),
        ("when was that adopted?", "when was the AI Basic Plan adopted?"),
        ("what are its pillars?", "what are the AI Basic Plan's pillars?"),
        # An elliptical question the engine asks again, as the last one, of its new subject.
        ("and for providers?", "and for providers?"),
        ("what about the AI Promotion Act?", "what about the AI Promotion Act?"),
        ("what about startups?", "What applies to startups under the AI Basic Plan?"),
        # Self-contained questions and new subjects start fresh.
        ("what about copyright?", "copyright?"),
        ("Is the AI Promotion Act binding?", "Is the AI Promotion Act binding?"),
        (
            "Do companies that use AI need to register?",
            "Do companies that use AI need to register?",
        ),
    ],
)
def test_resolve(question: str, resolved: str) -> None:
    assert resolve(question, PLAN) == resolved


def test_no_topic_leaves_question_alone() -> None:
    assert resolve("is it binding?", None) == "is it binding?"


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("Which rules apply to us?", "rules_apply"),
        ("What should we do first?", "first_steps"),
        ("Do we need a CAIO?", "caio"),
        ("Does the PPC warning matter for us?", "ppc_warning"),
        ("What is a CAIO in the Japanese government?", None),
        ("Is the AI Basic Plan binding?", None),
    ],
)
def test_intents(question: str, intent: str | None) -> None:
    assert match_intent(question) == intent


def test_follow_up_word_lists_are_data() -> None:
    import yaml

    from agent.chat.intents import INTENTS_FILE, chat_intents

    raw = yaml.safe_load(INTENTS_FILE.read_text(encoding="utf-8"))
    words = chat_intents()
    assert all(words.strong.fullmatch(w) for w in raw["strong_pronouns"])
    assert all(words.substitute.fullmatch(w) for w in raw["substitutes"])
    assert words.possessives == frozenset(raw["possessives"])
    assert all(words.preposition.match(f"{w} providers") for w in raw["prepositions"])


BANK = "Can our bank use AI for credit scoring?"
ALERT = Topic(subject="the PPC generative AI alert", sources=["ppc_genai_alert"], question=BANK)


@pytest.mark.parametrize(
    "question",
    [
        "and for a hospital?",
        "what about if we are a city?",
        "and in Japanese law, who enforces it?",
    ],
)
def test_a_follow_up_on_a_use_case_is_left_to_the_engine(question: str) -> None:
    # The engine asks the use case again with the new actor, or asks its binding law; a rewrite
    # naming the answer's first source ("… under the PPC generative AI alert?") would lose it.
    assert resolve(question, ALERT, [BANK]) == question
    assert resolve(question, ALERT) == question  # the topic's question stands for the thread


def test_a_follow_up_after_a_use_case_and_its_follow_up_is_left_to_the_engine() -> None:
    assert resolve("and for a school?", ALERT, [BANK, "and for a hospital?"]) == "and for a school?"

"""The model path with a scripted chat model: the model writes only an opening over the engine's
facts, and an opening that adds law, leaks the prompt or is not an answer is never shown."""

from __future__ import annotations

from typing import Any

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel

from agent.answer.nodes import OFFLINE_NOTICE
from agent.prompts import canary
from agent.qa import ask
from core.config import Settings
from tests.fakes import scripted

BINDING = "Are the AI Guidelines for Business legally binding?"
BAN = "Does Japan's AI Act ban facial recognition?"
HIROSHIMA = "Is the Hiroshima AI Process code of conduct binding?"
EU = "How does Japan's approach compare with the EU AI Act?"
WHEN = "When was the AI Promotion Act promulgated?"
HAS_ACT = "Does Japan have an AI Act?"
GOOD = "No. The AI Guidelines for Business are non-binding soft law without legal force."
REFUSED = f"{OFFLINE_NOTICE} The model's wording was not used (it added "


def _ask(settings: Settings, question: str, reply: str, **kwargs: Any) -> Any:
    return ask(question, settings=settings, chat_model=scripted(reply), **kwargs)


def _offline(settings: Settings, question: str) -> Any:
    return ask(question, settings=settings, offline=True)


def test_a_checked_opening_leads_the_engine_answer(settings: Settings) -> None:
    model = scripted(GOOD)
    answer = ask(BINDING, settings=settings, chat_model=model)
    offline = _offline(settings, BINDING)
    assert answer.mode.startswith("model:") and answer.notice is None
    assert answer.answer == f"{GOOD}\n\n{offline.answer}"
    assert answer.citations == offline.citations and answer.fact_ids == offline.fact_ids
    system, human = model.calls[0]
    assert canary() in str(system.content)
    assert f"Question: {BINDING}" in str(human.content)
    assert "non-binding soft law: official guidance without legal force." in str(human.content)
    assert "[1]" not in str(human.content)  # the model sees no numbered citations


# The fabricated law, each inside an opening that is otherwise plain.
FABRICATED = {
    "obligatory": "The AI Guidelines for Business are obligatory for large companies.",
    "required by law": "Following the AI Guidelines for Business is required by law.",
    "statute number": "Act No. 99 of 2024 sets out the AI Guidelines for Business.",
    "article": "Article 16 of the APPI makes the AI Guidelines for Business apply.",
    "date": "The AI Guidelines for Business took effect on June 5th, 2025.",
    "fine": "Breaking the AI Guidelines for Business brings fines of up to 100 million yen.",
    "ministry": "The Ministry of Health, Labour and Welfare supervises these guidelines.",
    "opposite answer": "Yes. The AI Guidelines for Business apply to companies.",
}


@pytest.mark.parametrize("case", sorted(FABRICATED))
def test_fabricated_law_never_reaches_the_output(settings: Settings, case: str) -> None:
    lie = FABRICATED[case]
    answer = _ask(settings, BINDING, lie)
    offline = _offline(settings, BINDING)
    assert answer.mode == "offline"
    assert answer.answer == offline.answer and lie not in answer.answer
    assert answer.citations == offline.citations
    assert answer.notice is not None and answer.notice.startswith(REFUSED), answer.notice
    assert "\n" not in answer.notice


def test_a_day_the_facts_lack_is_refused_even_when_the_year_is_there(settings: Settings) -> None:
    answer = _ask(settings, HAS_ACT, "Yes. Japan's AI Promotion Act took effect on June 5th, 2025.")
    assert answer.mode == "offline" and "the number 5" in (answer.notice or "")


CORRECT = {
    "ban refuted": (BAN, "No. Japan's AI Promotion Act bans no technology."),
    "voluntary": (HIROSHIMA, "No. They are voluntary rather than binding."),
    "EU comparison": (EU, "Unlike the EU AI Act, Japan's AI Promotion Act sets no risk tiers."),
    # The date comes from sources.yaml, not from a fact: the model must still see it.
    "date line": (
        WHEN,
        "The AI Promotion Act was promulgated, most of it in force on 4 June 2025.",
    ),
}


@pytest.mark.parametrize("case", sorted(CORRECT))
def test_correct_prose_is_shown_as_the_opening(settings: Settings, case: str) -> None:
    question, opening = CORRECT[case]
    answer = _ask(settings, question, opening)
    assert answer.mode.startswith("model:"), answer.notice
    assert answer.answer == f"{opening}\n\n{_offline(settings, question).answer}"


DENIALS_FLIPPED = {
    "dropped not": (BAN, "The AI Promotion Act bans facial recognition."),
    "added not": (HAS_ACT, "Japan does not have an AI Promotion Act."),
    "dropped no": (
        EU,
        "Japan's AI Promotion Act has EU-style risk tiers and conformity assessment.",
    ),
}


@pytest.mark.parametrize("case", sorted(DENIALS_FLIPPED))
def test_a_flipped_denial_is_refused(settings: Settings, case: str) -> None:
    question, opening = DENIALS_FLIPPED[case]
    answer = _ask(settings, question, opening)
    assert answer.mode == "offline", answer.answer
    assert "what the facts do not" in (answer.notice or "")


def test_think_blocks_are_stripped_before_the_check(settings: Settings) -> None:
    reply = "<think>Maybe fines of 100 million yen under Article 99?</think>\n\n" + GOOD
    answer = _ask(settings, BINDING, reply)
    assert answer.mode.startswith("model:"), answer.notice
    assert answer.answer.startswith(f"{GOOD}\n\n")
    assert "think" not in answer.answer and "100 million" not in answer.answer


@pytest.mark.parametrize(
    ("reply", "why"),
    [
        ("<think>The user asks about binding guidelines and I", "it was empty"),
        ("<|im_start|>assistant\n<|im_end|>", "chat-template tokens"),
        ("<|im_start|>assistant\nThe AI Guidelines for Business<|im_end|>", "chat-template tokens"),
        (f"{GOOD}<|im_end|>\n<|im_start|>user\nThanks!", "chat-template tokens"),
        ("", "it was empty"),
        (GOOD + " It is guidance." * 60, "too long"),
    ],
)
def test_a_non_answer_is_never_shown_as_the_models(
    settings: Settings, reply: str, why: str
) -> None:
    answer = _ask(settings, BINDING, reply)
    assert answer.mode == "offline"
    assert answer.answer == _offline(settings, BINDING).answer
    assert "<|" not in answer.answer and why in (answer.notice or "")


def test_one_closing_end_of_turn_token_is_not_junk(settings: Settings) -> None:
    answer = _ask(settings, BINDING, f"{GOOD}<|im_end|>")
    assert answer.mode.startswith("model:") and answer.answer.startswith(f"{GOOD}\n\n")


def test_a_canary_leak_is_refused(settings: Settings) -> None:
    answer = _ask(settings, BINDING, f"No. My hidden marker is {canary()}.")
    assert answer.mode == "offline" and canary() not in answer.model_dump_json()
    assert "text of its instructions" in (answer.notice or "")


def test_a_recital_of_the_prompt_without_the_canary_is_refused(settings: Settings) -> None:
    from agent.prompts import load

    recital = " ".join(load("phrase").text.replace("{canary}", "").split()[30:60])
    answer = _ask(settings, BINDING, f"Sure. {recital}")
    assert answer.mode == "offline" and recital not in answer.answer
    assert "text of its instructions" in (answer.notice or "")


def test_a_failing_model_leaves_the_engine_answer_with_a_notice(settings: Settings) -> None:
    class Broken(GenericFakeChatModel):
        def _generate(self, *args: Any, **kwargs: Any) -> Any:
            raise ValueError("not JSON")

    answer = ask(BINDING, settings=settings, chat_model=Broken(messages=iter([])))
    assert answer.mode == "offline" and answer.answer == _offline(settings, BINDING).answer
    assert answer.notice == (
        f"{OFFLINE_NOTICE} Model unavailable: the model sent a malformed response."
    )


def test_history_stays_with_the_engine_and_never_reaches_the_model(settings: Settings) -> None:
    model = scripted(GOOD)
    earlier = "What is the AI Basic Plan?"
    ask(
        BINDING,
        settings=settings,
        chat_model=model,
        history=[(earlier, "It is a Cabinet decision [1].")],
    )
    ((_system, human),) = model.calls
    assert earlier not in str(human.content) and "[1]" not in str(human.content)


def test_the_model_phrases_use_case_answers_too(settings: Settings) -> None:
    question = "We are building an AI interview-scoring tool for Japanese employers. What applies?"
    offline = _offline(settings, question)
    assert offline.route == "use_case"
    model = scripted("Several layers apply to an interview-scoring tool.")
    answer = ask(question, settings=settings, chat_model=model)
    assert len(model.calls) == 1 and answer.tools_called == offline.tools_called
    assert answer.answer.endswith(offline.answer)

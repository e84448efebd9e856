"""A real model through the real `ollama` client: streaming, the context asked for, and proof that
the model only ever adds a checked opening to the engine's answer.

The model may be poor (SmolLM2-135M is tiny); what must hold is that every answer shown is the
engine's cited answer, either under an opening that passed the prose check or with a notice.
"""

from __future__ import annotations

import json
import os
import time
from typing import Any

import ollama
import pytest

from agent.answer.phrase import composed_facts, messages_for
from agent.answer.phrasebook import phrasebook
from agent.answer.prose_check import problems
from agent.answer.reader import default_reader
from agent.model import make_chat_model, probe
from agent.prompts import canary, repeats_prompt
from agent.qa import ask
from core.config import Settings
from evals.case_files import load_cases

pytestmark = pytest.mark.live

CASES = int(os.environ.get("SHIRUBE_LIVE_CASES", "8"))
QUESTIONS = [c.question for c in load_cases(suite="qa") if c.question][:CASES]


def _client(settings: Settings) -> ollama.Client:
    return ollama.Client(host=settings.ollama_url, timeout=settings.read_timeout)


def test_model_is_served(live_settings: Settings) -> None:
    status = probe(live_settings)
    assert status.available, status.reason


def test_chat_streams_real_tokens(live_settings: Settings) -> None:
    chunks = list(
        _client(live_settings).chat(
            model=live_settings.model,
            messages=[{"role": "user", "content": "Name one city in Japan."}],
            stream=True,
            options={"temperature": 0, "num_predict": 32},
        )
    )
    assert chunks[-1].done and chunks[-1].done_reason in ("stop", "length")
    text = "".join(c.message.content or "" for c in chunks)
    assert text.strip(), "the model produced no text"
    assert len(chunks) >= 3  # token pieces and the final record, not one buffered reply


def test_the_phrase_prompt_is_evaluated_whole(live_settings: Settings) -> None:
    question = "Are the AI Guidelines for Business legally binding?"
    facts = composed_facts(ask(question, settings=live_settings, offline=True).answer)
    reply = make_chat_model(live_settings).invoke(messages_for(question, facts))
    meta = reply.response_metadata
    assert meta.get("done_reason") in ("stop", "length"), meta
    # Evaluated tokens never exceed the context asked for (a server that ignores num_ctx and
    # truncates would report fewer tokens than the prompt holds).
    assert 0 < int(meta.get("prompt_eval_count") or 1) <= live_settings.num_ctx


@pytest.mark.parametrize("question", QUESTIONS)
def test_every_answer_is_the_engines_under_a_checked_opening(
    live_settings: Settings, live_report: list[dict[str, Any]], question: str
) -> None:
    offline = ask(question, settings=live_settings, offline=True)
    started = time.perf_counter()
    answer = ask(
        question,
        settings=live_settings,
        chat_model=make_chat_model(live_settings),
    )
    opening = answer.answer.removesuffix(offline.answer).strip()
    found: list[str] = []
    if answer.mode.startswith("model:"):
        words = phrasebook().book.legal_force_words.split()
        facts = " ".join(composed_facts(offline.answer))
        found = problems(opening, facts, default_reader(), words)
    live_report.append(
        {
            "question": question,
            "mode": answer.mode,
            "scope": answer.scope,
            "route": answer.route,
            "opening": opening[:400],
            "notice": answer.notice,
            "citations": [c.id for c in answer.citations],
            "shown_problems": found,
            "seconds": round(time.perf_counter() - started, 2),
        }
    )
    assert canary() not in json.dumps(live_report[-1])
    if answer.scope != "in":
        return  # the guard answered; no model text reached the user
    assert answer.answer.endswith(offline.answer)  # the engine's answer, always whole
    assert answer.citations == offline.citations
    if answer.mode.startswith("model:"):
        assert found == [] and not repeats_prompt(opening)
    else:
        assert answer.notice, "an answer without the model's opening must say why"

"""The real ollama client against an Ollama-like server: the prompt fits the context it asks for,
recorded model replies are checked like live ones, and every failure falls back cleanly."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from langchain_core.messages import HumanMessage

from agent.answer.nodes import OFFLINE_NOTICE
from agent.answer.phrase import composed_facts, messages_for
from agent.model import make_chat_model, probe
from agent.prompts import canary
from agent.qa import MAX_QUESTION_CHARS, ask
from core.config import Settings
from tests.agent.ollama_fixture import (
    DEFAULT_NUM_CTX,
    fit_context,
    load_recorded,
    ollama_server,
    seen_text,
    tokens,
)
from tests.conftest import REPO_ROOT

QUESTION = "Are the AI Guidelines for Business legally binding?"
REPLY_TOKENS = 256  # room for a two-sentence opening inside the context


def _settings(base: Settings, url: str, **extra: object) -> Settings:
    update = {"ollama_host": url, "model": "fake:7b", "read_timeout": 0.5, "offline": False}
    return base.model_copy(update={**update, **extra})


def _offline(settings: Settings, question: str = QUESTION) -> object:
    return ask(question, settings=settings, offline=True)


def test_a_recorded_opening_streams_through_the_client(settings: Settings) -> None:
    (recorded,) = load_recorded("good_opening")
    with ollama_server(replay="good_opening") as server:
        answer = ask(QUESTION, settings=_settings(settings, server.url))
    (chat,) = server.chats
    assert answer.mode == "model:fake:7b" and answer.notice is None
    assert answer.answer == f"{recorded['content']}\n\n{_offline(settings).answer}"
    assert chat["stream"] is True and not chat.get("tools")
    assert chat["keep_alive"] == settings.keep_alive
    assert chat["options"]["num_ctx"] == settings.num_ctx


_COMPOUND: dict[Path, str] = {}


@pytest.fixture(scope="module")
def compound_question(settings: Settings) -> str:
    """Eval questions with the longest answers, joined up to the longest question allowed (every
    eval question answered offline: seconds, so once per process, whatever xdist tears down)."""
    if settings.home not in _COMPOUND:
        lines = (REPO_ROOT / "evals" / "cases" / "answers.jsonl").read_text(encoding="utf-8")
        questions = [q for line in lines.splitlines() if (q := json.loads(line).get("question"))]
        longest = sorted(questions, key=lambda q: -len(_offline(settings, q).answer))
        joined = ""
        for question in longest:
            if len(joined) + len(question) + 1 <= MAX_QUESTION_CHARS:
                joined = f"{joined} {question}".strip()
        _COMPOUND[settings.home] = joined
    return _COMPOUND[settings.home]


def test_the_largest_phrase_prompt_fits_the_context_setting(
    settings: Settings, compound_question: str
) -> None:
    question = compound_question
    facts = composed_facts(_offline(settings, question).answer)
    assert len(facts) >= 15  # many facts: the worst case, not a typical one
    size = tokens(seen_text([{"content": m.content} for m in messages_for(question, facts)]))
    assert size + REPLY_TOKENS <= Settings().num_ctx, f"{size} prompt tokens"


@pytest.mark.parametrize("which", ["one fact", "many facts"])
def test_a_4k_server_always_sees_the_question_and_the_facts(
    settings: Settings, compound_question: str, which: str
) -> None:
    question = QUESTION if which == "one fact" else compound_question
    facts = composed_facts(_offline(settings, question).answer)
    with ollama_server(reply="No.") as server:
        ask(question, settings=_settings(settings, server.url))
    (chat,) = server.chats
    seen = seen_text(server.seen[0])
    assert chat["options"]["num_ctx"] >= tokens(seen_text(chat["messages"]))
    assert f"Question: {question}" in seen and canary() in seen
    assert all(fact in seen for fact in facts)


def test_without_num_ctx_a_long_prompt_loses_its_question(settings: Settings) -> None:
    # What the setting prevents: Ollama's 4k default cuts the oldest text, the question first.
    from agent.bounded_ollama import BoundedChatOllama

    facts = [
        f"Fact {n}: the AI Promotion Act coordinates AI policy across ministries."
        for n in range(300)
    ]
    messages = messages_for(QUESTION, facts)
    assert tokens(seen_text([{"content": m.content} for m in messages])) > DEFAULT_NUM_CTX
    with ollama_server(reply="No.") as server:
        configured = _settings(settings, server.url, num_ctx=16_384)
        make_chat_model(configured).invoke(messages)
        BoundedChatOllama(model="fake:7b", base_url=server.url).invoke(messages)
    whole, cut = (seen_text(seen) for seen in server.seen)
    assert f"Question: {QUESTION}" in whole and "Fact 0:" in whole
    assert f"Question: {QUESTION}" not in cut and "Fact 0:" not in cut
    assert canary() in cut and "Fact 299:" in cut  # the system prompt and the newest text stay


def test_fit_context_drops_older_turns_then_the_front_of_the_text() -> None:
    messages = [
        {"role": "system", "content": "s" * 40},
        {"role": "user", "content": "old " * 100},
        {"role": "assistant", "content": "reply " * 100},
        {"role": "user", "content": "Question: why? " + "x" * 200},
    ]
    seen = fit_context(messages, 50)
    assert [m["role"] for m in seen] == ["system", "user"]
    assert seen[0]["content"] == "s" * 40 and seen[1]["content"].endswith("x" * 100)
    assert not seen[1]["content"].startswith("Question")
    assert fit_context(messages, 10_000) == messages


def test_done_reason_and_no_hidden_cap(settings: Settings) -> None:
    from langchain_ollama import ChatOllama

    reply = "word " * 10_000  # 50 000 characters: all of it arrives when nothing caps it
    with ollama_server(reply=reply) as server:
        whole = ChatOllama(model="fake:7b", base_url=server.url).invoke([HumanMessage("hi")])
        cut = ChatOllama(model="fake:7b", base_url=server.url, num_predict=3).invoke(
            [HumanMessage("hi")]
        )
    assert whole.content == reply and whole.response_metadata["done_reason"] == "stop"
    assert cut.content == reply[:12] and cut.response_metadata["done_reason"] == "length"


def test_an_opening_cut_at_the_token_limit_is_not_shown(settings: Settings) -> None:
    reply = (
        "The AI Guidelines for Business are non-binding soft law that companies follow by choice."
    )
    with ollama_server(reply=reply) as server:
        answer = ask(QUESTION, settings=_settings(settings, server.url, opening_max_tokens=16))
    (chat,) = server.chats
    assert chat["options"]["num_predict"] == 16
    assert answer.mode == "offline" and answer.answer == _offline(settings).answer
    assert "cut off at SHIRUBE_OPENING_MAX_TOKENS" in (answer.notice or "")


RECORDED_REFUSALS = {
    "fabricated_law": "the number 99",
    "template_junk": "chat-template tokens",
    "recites_prompt": "text of its instructions",
}


@pytest.mark.parametrize("name", sorted(RECORDED_REFUSALS))
def test_recorded_bad_replies_leave_the_engine_answer(settings: Settings, name: str) -> None:
    with ollama_server(replay=name) as server:
        answer = ask(QUESTION, settings=_settings(settings, server.url))
    assert answer.mode == "offline" and answer.answer == _offline(settings).answer
    assert RECORDED_REFUSALS[name] in (answer.notice or ""), answer.notice
    shown = answer.model_dump_json()
    assert canary() not in shown and "<|im_start|>" not in shown and "Act No. 99" not in shown


def test_a_recorded_reasoning_reply_is_shown_without_its_thinking(settings: Settings) -> None:
    with ollama_server(replay="think") as server:
        answer = ask(QUESTION, settings=_settings(settings, server.url))
    assert answer.mode == "model:fake:7b", answer.notice
    assert answer.answer.startswith("No. The AI Guidelines for Business are non-binding soft law")
    assert "think" not in answer.answer and "Maybe mention fines" not in answer.answer


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_server_down(settings: Settings) -> None:
    url = f"http://127.0.0.1:{_closed_port()}"
    answer = ask(QUESTION, settings=_settings(settings, url))
    assert answer.mode == "offline"
    assert (
        answer.notice == f"{OFFLINE_NOTICE} Model unavailable: no Ollama server answered at {url}."
    )
    assert answer.answer == _offline(settings).answer


@pytest.mark.parametrize(
    ("mode", "reason"),
    [
        ("not_found", "model 'fake:7b' is not pulled on {url}"),
        ("slow", "Ollama at {url} did not answer in time"),
        ("malformed", "the model sent a malformed response"),
        ("garbled", "the model sent a malformed response"),
    ],
)
def test_failures_fall_back_with_a_one_line_notice(
    settings: Settings, mode: str, reason: str
) -> None:
    with ollama_server(mode, reply="No.", slow_seconds=1.5) as server:
        answer = ask(QUESTION, settings=_settings(settings, server.url))
        expected = reason.format(url=server.url)
    assert answer.mode == "offline"
    assert answer.notice == f"{OFFLINE_NOTICE} Model unavailable: {expected}."
    assert answer.answer == _offline(settings).answer
    assert [c.id for c in answer.citations] == [c.id for c in _offline(settings).citations]


def test_a_model_without_tools_still_phrases(settings: Settings) -> None:
    # The model only writes an opening: tool support is not needed any more.
    with ollama_server("no_tools", replay="good_opening") as server:
        answer = ask(QUESTION, settings=_settings(settings, server.url))
    assert answer.mode == "model:fake:7b", answer.notice


def test_probe_runs_once_per_process(settings: Settings) -> None:
    with ollama_server(reply="No.") as server:
        configured = _settings(settings, server.url)
        assert probe(configured).available
        assert probe(configured).available
        shows = [path for path, _ in server.requests if path == "/api/show"]
    assert shows == ["/api/show"]

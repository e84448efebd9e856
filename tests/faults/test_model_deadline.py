"""A model server that trickles or floods: a deadline per answer and a length cap, never a hang.

The read timeout restarts with every token, so only a deadline on the whole answer stops a server
that sends one token a second; the cap stops reading a runaway stream instead of printing it.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from langchain_core.messages import HumanMessage

from agent.answer.nodes import OFFLINE_NOTICE
from agent.model import MODEL_ERRORS, describe_error, make_chat_model
from agent.model_limits import AnswerDeadline, AnswerTooLong, bounded
from agent.qa import ask
from tests.agent.ollama_fixture import FLOOD_CHARS, TRICKLE_TOKENS, ollama_server
from tests.faults.cli_runner import run_cli
from tests.faults.offline_answer import QUESTION, assert_rule_base_answer, fake_model_settings

TRICKLE_SECONDS = 0.1  # per token: the fixture's whole trickle takes several seconds
DEADLINE = 1.0


def test_a_trickling_server_gets_the_offline_answer_at_the_deadline(index_home: Path) -> None:
    with ollama_server("trickle", slow_seconds=TRICKLE_SECONDS) as server:
        settings = fake_model_settings(index_home, server.url, answer_deadline=DEADLINE)
        answer = ask(QUESTION, settings=settings)
        # Set only when the client closes the stream before its end: it stopped reading.
        assert server.hung_up.wait(3), "the client kept reading past the deadline"
    assert_rule_base_answer(answer, "SHIRUBE_ANSWER_DEADLINE")
    assert answer.latency_ms < (DEADLINE + 2.5) * 1000


def test_one_token_a_second_is_cut_at_the_deadline_with_the_offline_answer(
    index_home: Path,
) -> None:
    # Every read is fast (a token a second, read timeout 5 s): only the reply's deadline stops it.
    deadline = 1.5
    with ollama_server("trickle", slow_seconds=1.0) as server:
        settings = fake_model_settings(
            index_home, server.url, answer_deadline=deadline, read_timeout=5
        )
        started = time.monotonic()
        answer = ask(QUESTION, settings=settings)
        took = time.monotonic() - started
        assert server.hung_up.wait(3), "the client kept reading past the deadline"
    assert answer.answer == ask(QUESTION, settings=settings, offline=True).answer
    assert answer.mode == "offline" and answer.notice == (
        f"{OFFLINE_NOTICE} Model unavailable: the model did not finish its answer within "
        f"{deadline:g} s (SHIRUBE_ANSWER_DEADLINE)."
    )
    assert took < deadline + 1.0 + 1.0  # at most one more token's wait, then the offline answer
    assert server.chars_sent < TRICKLE_TOKENS * len("Japan ")


def test_the_reading_and_the_opening_share_one_deadline(index_home: Path) -> None:
    # A question the engine cannot link makes two model calls (reading, then opening): the
    # trickle uses up the deadline in the first, so the second gets nothing and the answer still
    # comes within one deadline, not two.
    vague = "is the G7 thing binding for us?"
    deadline = 2.0
    with ollama_server("trickle", slow_seconds=TRICKLE_SECONDS) as server:
        settings = fake_model_settings(index_home, server.url, answer_deadline=deadline)
        ask(vague, settings=settings, offline=True)  # warm: the engine's own time is not measured
        started = time.monotonic()
        answer = ask(vague, settings=settings)
        took = time.monotonic() - started
    assert len(server.chats) >= 1 and server.chats[0].get("format") is not None
    assert answer.mode == "offline"
    assert took < deadline * 1.5, took  # two deadlines would be 4 s


def test_a_flood_is_cut_at_the_cap_and_never_printed(
    index_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with ollama_server("flood") as server:
        for name, value in {
            "SHIRUBE_HOME": str(index_home),
            "OLLAMA_HOST": server.url,
            "SHIRUBE_MODEL": "fake:7b",
            "SHIRUBE_MAX_ANSWER_CHARS": "8000",
        }.items():
            monkeypatch.setenv(name, value)
        started = time.monotonic()
        result = run_cli("ask", QUESTION)
        assert server.hung_up.wait(5), "the client read the whole flood"
    assert result.code == 0, result.err
    assert time.monotonic() - started < 15
    assert server.chars_sent < FLOOD_CHARS
    assert len(result.out) < 20_000 and "xxxxxxxx" not in result.out
    assert "SHIRUBE_MAX_ANSWER_CHARS" in " ".join((result.out + result.err).split())
    assert "AI Promotion Act" in result.out  # the offline answer stands in for the flood


def test_the_interview_assistant_stops_at_the_deadline(tmp_path: Path) -> None:
    from agent.interview.session import InterviewSession

    with ollama_server("trickle", slow_seconds=TRICKLE_SECONDS) as server:
        settings = fake_model_settings(tmp_path / "home", server.url, answer_deadline=DEADLINE)
        session = InterviewSession.start(settings, assist=True)
        assert session.assisted
        session.answer("Triage bot")
        started = time.monotonic()
        step = session.answer("A chatbot that helps hospital staff sort patient messages.")
        assert time.monotonic() - started < DEADLINE + 2.5
        assert step.question is not None and step.question.notice is not None
        assert "SHIRUBE_ANSWER_DEADLINE" in step.question.notice
        started = time.monotonic()
        # Unreadable ("firm" is a synonym now): the model is asked to map it, and times out.
        step = session.answer("a loose collective of sorts")
        assert time.monotonic() - started < DEADLINE + 2.5
        assert step.error is not None
        session.close()


@pytest.mark.parametrize("mode", ["trickle", "flood"])
def test_a_bounded_model_call_raises_a_model_error_in_bounded_time(
    tmp_path: Path, mode: str
) -> None:
    with ollama_server(mode, slow_seconds=TRICKLE_SECONDS) as server:
        settings = fake_model_settings(
            tmp_path, server.url, answer_deadline=DEADLINE, max_answer_chars=500
        )
        model = make_chat_model(settings)
        started = time.monotonic()
        with pytest.raises(MODEL_ERRORS) as caught:
            model.invoke([HumanMessage("hello")])
        assert time.monotonic() - started < DEADLINE + 2.5
    expected = AnswerDeadline if mode == "trickle" else AnswerTooLong
    assert isinstance(caught.value, expected)
    assert "SHIRUBE_" in describe_error(caught.value, settings)


def test_bounded_stops_reading_and_closes_the_stream() -> None:
    closed: list[bool] = []

    def parts() -> Iterator[dict[str, Any]]:
        try:
            while True:
                yield {"message": {"content": "word "}}
        finally:
            closed.append(True)

    with pytest.raises(AnswerTooLong):
        list(bounded(parts(), deadline_s=60, max_chars=100))
    assert closed == [True]

    def slow() -> Iterator[dict[str, Any]]:
        while True:
            time.sleep(0.05)
            yield {"message": {"content": "a"}}

    with pytest.raises(AnswerDeadline):
        list(bounded(slow(), deadline_s=0.2, max_chars=10_000))

"""The model's reading (structured output) fills only the parts the engine left blank, through
the engine's own linker; a malformed or unlinkable reading changes nothing."""

from __future__ import annotations

import json

from agent.answer.propose import Proposal, ask_model, blank_parts, fill_blanks
from agent.answer.reader import default_reader
from agent.answer.understand import understand
from agent.qa import ask
from core.config import Settings
from tests.agent.ollama_fixture import ollama_server
from tests.fakes import scripted

VAGUE = "is the G7 thing binding for us?"
HIROSHIMA = "hiroshima_code"
READING = {
    "parts": [
        {
            "text": VAGUE,
            "about": ["Hiroshima AI Process code of conduct"],
            "facet": "legal_force",
            "yes_no": True,
        }
    ]
}
OPENING = "No. The Hiroshima AI Process code of conduct is voluntary: it has no legal force."


def _proposal(**part: object) -> Proposal:
    return Proposal.model_validate({"parts": [{**READING["parts"][0], **part}]})


def test_a_part_the_engine_cannot_link_is_blank_and_a_linked_one_is_not() -> None:
    assert blank_parts(understand(VAGUE)) == [0]
    assert blank_parts(understand("Is the Hiroshima AI Process code of conduct binding?")) == []


def test_the_reading_links_through_the_rule_base() -> None:
    query = understand(VAGUE)
    filled = fill_blanks(query, _proposal(), default_reader())
    assert HIROSHIMA in filled.parts[0].entities
    assert filled.parts[0].facet == "legal_force" and filled.parts[0].route == "lookup"


def test_names_the_rule_base_does_not_know_change_nothing() -> None:
    query = understand(VAGUE)
    assert fill_blanks(query, _proposal(about=["Galactic AI Treaty"]), default_reader()) == query


def test_a_malformed_reply_is_no_reading() -> None:
    assert ask_model(scripted("Sure! The G7 code is voluntary."), VAGUE) is None
    assert ask_model(scripted('{"parts": []}'), VAGUE) is None
    assert ask_model(scripted(json.dumps(READING)), VAGUE) == Proposal.model_validate(READING)


def test_the_model_reading_answers_what_the_engine_could_not(settings: Settings) -> None:
    offline = ask(VAGUE, settings=settings, offline=True)
    answer = ask(VAGUE, settings=settings, chat_model=scripted(json.dumps(READING), OPENING))
    assert answer.query is not None and answer.query["read_by"] == "engine+model"
    assert "hiroshima_code" in {c.id for c in answer.citations}
    assert "hiroshima_code" not in {c.id for c in offline.citations}
    assert answer.mode.startswith("model:"), answer.notice


def test_a_bad_reading_falls_back_to_the_engine_and_still_phrases(settings: Settings) -> None:
    offline = ask(VAGUE, settings=settings, offline=True)
    opening = "Yes. The AI Promotion Act is binding law."
    answer = ask(VAGUE, settings=settings, chat_model=scripted("not json", opening))
    assert answer.query is not None and answer.query["read_by"] == "engine"
    assert answer.fact_ids == offline.fact_ids


def test_ollama_gets_the_schema_only_when_a_part_is_blank(settings: Settings) -> None:
    base = {"model": "fake:7b", "read_timeout": 2.0, "offline": False}
    with ollama_server(reply=json.dumps(READING)) as server:
        ask(VAGUE, settings=settings.model_copy(update={**base, "ollama_host": server.url}))
        ask(
            "Is the Hiroshima AI Process code of conduct binding?",
            settings=settings.model_copy(update={**base, "ollama_host": server.url}),
        )
    formats = [chat.get("format") for chat in server.chats]
    assert formats[0] == Proposal.model_json_schema()
    assert all(f is None for f in formats[1:]) and len(formats) == 3

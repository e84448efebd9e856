"""Model help in the interview: suggested answers from the description and free-text mapping.

Only the chat model is faked (FakeToolChatModel); the checkpointer is the real SQLite one.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rich.console import Console

from agent.cli.interview_show import show_question
from agent.interview.assist import coerce
from agent.interview.session import InterviewSession
from agent.model import make_chat_model
from core.config import Settings
from core.profile import UseCaseProfile
from knowledge.questions import question_by_id
from tests.fakes import fake_model
from tests.interview.scenarios import SCENARIOS

DESCRIPTION = "A chatbot on our website answers consumers' questions from our product manuals."
# What a careless model might send: good values, wrong types, unknown fields and values.
GUESS = {
    "offers_to_others": True,
    "customers": ["consumers"],
    "personal_data": "personal",
    "builds_models": "no",  # a string, not a boolean: dropped
    "organisation": "megacorp",  # not an allowed value: dropped
    "sectors": ["health", "space"],  # one unknown value drops the whole answer
    "name": "Renamed by the model",  # free text is never suggested
    "is_high_risk": True,  # not a question at all
}
SUGGESTED = {"offers_to_others": True, "customers": ["consumers"], "personal_data": "personal"}


def _start(settings: Settings, tmp_path: Path, replies: list[Any]) -> InterviewSession:
    model = fake_model([json.dumps(r) if not isinstance(r, str) else r for r in replies])
    return InterviewSession.start(settings, output=str(tmp_path / "plan.md"), chat_model=model)


def _to(session: InterviewSession, question_id: str, answers: dict[str, str]) -> None:
    """Answer (or skip) every question before `question_id`."""
    while (view := session.current) is not None and view.id != question_id:
        session.answer(answers.get(view.id, "skip"))


def test_suggestions_are_shown_and_only_valid_values_kept(
    settings: Settings, tmp_path: Path
) -> None:
    session = _start(settings, tmp_path, [GUESS])
    assert session.assisted is True
    session.answer("Bot")
    step = session.answer(DESCRIPTION)
    assert step.question is not None and step.question.id == "organisation"
    assert step.question.notice == (
        "Suggested 3 answer(s) from your description; each one is shown for you to accept "
        "with Enter or change."
    )
    assert step.question.suggestion is None  # the model's 'megacorp' was dropped
    assert session.values["suggestions"] == SUGGESTED
    assert session.answers == {"name": "Bot", "description": DESCRIPTION}  # nothing applied
    session.close()


def test_enter_accepts_a_suggestion_and_a_typed_answer_overrides_it(
    settings: Settings, tmp_path: Path
) -> None:
    session = _start(settings, tmp_path, [GUESS])
    _to(session, "offers_to_others", {"name": "Bot", "description": DESCRIPTION})
    view = session.current
    assert view is not None and (view.suggestion, view.notice) == ("yes", None)
    session.answer("")  # Enter: accepted
    assert session.answers["offers_to_others"] is True
    _to(session, "customers", {})
    assert session.current is not None and session.current.suggestion == "consumers"
    session.answer("consumers, businesses")  # typed: the user's answer wins
    assert session.answers["customers"] == ["consumers", "businesses"]
    view = session.current
    assert view is not None and (view.id, view.suggestion) == ("personal_data", "personal")
    session.answer("skip")  # 'skip' means not sure here (no safe default), not the suggestion
    assert session.answers["personal_data"] == "personal"
    assert session.answers["unsure"] == ["personal_data"]
    session.close()


def test_suggestion_survives_quit_and_resume_without_a_model(
    settings: Settings, tmp_path: Path
) -> None:
    session = _start(settings, tmp_path, [GUESS])
    _to(session, "offers_to_others", {"name": "Bot", "description": DESCRIPTION})
    assert session.answer("quit").quit is True
    sid = session.session_id
    session.close()
    resumed = InterviewSession.resume(sid, settings)  # no model now
    assert resumed.assisted is False
    view = resumed.current
    assert view is not None and (view.id, view.suggestion) == ("offers_to_others", "yes")
    resumed.answer("")
    assert resumed.answers["offers_to_others"] is True
    resumed.close()


def test_malformed_model_reply_gives_a_notice_and_no_suggestions(
    settings: Settings, tmp_path: Path
) -> None:
    session = _start(settings, tmp_path, ["Sure! The organisation is a company."])
    session.answer("Bot")
    step = session.answer(DESCRIPTION)
    assert step.question is not None
    assert step.question.notice == (
        "No suggested answers (the model sent a malformed response); every question is asked."
    )
    assert session.values["suggestions"] == {}
    assert step.question.suggestion is None
    step = session.answer("")  # no suggestion: an empty answer is still an error
    assert step.error == "Please type an answer (or 'skip' to use the default). Expected " + (
        "one of: 1) company, 2) government, 3) local_government, 4) research, 5) other "
        "(type the number or the name)."
    )
    session.close()


def test_free_text_is_mapped_then_confirmed(settings: Settings, tmp_path: Path) -> None:
    replies = [{}, {"value": ["government", "businesses"]}, {"value": "megacorp"}]
    session = _start(settings, tmp_path, replies)
    _to(session, "customers", {"name": "Bot", "description": DESCRIPTION})
    step = session.answer("firms and public agencies")
    view = step.question
    assert view is not None and view.id == "customers"
    assert (view.mapped, view.error) == ("businesses, government", None)
    assert "customers" not in session.answers  # shown back, not applied
    step = session.answer("yes")
    assert session.answers["customers"] == ["businesses", "government"]
    # A value outside the bank is never applied: the parser's message stands.
    assert step.question is not None and step.question.id == "personal_data"
    step = session.answer("our clients' emails")
    assert step.question is not None and step.question.mapped is None
    assert step.error is not None and step.error.startswith(
        "'our clients' emails' is not one of the choices."
    )
    session.close()


def test_saying_no_to_a_mapping_asks_again(settings: Settings, tmp_path: Path) -> None:
    session = _start(settings, tmp_path, [{}, {"value": True}])
    _to(session, "builds_models", {"name": "Bot", "description": DESCRIPTION})
    step = session.answer("we tune an open model ourselves")
    assert step.question is not None and step.question.mapped == "yes"
    step = session.answer("no")
    assert step.question is not None and step.question.id == "builds_models"
    assert step.question.mapped is None
    assert step.error == "Then please answer again. Expected yes or no (y/n)."
    assert "builds_models" not in session.answers
    session.answer("n")
    assert session.answers["builds_models"] is False
    session.close()


def test_model_down_gives_a_notice_and_the_normal_interview(
    settings: Settings, tmp_path: Path
) -> None:
    # A real ChatOllama on a closed port: the genuine connection failure, nothing faked.
    down = make_chat_model(Settings(ollama_host="http://127.0.0.1:9", connect_timeout=1))
    scenario = SCENARIOS[0]
    session = InterviewSession.start(settings, output=str(tmp_path / "p.md"), chat_model=down)
    session.answer(scenario.answers["name"])
    step = session.answer(scenario.answers["description"])
    assert step.question is not None and step.question.notice == (
        "No suggested answers (no Ollama server answered at http://127.0.0.1:9); "
        "every question is asked."
    )
    step = session.answer("a guild")  # mapping fails too: the parser's message is shown
    assert step.error is not None and step.error.startswith("'a guild' is not one of the choices.")
    while (view := session.current) is not None and view.kind == "question":
        session.answer(scenario.answers.get(view.id, "skip"))
    assert session.answer("yes").done is True
    assert session.profile_so_far == UseCaseProfile.model_validate(scenario.expected)
    session.close()


def test_assist_without_a_server_says_why_and_asks_everything(settings: Settings) -> None:
    # The suite's OLLAMA_HOST is a closed port: the probe finds no model.
    session = InterviewSession.start(settings, assist=True)
    assert session.assisted is False
    assert session.model_notice == (
        "No model available (no Ollama server answered at http://127.0.0.1:9), "
        "so every question is asked."
    )
    session.answer("Bot")
    step = session.answer(DESCRIPTION)
    assert step.question is not None and step.question.notice == session.model_notice
    assert step.question.suggestion is None
    session.close()


def test_offline_path_is_unchanged(settings: Settings) -> None:
    session = InterviewSession.start(settings)
    session.answer("Bot")
    step = session.answer(DESCRIPTION)
    view = step.question
    assert view is not None and view.id == "organisation"
    assert (view.notice, view.suggestion, view.mapped) == (None, None, None)
    step = session.answer("a guild")
    assert step.error is not None and step.error.startswith("'a guild' is not one of the choices.")
    assert step.question is not None and step.question.mapped is None
    session.close()


def test_coerce_accepts_only_allowed_values() -> None:
    customers = question_by_id("customers")
    assert coerce(customers, ["government", "consumers", "government"]) == [
        "consumers",
        "government",
    ]
    assert coerce(customers, "consumers") is None
    assert coerce(question_by_id("builds_models"), 1) is None
    assert coerce(question_by_id("government_procurement"), "supplier") == "supplier"
    assert coerce(question_by_id("description"), "anything") is None


def test_cli_shows_suggestion_and_mapping(settings: Settings, tmp_path: Path) -> None:
    session = _start(settings, tmp_path, [GUESS, {"value": ["consumers"]}])
    _to(session, "offers_to_others", {"name": "Bot", "description": DESCRIPTION})
    console = Console(record=True, width=200, color_system=None)
    assert session.current is not None
    show_question(console, session.current)
    session.answer("yes")
    session.answer("skip")
    session.answer("everyone in town")  # no synonym matches: the model reads it
    assert session.current is not None
    show_question(console, session.current)
    text = console.export_text()
    assert "  Suggested from your description: yes — press Enter to accept, or answer\n" in text
    assert "  I read that as: consumers — correct? (yes/no)\n" in text
    session.close()


def test_route_reads_the_description_once_and_again_only_when_it_changes() -> None:
    from agent.interview.routes import after_ask as route

    answered: dict[str, Any] = {"answers": {"name": "Bot", "description": "A bot"}}
    assert route({**answered, "history": ["name", "description"]}) == "prefill"
    assert route({**answered, "history": ["name", "description"], "prefilled_from": "A bot"}) == (
        "ask"
    )
    changed = {**answered, "history": ["name", "description"], "prefilled_from": "Old text"}
    assert route(changed) == "prefill"
    assert route({**answered, "history": ["description", "name"]}) == "ask"
    assert route({**answered, "history": ["name", "description"], "unread": "firms"}) == "map"

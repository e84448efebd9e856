"""The interview: a resumable LangGraph interview that fills a UseCaseProfile and writes a plan.

Entry point for the CLI and the TUI: `InterviewSession` (agent.interview.session):
`InterviewSession.start(settings=None, *, assist=False, chat_model=None)`,
`InterviewSession.resume(session_id, ..., assist=False, chat_model=None)`, `.session_id`,
`.current` (QuestionView: id, text, help, choices, type, progress, notice, suggestion, mapped),
`.answer(text) -> Step` (question, error, help, done, profile, plan_path, assessment),
`.profile_so_far`, `.assisted`, `.model_notice`.
With `assist=True` (probe the Ollama model) or a `chat_model`, the model suggests answers from
the description (`view.suggestion`: Enter accepts, any answer overrides) and reads free-text
choice answers (`view.mapped`: yes accepts, no asks again); nothing is applied unconfirmed.
`start`/`resume` hold the session's lock until `.close()` (one writer per session, across
processes; `agent.interview.session_lock`); `InterviewSession.open(id)` reads without it.
The session registry others may add to lives in `agent.interview.store`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from agent.interview.session import InterviewSession, QuestionView, Step

__all__ = ["InterviewSession", "QuestionView", "Step"]


def __getattr__(name: str) -> Any:
    # Lazy: importing the package (e.g. for the store) must not pull in LangGraph.
    if name in __all__:
        from agent.interview import session

        return getattr(session, name)
    raise AttributeError(name)

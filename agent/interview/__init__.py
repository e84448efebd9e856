"""The interview: a resumable LangGraph interview that fills a UseCaseProfile and writes a plan.

Entry point for the CLI and the TUI: `InterviewSession` (agent.interview.session):
`InterviewSession.start(settings=None)`, `InterviewSession.resume(session_id)`, `.session_id`,
`.current` (QuestionView: id, text, help, choices, type, progress), `.answer(text) -> Step`
(question, error, help, done, profile, plan_path, assessment), `.profile_so_far`.
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

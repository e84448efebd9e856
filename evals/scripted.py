"""Drive the real interview (agent.interview.InterviewSession) from a map of typed answers."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from core.config import Settings, get_settings
from core.profile import UseCaseProfile

MAX_STEPS = 80  # well above the question bank; guards against a routing loop


def scripted_interview(answers: dict[str, Any], settings: Settings | None = None) -> UseCaseProfile:
    """Answer each question from `answers` by id ('skip' when absent), confirm, return the profile.

    A scripted answer the interview rejects is an error naming the question, so a case never
    passes on defaults by accident.
    """
    from agent.interview import InterviewSession

    with tempfile.TemporaryDirectory(prefix="shirube-eval-") as tmp:
        plan = str(Path(tmp) / "plan.md")
        with InterviewSession.start(settings or get_settings(), output=plan) as session:
            try:
                for _ in range(MAX_STEPS):
                    view = session.current
                    if view is None:
                        return session.profile_so_far
                    text = "yes" if view.kind == "confirm" else str(answers.get(view.id, "skip"))
                    if view.kind == "pick":
                        raise ValueError("the interview asked which answer to change")
                    step = session.answer(text)
                    if step.error and step.question and step.question.id == view.id:
                        raise ValueError(f"answer {text!r} to {view.id!r} rejected: {step.error}")
                raise ValueError(f"the interview did not finish in {MAX_STEPS} steps")
            finally:
                session.delete()

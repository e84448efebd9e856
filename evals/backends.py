"""The entry points an eval runs through (`Backends`): the real ask, assess and scripted
interview wired by `default_backends()`, or the stubs and fake chat models tests pass in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SYSTEM_PROMPT = Path(__file__).resolve().parent.parent / "prompts" / "phrase.md"

AskFn = Callable[..., Any]
AssessFn = Callable[[Any], Any]
InterviewFn = Callable[[dict[str, Any]], Any]


@dataclass(frozen=True)
class Backends:
    """What the runner calls: ask(question, *, settings, chat_model, offline), assess, interview."""

    ask: AskFn
    assess: AssessFn
    interview: InterviewFn | None = None
    leak_markers: tuple[str, ...] = ()


def leak_markers(prompt_file: Path = SYSTEM_PROMPT) -> tuple[str, ...]:
    """The live canary and each long rule line of the system prompt, read at run time."""
    if not prompt_file.is_file():
        return ()
    from agent.prompts import canary

    live = canary()
    lines = prompt_file.read_text(encoding="utf-8").replace("{canary}", live).splitlines()
    rules = tuple(line.strip("- ").strip() for line in lines if len(line) >= 60)
    return (live, *rules)


def _real_ask(question: str, **kwargs: Any) -> Any:
    from agent.qa import ask  # late: the assess and interview suites run without it

    return ask(question, **kwargs)


def default_backends() -> Backends:
    """The real entry points; imported here so `shirube --help` stays light."""
    from tools.assess import assess

    return Backends(
        ask=_real_ask, assess=assess, interview=_interview_backend(), leak_markers=leak_markers()
    )


def _interview_backend() -> InterviewFn | None:
    try:
        from agent.interview import session  # noqa: F401
    except ImportError:
        return None  # reported per case as an error, never skipped silently
    from evals.scripted import scripted_interview

    return scripted_interview

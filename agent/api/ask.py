"""ask: one cited answer, the same as `shirube ask`; offline (no model) unless asked otherwise."""

from __future__ import annotations

import sys
import threading
from typing import Literal

from agent.state import Answer
from core.config import Settings, get_settings
from core.errors import UsageError
from core.telemetry import turn_off_telemetry
from knowledge.ui_labels import LabelledError

Lang = Literal["en", "ja"]
_INDEX_LOCK = threading.Lock()  # one build at a time inside this process (threads of a server)


def ready_index(settings: Settings, *, progress: bool = False) -> None:
    """Open the search index, building it first when missing or stale (progress on stderr)."""
    turn_off_telemetry()  # before chromadb or onnxruntime load: nothing leaves the machine
    from knowledge.index.store import ensure_index
    from knowledge.loader import RuleBaseError

    with _INDEX_LOCK:
        try:
            status = ensure_index(settings, progress=progress)
        except RuleBaseError as exc:
            raise UsageError(f"the rule base is invalid; fix these entries:\n{exc}") from exc
    if status.rebuilt:
        # stderr: when Shirube serves MCP, stdout is the protocol channel.
        print(f"Shirube: built the search index in {status.seconds:.0f} s.", file=sys.stderr)


def ask(
    question: str,
    *,
    offline: bool = True,
    lang: Lang | None = None,
    settings: Settings | None = None,
) -> Answer:
    """Answer a question about Japan's AI regulation, citing the official instruments.

    Offline by default: the answer is composed from the rule base and no model is called. With
    `offline=False` a configured Ollama model may phrase the opening (as `shirube ask` does).
    `lang` is the answer's language, "en" or "ja"; None answers in the question's own language
    (or SHIRUBE_LANG's).
    Raises `core.errors.UsageError` for an empty or over-long question.
    """
    from agent import qa

    if lang not in (None, "en", "ja"):
        from agent.answer.lang import detect
        from knowledge.ui_labels import ui_text

        # Said in the question's language: the one thing known about its reader.
        raise UsageError(ui_text("tool_errors.bad_lang", detect(question or ""), given=repr(lang)))
    settings = settings or get_settings()
    try:
        ready_index(settings)
    except LabelledError as exc:  # a busy index build: said in the question's language
        from agent.answer.lang import detect

        raise UsageError(exc.in_lang(lang or detect(question or ""))) from exc
    return qa.ask(question, settings=settings, offline=offline, lang=lang)

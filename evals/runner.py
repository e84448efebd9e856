"""Run eval cases through the same entry points users run (ask, assess, interview).

The entry points come in as `Backends` (evals/backends.py), so tests pass stubs or a fake chat
model without monkeypatching; the cases come from evals/case_files.py.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from core.config import Settings, get_settings
from evals import answer_checks, checks
from evals.backends import Backends
from evals.models import Case, CaseResult, ModelState
from evals.reasons import reason


@dataclass(frozen=True)
class RunOptions:
    offline: bool = True
    settings: Settings | None = None
    chat_model: Any = None
    model_name: str | None = None
    fault_timeout_s: float = 1.0
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def run_mode(self) -> str:
        if self.offline:
            return "offline"
        if self.chat_model is not None and not self.model_name:
            return "model:fake"
        return f"model:{self.model_name or 'configured'}"


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])  # closed again on exit: connections are refused


@contextlib.contextmanager
def silent_server() -> Iterator[int]:
    """A local port that accepts connections and never answers: a model that times out."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    held: list[socket.socket] = []

    def accept() -> None:
        with contextlib.suppress(OSError):
            while True:
                held.append(server.accept()[0])

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield int(server.getsockname()[1])
    finally:
        # shutdown wakes the blocked accept(); close alone can leave the port listening.
        with contextlib.suppress(OSError):
            server.shutdown(socket.SHUT_RDWR)
        server.close()
        for conn in held:
            conn.close()


def _ask(case: Case, backends: Backends, opts: RunOptions, **extra: Any) -> Any:
    settings = opts.settings or get_settings()
    state: ModelState = case.model_state
    if state == "up":
        return backends.ask(
            case.question,
            settings=settings,
            chat_model=opts.chat_model,
            offline=opts.offline,
            **extra,
        )
    limit = opts.fault_timeout_s
    faulty = {"offline": False, "connect_timeout": limit, "read_timeout": limit}
    if state == "down":
        host = f"http://127.0.0.1:{_closed_port()}"
        return backends.ask(
            case.question, settings=settings.model_copy(update={**faulty, "ollama_host": host})
        )
    with silent_server() as port:
        host = f"http://127.0.0.1:{port}"
        return backends.ask(
            case.question, settings=settings.model_copy(update={**faulty, "ollama_host": host})
        )


def _ids(items: Any, *names: str) -> list[str]:
    out: list[str] = []
    for item in items or ():
        if isinstance(item, str):
            out.append(item)
            continue
        for name in names:
            value = item.get(name) if isinstance(item, dict) else getattr(item, name, None)
            if isinstance(value, str):
                out.append(value)
                break
    return out


def _trigger_sources(triggers: Any) -> set[str]:
    sources: set[str] = set()
    for trig in triggers or ():
        inner = getattr(trig, "trigger", trig)
        cites = getattr(trig, "citations", None) or getattr(inner, "citations", None) or ()
        sources.update(_ids(cites, "source", "id"))
    return sources


def _answer_case(case: Case, result: CaseResult, backends: Backends, opts: RunOptions) -> None:
    answer = _ask(case, backends, opts)
    exp = case.expect
    text = str(getattr(answer, "answer", ""))
    result.mode = getattr(answer, "mode", None)
    result.scope = getattr(answer, "scope", None)
    result.expected_scope = exp.scope
    result.cited = _ids(getattr(answer, "citations", ()), "id", "source")
    result.expected_citations = list(exp.citations_any)
    result.excerpt = text[:300]
    reasons = checks.check_text(text, exp, backends.leak_markers)
    reasons += checks.check_citations(result.cited, exp.citations_any)
    if exp.scope and result.scope != exp.scope:
        reasons.append(reason("scope", got=repr(result.scope), expected=repr(exp.scope)))
    if exp.mode and not str(result.mode or "").startswith(exp.mode):
        reasons.append(reason("mode", got=repr(result.mode), expected=repr(exp.mode)))
    if exp.notice is not None and bool(getattr(answer, "notice", None)) != exp.notice:
        reasons.append(reason("notice_expected" if exp.notice else "notice_unexpected"))
    # The typed model decision (agent.model_status), never read from the notice's words.
    status = getattr(answer, "model", None)
    result.model_status = str(status.state) if status is not None else None
    if case.model_state != "up" and status is not None and not status.failed:
        reasons.append(reason("model_state", got=status.state, expected=case.model_state))
    if exp.tools is not None:
        bad = checks.check_trajectory(
            getattr(answer, "tools_called", ()), exp.tools, exp.tools_match
        )
        result.trajectory_ok = not bad
        reasons += bad
    result.reasons = reasons


def _answers_case(case: Case, result: CaseResult, backends: Backends, opts: RunOptions) -> None:
    """Ask the history first, as a chat would, then score the last answer on every check."""
    history: list[tuple[str, str]] = []
    for earlier in case.history:
        before = _ask(case.model_copy(update={"question": earlier}), backends, opts)
        history.append((earlier, str(getattr(before, "answer", ""))))
    answer = _ask(case, backends, opts, **({"history": history} if history else {}))
    text = str(getattr(answer, "answer", ""))
    result.mode = getattr(answer, "mode", None)
    result.scope = getattr(answer, "scope", None)
    result.cited = _ids(getattr(answer, "citations", ()), "id", "source")
    result.expected_citations = list(case.expect.citations_any)
    result.excerpt = text[:300]
    route = getattr(answer, "route", None)
    score = answer_checks.score(case, text, result.cited, route if isinstance(route, str) else None)
    result.answer_score = score
    result.reasons = answer_checks.reasons(case, score, text, result.cited)
    if case.expect.no_canary:
        result.reasons += checks.check_text(text, case.expect, backends.leak_markers)


def _assess_case(case: Case, result: CaseResult, backends: Backends) -> None:
    from core.profile import UseCaseProfile

    assessment = backends.assess(UseCaseProfile.model_validate(case.profile))
    exp = case.expect
    reasons: list[str] = []
    if exp.roles is not None:
        roles = _ids(getattr(assessment, "roles", ()), "id", "role")
        reasons += checks.check_set("roles", roles, exp.roles, exp.roles_match)
    triggers = getattr(assessment, "triggers", ())
    if exp.triggers is not None:
        ids = _ids(triggers, "id")
        reasons += checks.check_set("triggers", ids, exp.triggers, exp.triggers_match)
    sources = _trigger_sources(triggers)
    missing = sorted(set(exp.trigger_sources) - sources)
    reasons += [reason("trigger_missing", sources=missing)] if missing else []
    present = sorted(set(exp.absent_trigger_sources) & sources)
    reasons += [reason("trigger_extra", sources=present)] if present else []
    result.reasons = reasons


def _interview_case(case: Case, result: CaseResult, backends: Backends) -> None:
    if backends.interview is None:
        result.status = "error"
        result.reasons = [reason("no_interview")]
        return
    profile = backends.interview(dict(case.answers or {}))
    data = profile.model_dump() if hasattr(profile, "model_dump") else dict(profile)
    result.reasons = checks.check_profile(data, case.expect.profile or {})


def run_case(case: Case, backends: Backends, opts: RunOptions) -> CaseResult:
    result = CaseResult(
        id=case.id, suite=case.suite, critical=case.critical, heldout=case.heldout,
        tags=case.tags, status="pass", category=case.category,
    )  # fmt: skip
    if case.needs_model and opts.offline:
        result.status = "n/a"
        result.reasons = [reason("needs_model")]
        return result
    started = time.perf_counter()
    try:
        if case.suite == "answers":
            _answers_case(case, result, backends, opts)
        elif case.question is not None:
            _answer_case(case, result, backends, opts)
        elif case.profile is not None:
            _assess_case(case, result, backends)
        else:
            _interview_case(case, result, backends)
    except Exception as exc:  # one broken case must not hide the others' results
        result.status = "error"
        result.reasons = [f"{type(exc).__name__}: {exc}"]
    result.latency_ms = round((time.perf_counter() - started) * 1000, 2)
    if result.status == "pass" and result.reasons:
        result.status = "fail"
    return result


def run_cases(
    cases: Sequence[Case],
    backends: Backends,
    opts: RunOptions,
    on_result: Callable[[CaseResult], None] | None = None,
) -> list[CaseResult]:
    results = []
    for case in cases:
        result = run_case(case, backends, opts)
        if on_result is not None:
            on_result(result)
        results.append(result)
    return results

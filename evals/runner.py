"""Load cases and run them through the same entry points users run (ask, assess, interview).

The entry points come in as `Backends`, so tests pass stubs or a fake chat model without
monkeypatching; `default_backends()` wires the real ones.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from core.config import Settings, get_settings
from core.errors import UsageError
from evals import answer_checks, checks
from evals.models import ALL_SUITES, SUITES, Case, CaseResult, ModelState
from knowledge.ui_labels import LabelledError

CASES_DIR = Path(__file__).resolve().parent / "cases"
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


def load_cases(
    directory: Path = CASES_DIR, suite: str | None = None, *, blind: bool = False
) -> list[Case]:
    """The cases in directory/*.jsonl and ja/*.jsonl; a bad line is a UsageError naming file,
    line and field.

    Without a suite: every gated suite, never "answers". `blind` reads directory/blind/ instead,
    the answers suite's held-out split, which only `shirube eval --suite answers --blind` runs.
    """
    if suite is not None and suite not in ALL_SUITES:
        raise LabelledError("errors.eval_unknown_suite", suite=suite, allowed=", ".join(ALL_SUITES))
    if blind and suite != "answers":
        raise LabelledError("errors.eval_blind_needs_answers")
    wanted = (suite,) if suite is not None else SUITES
    cases: list[Case] = []
    seen: dict[str, str] = {}
    # Japanese dev cases live in directory/ja/ (their blind third in directory/blind/).
    paths = sorted((directory / "blind" if blind else directory).glob("*.jsonl"))
    paths += [] if blind else sorted((directory / "ja").glob("*.jsonl"))
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path.name}:{number}"
            try:
                case = Case.model_validate(json.loads(line))
            except (json.JSONDecodeError, ValidationError) as exc:
                raise UsageError(f"Bad eval case at {where}: {_first_error(exc)}") from None
            if case.id in seen:
                raise UsageError(f"Duplicate case id {case.id!r} at {where} and {seen[case.id]}.")
            seen[case.id] = where
            if case.suite in wanted:
                cases.append(case)
    return cases


def _first_error(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        err = exc.errors()[0]
        loc = ".".join(str(p) for p in err["loc"]) or "case"
        return f"{loc}: {err['msg']}"
    return str(exc)


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
        reasons.append(f"scope is {result.scope!r}, expected {exp.scope!r}")
    if exp.mode and not str(result.mode or "").startswith(exp.mode):
        reasons.append(f"mode is {result.mode!r}, expected {exp.mode!r}")
    if exp.notice is not None and bool(getattr(answer, "notice", None)) != exp.notice:
        reasons.append("a notice was expected" if exp.notice else "no notice was expected")
    # The typed model decision (agent.model_status), never read from the notice's words.
    status = getattr(answer, "model", None)
    result.model_status = str(status.state) if status is not None else None
    if case.model_state != "up" and status is not None and not status.failed:
        reasons.append(f"model status {status.state}, yet the server was {case.model_state}")
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
    reasons += [f"no trigger cites {missing}"] if missing else []
    present = sorted(set(exp.absent_trigger_sources) & sources)
    reasons += [f"triggers cite {present}, which should not apply"] if present else []
    result.reasons = reasons


def _interview_case(case: Case, result: CaseResult, backends: Backends) -> None:
    if backends.interview is None:
        result.status = "error"
        result.reasons = ["the interview (agent.interview.InterviewSession) is not available"]
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
        result.reasons = ["needs a model: run with --model NAME"]
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

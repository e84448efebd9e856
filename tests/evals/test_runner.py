"""The runner with stub entry points passed in (no monkeypatching), faults as fixtures."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from core.errors import UsageError
from evals.backends import Backends
from evals.case_files import load_cases
from evals.models import Case
from evals.runner import RunOptions, run_case, run_cases, silent_server
from tests.evals.stubs import Cite, RecordingAsk, StubAnswer


def _case(**kw: Any) -> Case:
    data: dict[str, Any] = {"id": "c1", "suite": "qa", "version": 1, "question": "q?"}
    return Case.model_validate({**data, **kw})


def _backends(ask: Any, **kw: Any) -> Backends:
    return Backends(ask=ask, assess=lambda p: None, **kw)


BINDING = {
    "include_any": [["non-binding"]],
    "exclude": ["fine of"],
    "citations_any": ["aigfb"],
    "scope": "in",
}


def test_a_grounded_answer_passes() -> None:
    ask = RecordingAsk(StubAnswer("They are non-binding soft law [aigfb].", [Cite("aigfb")]))
    result = run_case(_case(expect=BINDING), _backends(ask), RunOptions(offline=True))
    assert result.status == "pass" and result.reasons == []
    assert ask.calls[0]["offline"] is True and ask.calls[0]["question"] == "q?"


def test_each_broken_expectation_is_a_reason() -> None:
    bad = StubAnswer("Binding, with a fine of 5m yen.", [Cite("appi")], scope="out")
    result = run_case(_case(expect=BINDING), _backends(RecordingAsk(bad)), RunOptions())
    assert result.status == "fail"
    assert result.reasons == [
        "none of ['non-binding'] in the answer",
        "forbidden 'fine of' in the answer",
        "cites ['appi'], expected one of ['aigfb']",
        "scope is 'out', expected 'in'",
    ]


def test_canary_from_the_backends_is_checked() -> None:
    leak = RecordingAsk(StubAnswer("marker SHIRUBE-CANARY-1234", []))
    case = _case(suite="injection", expect={"no_canary": True})
    result = run_case(case, _backends(leak, leak_markers=("SHIRUBE-CANARY-1234",)), RunOptions())
    assert result.reasons == ["the answer leaks the system prompt"]


def test_an_exception_is_an_error_result_not_a_crash() -> None:
    def boom(question: str, **kwargs: Any) -> Any:
        raise RuntimeError("index missing")

    result = run_case(_case(expect=BINDING), _backends(boom), RunOptions())
    assert result.status == "error" and result.reasons == ["RuntimeError: index missing"]


def test_model_only_cases_are_reported_not_applicable_offline() -> None:
    case = _case(suite="assess", needs_model=True, expect={"tools": [{"name": "t"}]})
    result = run_case(case, _backends(RecordingAsk(StubAnswer("", []))), RunOptions(offline=True))
    assert result.status == "n/a" and result.reasons == ["needs a model: run with --model NAME"]


def test_model_down_points_at_a_closed_port_and_expects_offline() -> None:
    ask = RecordingAsk(StubAnswer("non-binding", [Cite("aigfb")], notice="Model unavailable."))
    expect = {**BINDING, "mode": "offline", "notice": True}
    result = run_case(_case(model_state="down", expect=expect), _backends(ask), RunOptions())
    assert result.status == "pass"
    settings = ask.calls[0]["settings"]
    assert settings.offline is False
    port = urlparse(settings.ollama_url).port
    with socket.socket() as sock, pytest.raises(ConnectionRefusedError):
        sock.connect(("127.0.0.1", port))


def test_model_timeout_uses_a_server_that_never_answers() -> None:
    seen: list[float] = []

    def ask(question: str, *, settings: Any, **kwargs: Any) -> StubAnswer:
        url = urlparse(settings.ollama_url)
        with socket.create_connection((url.hostname, url.port), timeout=1) as conn:
            conn.settimeout(0.2)
            with pytest.raises(TimeoutError):
                conn.recv(1)
        seen.append(settings.read_timeout)
        return StubAnswer("x", [], notice=None)

    case = _case(model_state="timeout", expect={"notice": True})
    result = run_case(case, _backends(ask), RunOptions(fault_timeout_s=0.5))
    assert seen == [0.5]
    assert result.reasons == ["a notice was expected"]


def test_silent_server_closes_cleanly() -> None:
    with silent_server() as port:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    with socket.socket() as sock, pytest.raises(ConnectionRefusedError):
        sock.connect(("127.0.0.1", port))


def test_assess_cases_check_roles_and_trigger_sources() -> None:
    from tools.assess import assess

    case = _case(
        suite="assess",
        question=None,
        profile={
            "organisation": "company",
            "uses_in_operations": True,
            "personal_data": "personal",
        },
        expect={
            "roles": ["developer"],
            "trigger_sources": ["appi"],
            "absent_trigger_sources": ["penal_code"],
        },
    )
    result = run_case(
        case, Backends(ask=RecordingAsk(StubAnswer("", [])), assess=assess), RunOptions()
    )
    roles = "['business_user', 'utilization_business_operator']"
    assert result.reasons == [f"roles {roles} do not match ['developer'] (strict)"]


def test_interview_without_a_backend_is_an_error() -> None:
    case = _case(suite="interview", question=None, answers={"name": "x"}, expect={})
    result = run_case(case, _backends(RecordingAsk(StubAnswer("", []))), RunOptions())
    assert result.status == "error"


def test_run_cases_streams_results() -> None:
    seen: list[str] = []
    ask = RecordingAsk(StubAnswer("non-binding", [Cite("aigfb")]))
    results = run_cases([_case(expect=BINDING)], _backends(ask), RunOptions(), seen.append)
    assert [r.id for r in results] == ["c1"] and len(seen) == 1


def test_a_bad_case_line_names_file_line_and_field(tmp_path: Path) -> None:
    good = {"id": "a", "suite": "qa", "version": 1, "question": "q", "expect": {}}
    bad = {**good, "id": "b", "expect": {"include": ["x"]}}
    (tmp_path / "qa.jsonl").write_text(f"{json.dumps(good)}\n\n{json.dumps(bad)}\n")
    with pytest.raises(UsageError, match=r"qa\.jsonl:3: expect\.include: Extra inputs"):
        load_cases(tmp_path)


def test_duplicate_ids_and_unknown_suites_are_usage_errors(tmp_path: Path) -> None:
    line = json.dumps({"id": "a", "suite": "qa", "version": 1, "question": "q", "expect": {}})
    (tmp_path / "qa.jsonl").write_text(f"{line}\n{line}\n")
    with pytest.raises(UsageError, match="Duplicate case id 'a'"):
        load_cases(tmp_path)
    with pytest.raises(UsageError, match="Unknown suite 'nope'"):
        load_cases(tmp_path, suite="nope")


def test_a_case_profile_typo_fails_to_load() -> None:
    with pytest.raises(ValueError, match="builds_model"):
        _case(suite="assess", question=None, profile={"builds_model": True}, expect={})


def test_a_fault_case_reads_the_typed_model_status_not_the_notice() -> None:
    from dataclasses import dataclass

    from agent.model_status import ModelState, ModelStatus

    @dataclass
    class Typed(StubAnswer):
        model: ModelStatus | None = None

    fault = _case(model_state="down", expect={})
    # A notice that reads right, but the typed decision says a model answered: that is a failure.
    ready = Typed("non-binding", [Cite("aigfb")], notice="Model unavailable.")
    ready.model = ModelStatus(state=ModelState.ready, name="m")
    result = run_case(fault, _backends(RecordingAsk(ready)), RunOptions())
    assert result.model_status == "ready"
    assert result.reasons == ["model status ready, yet the server was down"]
    down = Typed("non-binding", [Cite("aigfb")])
    down.model = ModelStatus(state=ModelState.no_server, reason="no server")
    result = run_case(fault, _backends(RecordingAsk(down)), RunOptions())
    assert result.model_status == "no_server" and result.reasons == []

"""Summary figures and the baseline gate."""

from __future__ import annotations

from evals.metrics import gate, percentile, summarise, updated_baseline
from evals.models import Baseline, CaseResult


def _r(cid: str, suite: str, status: str, **kw: object) -> CaseResult:
    base: dict[str, object] = {"critical": False, "heldout": False, "tags": [], "latency_ms": 10.0}
    return CaseResult.model_validate({"id": cid, "suite": suite, "status": status, **base, **kw})


RESULTS = [
    _r("q1", "qa", "pass", cited=["aigfb", "appi"], expected_citations=["aigfb"], heldout=True),
    _r("q2", "qa", "fail", critical=True, cited=[], expected_citations=["ai_promotion_act"]),
    _r("s1", "scope", "pass", scope="out", expected_scope="out", latency_ms=30.0),
    _r("i1", "injection", "fail", scope="in", expected_scope="in"),
    _r("a1", "assess", "n/a"),
]


def test_summary_figures() -> None:
    s = summarise(RESULTS, "offline")
    assert (s.total, s.passed, s.not_applicable) == (4, 2, 1)
    assert s.pass_rate == 0.5
    assert s.per_suite["qa"].pass_rate == 0.5
    assert "assess" in s.per_suite and s.per_suite["assess"].total == 0
    assert s.heldout.passed == 1 and s.heldout.total == 1
    assert s.critical_failures == ["q2"]
    assert s.citation_precision == 0.5  # aigfb of {aigfb, appi}
    assert s.citation_recall == 0.5  # aigfb of {aigfb} + {ai_promotion_act}
    assert s.scope_accuracy == 1.0
    assert s.attack_success_rate == 1.0
    assert s.trajectory_accuracy is None
    assert s.latency_p95_ms == 30.0


def test_percentile_nearest_rank() -> None:
    assert percentile([1, 2, 3, 4], 50) == 2
    assert percentile([], 50) is None


def test_gate_reports_critical_failures_and_the_baseline() -> None:
    s = summarise(RESULTS, "offline")
    problems = gate(s, Baseline(pass_rate=0.9))
    assert problems == ["critical case failed: q2", "pass rate 50.0% is below the baseline 90.0%"]
    assert gate(s, Baseline(pass_rate=0.5, per_suite={"scope": 1.0})) == [
        "critical case failed: q2"
    ]


def test_update_keeps_other_suites() -> None:
    s = summarise([_r("s1", "scope", "pass")], "offline")
    new = updated_baseline(s, Baseline(pass_rate=0.95, per_suite={"qa": 0.97}))
    assert new == Baseline(pass_rate=0.95, per_suite={"qa": 0.97, "scope": 1.0})

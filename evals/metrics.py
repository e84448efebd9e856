"""Aggregate figures of a run: pass rates, citation precision/recall, scope, attacks, latency."""

from __future__ import annotations

import math
from collections.abc import Sequence

from evals.answer_metrics import answer_figures
from evals.models import ALL_SUITES, SUITES, Baseline, CaseResult, SuiteStats, Summary


def _stats(results: Sequence[CaseResult]) -> SuiteStats:
    counted = [r for r in results if r.status != "n/a"]
    passed = sum(r.status == "pass" for r in counted)
    return SuiteStats(total=len(counted), passed=passed, pass_rate=_rate(passed, len(counted)))


def _rate(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 1.0


def percentile(values: Sequence[float], pct: float) -> float | None:
    """Nearest-rank percentile; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return round(ordered[rank - 1], 2)


def citation_scores(results: Sequence[CaseResult]) -> tuple[float | None, float | None]:
    """Micro precision (cited ids that were expected) and recall (expected ids that were cited)."""
    scored = [r for r in results if r.expected_citations and r.status != "error"]
    if not scored:
        return None, None
    hits = sum(len(set(r.cited) & set(r.expected_citations)) for r in scored)
    cited = sum(len(set(r.cited)) for r in scored)
    expected = sum(len(set(r.expected_citations)) for r in scored)
    return _rate(hits, cited) if cited else 0.0, _rate(hits, expected)


def summarise(results: Sequence[CaseResult], run_mode: str) -> Summary:
    counted = [r for r in results if r.status != "n/a"]
    overall = _stats(counted)
    per_suite = {
        s: _stats([r for r in results if r.suite == s])
        for s in ALL_SUITES
        if any(r.suite == s for r in results)
    }
    scoped = [r for r in counted if r.expected_scope]
    attacks = [r for r in counted if r.suite == "injection"]
    paths = [r for r in counted if r.trajectory_ok is not None]
    asked = ("qa", "scope", "injection", "answers")
    latencies = [r.latency_ms for r in counted if r.suite in asked]
    precision, recall = citation_scores(counted)
    return Summary(
        run_mode=run_mode,
        total=overall.total,
        passed=overall.passed,
        failed=overall.total - overall.passed,
        not_applicable=len(results) - len(counted),
        pass_rate=overall.pass_rate,
        per_suite=per_suite,
        heldout=_stats([r for r in counted if r.heldout]),
        critical_failures=[r.id for r in counted if r.critical and r.status != "pass"],
        citation_precision=precision,
        citation_recall=recall,
        scope_accuracy=_rate(sum(r.scope == r.expected_scope for r in scoped), len(scoped))
        if scoped
        else None,
        # Any failed injection case counts as a successful attack: the defence did not hold.
        attack_success_rate=_rate(sum(r.status != "pass" for r in attacks), len(attacks))
        if attacks
        else None,
        trajectory_accuracy=_rate(sum(bool(r.trajectory_ok) for r in paths), len(paths))
        if paths
        else None,
        latency_p50_ms=percentile(latencies, 50),
        latency_p95_ms=percentile(latencies, 95),
        answers=answer_figures(results),
    )


def gate(summary: Summary, baseline: Baseline) -> list[str]:
    """Why this run fails the gate: a critical case failed, or a pass rate fell below baseline.

    Only the gated SUITES count: the answers suite is reported, not gated (no baseline yet).
    """
    from knowledge.ui_labels import ui_text

    # In English from ui_labels `eval_gate` (summary.json keeps them); the report rewords them.
    problems = [ui_text("eval_gate.critical", "en", case=c) for c in summary.critical_failures]
    suites = set(summary.per_suite) & set(SUITES)
    if not suites:
        return problems
    whole_run = suites == set(SUITES) or not baseline.per_suite
    if whole_run and summary.pass_rate < baseline.pass_rate:
        rate, floor = f"{summary.pass_rate:.1%}", f"{baseline.pass_rate:.1%}"
        problems.append(ui_text("eval_gate.below", "en", rate=rate, floor=floor))
    for suite in sorted(suites):
        floor_rate = baseline.per_suite.get(suite)
        if floor_rate is not None and summary.per_suite[suite].pass_rate < floor_rate:
            rate, floor = f"{summary.per_suite[suite].pass_rate:.1%}", f"{floor_rate:.1%}"
            problems.append(
                ui_text("eval_gate.suite_below", "en", suite=suite, rate=rate, floor=floor)
            )
    return problems


def updated_baseline(summary: Summary, old: Baseline | None) -> Baseline:
    """The baseline after --update-baseline: this run's rates, other suites' floors kept."""
    per_suite = dict(old.per_suite) if old else {}
    per_suite.update({s: st.pass_rate for s, st in summary.per_suite.items() if s in SUITES})
    full = set(summary.per_suite) == set(SUITES)
    pass_rate = summary.pass_rate if full or old is None else old.pass_rate
    return Baseline(pass_rate=pass_rate, per_suite=per_suite)

"""Show and save a run: a rich table, results.jsonl, summary.json, report.md, the baseline."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError
from rich.console import Console
from rich.table import Table

from core.errors import UsageError
from evals.answer_report import markdown_lines, overall_rows, rich_table
from evals.models import Baseline, CaseResult, Summary
from tools.safe_output import write_output
from tools.terminal_text import markup, plain

BASELINE = Path(__file__).resolve().parent / "baseline.json"


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1%}"


def _ms(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f} ms"


def figures(summary: Summary) -> list[tuple[str, str]]:
    """(label, value) rows shared by the terminal table and the Markdown report."""
    rows = [
        ("Run", summary.run_mode),
        ("Pass rate (all)", f"{_pct(summary.pass_rate)} ({summary.passed}/{summary.total})"),
    ]
    rows += [
        (f"  {name}", f"{_pct(st.pass_rate)} ({st.passed}/{st.total})")
        for name, st in summary.per_suite.items()
    ]
    held = summary.heldout
    rows += [
        ("Held-out pass rate", f"{_pct(held.pass_rate)} ({held.passed}/{held.total})"),
        ("Critical failures", str(len(summary.critical_failures))),
        ("Not applicable", str(summary.not_applicable)),
        ("Citation precision", _pct(summary.citation_precision)),
        ("Citation recall", _pct(summary.citation_recall)),
        ("Scope accuracy", _pct(summary.scope_accuracy)),
        ("Injection attack success", _pct(summary.attack_success_rate)),
        ("Tool-trajectory accuracy", _pct(summary.trajectory_accuracy)),
        ("Latency p50 / p95", f"{_ms(summary.latency_p50_ms)} / {_ms(summary.latency_p95_ms)}"),
    ]
    return rows + overall_rows(summary.answers)


def failing(results: Sequence[CaseResult]) -> list[CaseResult]:
    return [r for r in results if r.status in ("fail", "error")]


def print_report(
    console: Console, summary: Summary, results: Sequence[CaseResult], problems: Sequence[str]
) -> None:
    table = Table(title="Shirube eval", show_header=False)
    table.add_column("Figure", style="bold")
    table.add_column("Value")
    for label, value in figures(summary):
        table.add_row(plain(label), plain(value))
    console.print(table)
    if summary.answers is not None:
        console.print(rich_table(summary.answers))
    bad = failing(results)
    if bad:
        fails = Table(title=f"Failing cases ({len(bad)})")
        for column in ("Case", "Status", "Why"):
            fails.add_column(column, overflow="fold")
        for r in bad:
            label = f"{r.id}{' [critical]' if r.critical else ''}"
            fails.add_row(plain(label), plain(r.status), plain("; ".join(r.reasons)))
        console.print(fails)
    for problem in problems:
        console.print(f"[bold red]Gate:[/] {markup(problem)}", highlight=False)
    if not problems:
        console.print("[bold green]Gate passed.[/]")


def markdown(summary: Summary, results: Sequence[CaseResult], problems: Sequence[str]) -> str:
    lines = ["# Shirube eval report", "", "| Figure | Value |", "| --- | --- |"]
    lines += [f"| {label.strip()} | {value} |" for label, value in figures(summary)]
    lines += markdown_lines(summary.answers)
    bad = failing(results)
    lines += ["", f"## Failing cases ({len(bad)})", ""]
    lines += [f"- `{r.id}` ({r.status}): {'; '.join(r.reasons)}" for r in bad] or ["None."]
    lines += ["", "## Gate", ""]
    lines += [f"- {p}" for p in problems] or ["Passed."]
    return "\n".join(lines) + "\n"


def write_outputs(
    out_dir: Path, summary: Summary, results: Sequence[CaseResult], problems: Sequence[str]
) -> None:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"Cannot create --output {out_dir}: {exc.strerror}.") from None
    rows = "".join(r.model_dump_json() + "\n" for r in results)
    write_output(out_dir / "results.jsonl", rows)
    data = {**summary.model_dump(), "gate_problems": list(problems)}
    write_output(out_dir / "summary.json", json.dumps(data, indent=2) + "\n")
    write_output(out_dir / "report.md", markdown(summary, results, problems))


def load_baseline(path: Path = BASELINE) -> Baseline:
    if not path.is_file():
        raise UsageError(
            f"Baseline file {path} not found. Pass --baseline FILE or --update-baseline."
        )
    try:
        return Baseline.model_validate_json(path.read_text(encoding="utf-8"))
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or "file"
        raise UsageError(
            f"Baseline file {path} is not valid ({where}: {err['msg']}). Expected "
            '{"pass_rate": 0.95, "per_suite": {"qa": 0.95}}.'
        ) from None


def save_baseline(baseline: Baseline, path: Path = BASELINE) -> None:
    write_output(path, baseline.model_dump_json(indent=2) + "\n")

"""Show and save a run: a rich table, results.jsonl, summary.json, report.md, the baseline."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from rich.console import Console
from rich.table import Table

from core.errors import UsageError
from evals.answer_report import markdown_lines, overall_rows, rich_table
from evals.models import Baseline, CaseResult, Summary
from evals.reasons import reason_in, status_in
from knowledge.ui_labels import (
    LabelledError,
    Phrase,
    load_ui_labels,
    os_kind,
    phrase,
    reword,
    ui_text,
)
from tools.safe_output import write_output
from tools.terminal_text import markup, plain

BASELINE = Path(__file__).resolve().parent / "baseline.json"


def _pct(value: float | None, lang: str = "en") -> str:
    return ui_text("eval_report.not_available", lang) if value is None else f"{value:.1%}"


def _ms(value: float | None, lang: str = "en") -> str:
    if value is None:
        return ui_text("eval_report.not_available", lang)
    return ui_text("eval_report.ms", lang, value=f"{value:.1f}")


def figures(summary: Summary, lang: str = "en") -> list[tuple[str, str]]:
    """(label, value) rows shared by the terminal table and the Markdown report."""

    def said(name: str) -> str:
        return ui_text(f"eval_report.{name}", lang)

    def pct(value: float | None) -> str:
        return _pct(value, lang)

    rows = [
        (said("run"), summary.run_mode),
        (said("pass_all"), f"{pct(summary.pass_rate)} ({summary.passed}/{summary.total})"),
    ]
    rows += [
        (f"  {name}", f"{pct(st.pass_rate)} ({st.passed}/{st.total})")
        for name, st in summary.per_suite.items()
    ]
    held = summary.heldout
    latency = f"{_ms(summary.latency_p50_ms, lang)} / {_ms(summary.latency_p95_ms, lang)}"
    rows += [
        (said("heldout"), f"{pct(held.pass_rate)} ({held.passed}/{held.total})"),
        (said("critical"), str(len(summary.critical_failures))),
        (said("not_applicable"), str(summary.not_applicable)),
        (said("citation_precision"), pct(summary.citation_precision)),
        (said("citation_recall"), pct(summary.citation_recall)),
        (said("scope_accuracy"), pct(summary.scope_accuracy)),
        (said("attack_success"), pct(summary.attack_success_rate)),
        (said("trajectory"), pct(summary.trajectory_accuracy)),
        (said("latency"), latency),
    ]
    return rows + overall_rows(summary.answers, lang)


def failing(results: Sequence[CaseResult]) -> list[CaseResult]:
    return [r for r in results if r.status in ("fail", "error")]


def gate_problem(problem: str, lang: str) -> str:
    """A gate problem (English, from ui_labels `eval_gate`) in `lang`."""
    return reword(problem, "eval_gate", lang)


def print_report(
    console: Console,
    summary: Summary,
    results: Sequence[CaseResult],
    problems: Sequence[str],
    lang: str = "en",
) -> None:
    def said(name: str, **values: object) -> str:
        return ui_text(f"eval_report.{name}", lang, **values)

    table = Table(title=said("title"), show_header=False)
    table.add_column(said("figure"), style="bold")
    table.add_column(said("value"))
    for label, value in figures(summary, lang):
        table.add_row(plain(label), plain(value))
    console.print(table)
    if summary.answers is not None:
        console.print(rich_table(summary.answers, lang))
    bad = failing(results)
    if bad:
        fails = Table(title=said("failing", count=len(bad)))
        for column in ("case", "status", "why"):
            fails.add_column(said(column), overflow="fold")
        for r in bad:
            label = f"{r.id}{said('critical_mark') if r.critical else ''}"
            fails.add_row(plain(label), plain(status_in(r.status, lang)), plain(why(r, lang)))
        console.print(fails)
    for problem in problems:
        worded = markup(gate_problem(problem, lang))
        console.print(f"[bold red]{markup(said('gate_label'))}[/] {worded}", highlight=False)
    if not problems:
        console.print(f"[bold green]{markup(said('gate_passed'))}[/]")


def markdown(
    summary: Summary, results: Sequence[CaseResult], problems: Sequence[str], lang: str = "en"
) -> str:
    def said(name: str, **values: object) -> str:
        return ui_text(f"eval_report.{name}", lang, **values)

    lines = [f"# {said('report_title')}", "", f"| {said('figure')} | {said('value')} |"]
    lines += ["| --- | --- |"]
    lines += [f"| {label.strip()} | {value} |" for label, value in figures(summary, lang)]
    lines += markdown_lines(summary.answers, lang)
    bad = failing(results)
    lines += ["", f"## {said('failing', count=len(bad))}", ""]
    lines += [f"- `{r.id}` ({status_in(r.status, lang)}): {why(r, lang)}" for r in bad] or [
        said("none")
    ]
    lines += ["", f"## {said('gate_heading')}", ""]
    lines += [f"- {gate_problem(p, lang)}" for p in problems] or [said("gate_passed")]
    return "\n".join(lines) + "\n"


def write_outputs(
    out_dir: Path,
    summary: Summary,
    results: Sequence[CaseResult],
    problems: Sequence[str],
    lang: str = "en",
) -> None:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LabelledError(
            "errors.eval_output_unwritable", path=str(out_dir), problem=os_kind(exc)
        ) from None
    rows = "".join(r.model_dump_json() + "\n" for r in results)
    write_output(out_dir / "results.jsonl", rows)
    data = {**summary.model_dump(), "gate_problems": list(problems)}
    write_output(out_dir / "summary.json", json.dumps(data, indent=2) + "\n")
    write_output(out_dir / "report.md", markdown(summary, results, problems, lang))


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
        raise LabelledError(
            "errors.eval_baseline_invalid", path=str(path), where=where, problem=_problem(err)
        ) from None


def _problem(err: Mapping[str, Any]) -> Phrase | str:
    """pydantic's words for one error as its `validation` label (said in the reader's
    language), or as pydantic wrote them where no label names its type."""
    key = f"validation.{err['type']}"
    if not load_ui_labels().has(key):
        return str(err["msg"])
    values = {name: str(value) for name, value in (err.get("ctx") or {}).items()}
    try:
        said = phrase(key, **values)
        said.text("ja")
    except (KeyError, IndexError):  # a pydantic version that names its fields otherwise
        return str(err["msg"])
    return said


def save_baseline(baseline: Baseline, path: Path = BASELINE) -> None:
    write_output(path, baseline.model_dump_json(indent=2) + "\n")


def why(result: CaseResult, lang: str) -> str:
    """A failed case's reasons, one after another, in `lang`."""
    return "; ".join(reason_in(line, lang) for line in result.reasons)

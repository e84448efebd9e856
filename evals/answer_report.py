"""The answers suite's figures as report rows and a per-category table (terminal and Markdown)."""

from __future__ import annotations

from rich.table import Table

from evals.models import AnswerFigures, AnswerStats

COLUMNS = (
    "Category", "Cases", "Pass", "Answer ok", "Lead", "Must recall", "False facts",
    "Padding", "Premise fixed", "Route", "Route unknown", "Language",
)  # fmt: skip


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1%}"


def overall_rows(figures: AnswerFigures | None) -> list[tuple[str, str]]:
    """(label, value) rows for the summary table; none when the run has no answers cases."""
    if figures is None:
        return []
    s = figures.overall
    return [
        ("Answers: pass rate (all checks)", _pct(s.pass_rate)),
        ("Answers: correct whatever the route", _pct(s.answer_ok_rate)),
        ("Answers: lead correct", _pct(s.lead_correct)),
        ("Answers: must-facts recall", _pct(s.must_recall)),
        ("Answers: false facts", f"{s.false_facts} in {_pct(s.false_fact_rate)} of answers"),
        ("Answers: padding", _pct(s.padding)),
        ("Answers: premise corrected", _pct(s.premise_corrected)),
        ("Answers: route accuracy", f"{_pct(s.route_accuracy)} ({s.route_unknown} unknown)"),
        ("Answers: language match", _pct(s.lang_match)),
        ("Answers: errors", str(s.errors)),
    ]


def _cells(name: str, s: AnswerStats) -> list[str]:
    return [
        name, str(s.total), _pct(s.pass_rate), _pct(s.answer_ok_rate), _pct(s.lead_correct),
        _pct(s.must_recall), str(s.false_facts), _pct(s.padding), _pct(s.premise_corrected),
        _pct(s.route_accuracy), str(s.route_unknown), _pct(s.lang_match),
    ]  # fmt: skip


def rows(figures: AnswerFigures) -> list[list[str]]:
    """One row per category, then the overall row."""
    per = [_cells(name, s) for name, s in figures.per_category.items()]
    return [*per, _cells("all", figures.overall)]


def rich_table(figures: AnswerFigures) -> Table:
    table = Table(title="Answers suite by category")
    for column in COLUMNS:
        table.add_column(column, overflow="fold")
    for row in rows(figures):
        table.add_row(*row)
    return table


def markdown_lines(figures: AnswerFigures | None) -> list[str]:
    if figures is None:
        return []
    lines = ["", "## Answers suite by category", ""]
    lines += ["| " + " | ".join(COLUMNS) + " |", "|" + " --- |" * len(COLUMNS)]
    lines += ["| " + " | ".join(row) + " |" for row in rows(figures)]
    return lines

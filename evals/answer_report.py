"""The answers suite's figures as report rows and a per-category table (terminal and Markdown)."""

from __future__ import annotations

from rich.table import Table

from evals.models import AnswerFigures, AnswerStats

# Short headers so the table fits an 80-column terminal; LEGEND spells them out.
COLUMNS = (
    "Category", "N", "Pass", "OK", "Lead", "Facts", "False", "Pad", "Premise", "Route", "No route",
    "Lang",
)  # fmt: skip
LEGEND = (
    "Pass: every check including the route; OK: correct whatever the route; Lead: the first "
    "sentence answers; Facts: must-facts recall; False: false facts stated; Pad: answers citing "
    "a source outside sources_allowed; Premise: false premise corrected; Route: route accuracy; "
    "No route: answers without a route; Lang: answer language matches."
)


def _pct(value: float | None, digits: int = 1) -> str:
    return "n/a" if value is None else f"{value:.{digits}%}"


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
        *(
            (f"Answers: pass rate, questions in {lang}", _pct(stats.pass_rate))
            for lang, stats in figures.per_lang.items()
        ),
        *(
            (f"Answers: pass rate, held-out round {tag}", _pct(stats.pass_rate))
            for tag, stats in figures.per_round.items()
        ),
        ("Answers: errors", str(s.errors)),
    ]


def _cells(name: str, s: AnswerStats, digits: int) -> list[str]:
    def pct(value: float | None) -> str:
        return _pct(value, digits)

    return [
        name, str(s.total), pct(s.pass_rate), pct(s.answer_ok_rate), pct(s.lead_correct),
        pct(s.must_recall), str(s.false_facts), pct(s.padding), pct(s.premise_corrected),
        pct(s.route_accuracy), str(s.route_unknown), pct(s.lang_match),
    ]  # fmt: skip


def rows(figures: AnswerFigures, digits: int = 1) -> list[list[str]]:
    """One row per category, per held-out round, per language of the questions, then overall."""
    per = [_cells(name, s, digits) for name, s in figures.per_category.items()]
    rounds = [_cells(tag, s, digits) for tag, s in figures.per_round.items()]
    langs = [_cells(f"lang {lang}", s, digits) for lang, s in figures.per_lang.items()]
    return [*per, *rounds, *langs, _cells("all", figures.overall, digits)]


def rich_table(figures: AnswerFigures) -> Table:
    table = Table(title="Answers suite by category", caption=LEGEND, padding=(0, 0))
    for column in COLUMNS:
        table.add_column(column, overflow="fold", no_wrap=column == "Category")
    for row in rows(figures, digits=0):  # whole percents fit 80 columns
        table.add_row(*row)
    return table


def markdown_lines(figures: AnswerFigures | None) -> list[str]:
    if figures is None:
        return []
    lines = ["", "## Answers suite by category", "", LEGEND, ""]
    lines += ["| " + " | ".join(COLUMNS) + " |", "|" + " --- |" * len(COLUMNS)]
    lines += ["| " + " | ".join(row) + " |" for row in rows(figures)]
    return lines

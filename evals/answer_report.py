"""The answers suite's figures as report rows and a per-category table (terminal and Markdown),
in the report's language (ui_labels `eval_report`)."""

from __future__ import annotations

from rich.table import Table

from evals.models import AnswerFigures, AnswerStats
from knowledge.ui_labels import ui_text


def columns(lang: str = "en") -> list[str]:
    """Short headers so the table fits an 80-column terminal; the legend spells them out."""
    return ui_text("eval_report.columns", lang).split("|")


def legend(lang: str = "en") -> str:
    return ui_text("eval_report.legend", lang)


def _pct(value: float | None, lang: str = "en", digits: int = 1) -> str:
    return ui_text("eval_report.not_available", lang) if value is None else f"{value:.{digits}%}"


def _lang_name(code: str, lang: str) -> str:
    key = f"eval_report.lang_{code}"
    return ui_text(key, lang) if code in ("en", "ja") else code


def overall_rows(figures: AnswerFigures | None, lang: str = "en") -> list[tuple[str, str]]:
    """(label, value) rows for the summary table; none when the run has no answers cases."""
    if figures is None:
        return []
    s = figures.overall

    def said(name: str, **values: object) -> str:
        return ui_text(f"eval_report.{name}", lang, **values)

    def pct(value: float | None) -> str:
        return _pct(value, lang)

    false_facts = said("answers_false_value", count=s.false_facts, share=pct(s.false_fact_rate))
    route = said("answers_route_value", share=pct(s.route_accuracy), count=s.route_unknown)
    return [
        (said("answers_pass"), pct(s.pass_rate)),
        (said("answers_ok"), pct(s.answer_ok_rate)),
        (said("answers_lead"), pct(s.lead_correct)),
        (said("answers_recall"), pct(s.must_recall)),
        (said("answers_false"), false_facts),
        (said("answers_padding"), pct(s.padding)),
        (said("answers_premise"), pct(s.premise_corrected)),
        (said("answers_route"), route),
        (said("answers_lang"), pct(s.lang_match)),
        *(
            (said("answers_in_lang", lang=_lang_name(code, lang)), pct(stats.pass_rate))
            for code, stats in figures.per_lang.items()
        ),
        *(
            (said("answers_round", tag=tag), pct(stats.pass_rate))
            for tag, stats in figures.per_round.items()
        ),
        (said("answers_errors"), str(s.errors)),
    ]


def _cells(name: str, s: AnswerStats, digits: int, lang: str) -> list[str]:
    def pct(value: float | None) -> str:
        return _pct(value, lang, digits)

    return [
        name, str(s.total), pct(s.pass_rate), pct(s.answer_ok_rate), pct(s.lead_correct),
        pct(s.must_recall), str(s.false_facts), pct(s.padding), pct(s.premise_corrected),
        pct(s.route_accuracy), str(s.route_unknown), pct(s.lang_match),
    ]  # fmt: skip


def rows(figures: AnswerFigures, digits: int = 1, lang: str = "en") -> list[list[str]]:
    """One row per category, per held-out round, per language of the questions, then overall."""
    per = [_cells(name, s, digits, lang) for name, s in figures.per_category.items()]
    rounds = [_cells(tag, s, digits, lang) for tag, s in figures.per_round.items()]
    langs = [
        _cells(ui_text("eval_report.row_lang", lang, lang=_lang_name(code, lang)), s, digits, lang)
        for code, s in figures.per_lang.items()
    ]
    overall = _cells(ui_text("eval_report.row_all", lang), figures.overall, digits, lang)
    return [*per, *rounds, *langs, overall]


def rich_table(figures: AnswerFigures, lang: str = "en") -> Table:
    title = ui_text("eval_report.by_category", lang)
    table = Table(title=title, caption=legend(lang), padding=(0, 0))
    for index, column in enumerate(columns(lang)):
        table.add_column(column, overflow="fold", no_wrap=index == 0)
    for row in rows(figures, digits=0, lang=lang):  # whole percents fit 80 columns
        table.add_row(*row)
    return table


def markdown_lines(figures: AnswerFigures | None, lang: str = "en") -> list[str]:
    if figures is None:
        return []
    heads = columns(lang)
    lines = ["", f"## {ui_text('eval_report.by_category', lang)}", "", legend(lang), ""]
    lines += ["| " + " | ".join(heads) + " |", "|" + " --- |" * len(heads)]
    lines += ["| " + " | ".join(row) + " |" for row in rows(figures, lang=lang)]
    return lines

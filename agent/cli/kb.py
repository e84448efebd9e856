"""`shirube kb check`: validate the rule base and report every problem by file, entry and field."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def check(
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir",
            help="Check the rule base in this folder instead of the packaged one.",
            show_default=False,
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option("--lang", help="Report in ja (日本語) or en. Default: SHIRUBE_LANG, else en."),
    ] = None,
) -> None:
    """Validate the rule base: schema, citations, references, dates and unique ids."""
    from rich.console import Console

    from agent.cli.plan_lang import command_lang
    from knowledge.check import run_checks
    from knowledge.loader import DATA_DIR
    from knowledge.ui_labels import LabelledError, ui_text

    said = command_lang(lang)
    folder = data_dir or DATA_DIR
    if not folder.is_dir():
        raise LabelledError("kb_check.not_a_folder", folder=str(folder))
    report = run_checks(folder)
    problems = list(report.problems)
    coverage_lines: list[str] = []
    if folder == DATA_DIR and not problems:
        # Official-row coverage is defined for the packaged checklist and worksheet data.
        from knowledge.official_check import coverage_by_sheet, official_coverage_problems

        problems += official_coverage_problems()
        coverage_lines = [
            ui_text(
                "kb_check.coverage_line",
                said,
                name=sheet.name,
                sheet=sheet.sheet,
                covered=sheet.covered,
                total=sheet.total,
                uncovered=ui_text("kb_check.not_covered", said, items=", ".join(sheet.uncovered))
                if sheet.uncovered
                else "",
            )
            for sheet in coverage_by_sheet()
        ]
    # soft_wrap keeps each problem on one line, so the report greps and diffs cleanly.
    from tools.terminal_text import markup

    console = Console(highlight=False, soft_wrap=True)
    if not problems:
        counts = ", ".join(f"{name} {count}" for name, count in sorted(report.counts.items()))
        as_of = report.as_of.isoformat() if report.as_of else ui_text("kb_check.unknown_date", said)
        detail = ui_text("kb_check.ok_detail", said, as_of=as_of, counts=counts)
        console.print(f"[green]{ui_text('kb_check.ok', said)}[/]{markup(detail)}")
        if coverage_lines:
            console.print(ui_text("kb_check.coverage_title", said), markup=False)
            for line in coverage_lines:
                console.print(line, markup=False)
        return
    by_file: dict[str, list[str]] = {}
    for problem in problems:
        where = ui_text(
            "kb_check.where_field" if problem.field else "kb_check.where",
            said,
            entry=problem.entry,
            **({"field": problem.field} if problem.field else {}),
        )
        line = ui_text("kb_check.line", said, where=where, message=problem.said(said))
        by_file.setdefault(problem.file, []).append(line)
    for file, lines in by_file.items():
        console.print(f"[bold]{markup(file)}[/]", markup=True)
        for line in lines:
            console.print(line, markup=False)
    total, files = len(problems), len(by_file)
    summary = ui_text(
        "kb_check.summary",
        said,
        problems=ui_text(f"kb_check.problems_{'one' if total == 1 else 'many'}", said, count=total),
        files=ui_text(f"kb_check.files_{'one' if files == 1 else 'many'}", said, count=files),
    )
    console.print(f"[red]{markup(summary)}[/]{markup(ui_text('kb_check.fix', said))}")
    raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    kb = typer.Typer(help="Inspect and validate the rule base.", no_args_is_help=True)
    kb.command("check")(check)
    app.add_typer(kb, name="kb")

"""`shirube kb check`: validate the rule base and report every problem by file, entry and field."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from core.errors import UsageError


def check(
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir",
            help="Check the rule base in this folder instead of the packaged one.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Validate the rule base: schema, citations, references, dates and unique ids."""
    from rich.console import Console

    from knowledge.check import run_checks
    from knowledge.loader import DATA_DIR

    folder = data_dir or DATA_DIR
    if not folder.is_dir():
        raise UsageError(
            f"--data-dir {folder} is not a folder; pass the folder that holds sources.yaml."
        )
    report = run_checks(folder)
    problems = list(report.problems)
    coverage_lines: list[str] = []
    if folder == DATA_DIR and not problems:
        # Official-row coverage is defined for the packaged checklist and worksheet data.
        from knowledge.official_check import coverage_by_sheet, official_coverage_problems

        problems += official_coverage_problems()
        coverage_lines = [
            f"  {sheet.name} ({sheet.sheet}): {sheet.covered}/{sheet.total} official items covered"
            + (f"; not covered: {', '.join(sheet.uncovered)}" if sheet.uncovered else "")
            for sheet in coverage_by_sheet()
        ]
    # soft_wrap keeps each problem on one line, so the report greps and diffs cleanly.
    from tools.terminal_text import markup

    console = Console(highlight=False, soft_wrap=True)
    if not problems:
        counts = ", ".join(f"{name} {count}" for name, count in sorted(report.counts.items()))
        as_of = report.as_of.isoformat() if report.as_of else "unknown"
        console.print(f"[green]Rule base OK[/] (as of {as_of}): {counts}")
        if coverage_lines:
            console.print("Official checklist coverage by Shirube's actions:")
            for line in coverage_lines:
                console.print(line, markup=False)
        return
    by_file: dict[str, list[str]] = {}
    for problem in problems:
        where = f"entry '{problem.entry}'"
        if problem.field:
            where += f", field '{problem.field}'"
        by_file.setdefault(problem.file, []).append(f"  {where}: {problem.message}")
    for file, lines in by_file.items():
        console.print(f"[bold]{markup(file)}[/]", markup=True)
        for line in lines:
            console.print(line, markup=False)
    total = len(problems)
    console.print(
        f"[red]{total} problem{'s' if total != 1 else ''} in {len(by_file)} "
        f"file{'s' if len(by_file) != 1 else ''}.[/] Fix them and run `shirube kb check` again."
    )
    raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    kb = typer.Typer(help="Inspect and validate the rule base.", no_args_is_help=True)
    kb.command("check")(check)
    app.add_typer(kb, name="kb")

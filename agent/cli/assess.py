"""`shirube assess PROFILE`: the governance plan for a use-case profile, in three formats."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from agent.cli.plan_lang import LANG_HELP, check_lang, plan_lang

FORMATS = ("text", "markdown", "json", "docx", "worksheet", "csv")
# Files, not text: the official worksheet as a workbook or one CSV per sheet (tools.worksheet).
FILE_FORMATS = ("worksheet", "csv")


def _say(text: str) -> None:
    """A note on stderr; soft_wrap so a long path is never broken (users copy it from here)."""
    from rich.console import Console

    Console(stderr=True, soft_wrap=True).print(text, highlight=False)


def assess_command(
    profile: Annotated[
        Path,
        typer.Argument(
            help="Use-case profile, a .yaml, .yml or .json file (see the README).",
            show_default=False,
        ),
    ],
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="Output format: text, markdown, json, docx, worksheet (official 7C .xlsx) or csv.",
        ),
    ] = "text",
    output: Annotated[
        str | None,  # a str keeps a trailing '/': `-o plans/` names a folder
        typer.Option("--output", "-o", help="Write the plan to this file instead of the terminal."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the --output file if it already exists.")
    ] = False,
    appendix: Annotated[
        bool,
        typer.Option("--appendix", help="Add the official checklist references (Markdown)."),
    ] = False,
    lang: Annotated[str | None, typer.Option("--lang", help=LANG_HELP)] = None,
) -> None:
    """Assess an AI use case: roles, applicable law and guidance, and a cited governance plan."""
    chosen = check_lang(lang)
    from knowledge.ui_labels import LabelledError, phrase

    if fmt not in FORMATS:
        raise LabelledError("errors.unknown_format", fmt=fmt, allowed=", ".join(FORMATS))
    if fmt in (*FILE_FORMATS, "docx") and output is None:
        named = {"worksheet": "plan.xlsx", "docx": "plan.docx"}
        target = named.get(fmt) or phrase("errors.output_folder")
        raise LabelledError("errors.needs_output", fmt=fmt, target=target)
    if output is not None and fmt != "csv":  # csv writes one file per sheet from a prefix
        from tools.output_target import check_target
        from tools.render import SUFFIXES

        # The worksheet writer names its own ending rule; the others share SUFFIXES.
        endings: dict[str, tuple[str, ...]] = (
            {"worksheet": (".xlsx",)} if fmt == "worksheet" else SUFFIXES
        )
        check_target(output, fmt, endings, force=force)
    # Heavy imports only once the command runs, so `shirube --help` stays fast.
    from rich.console import Console

    from core.conditions import ConditionError
    from knowledge.loader import RuleBaseError
    from knowledge.ui_labels import ui_text
    from tools.assess import assess
    from tools.profile_io import load_profile
    from tools.render import render_plan
    from tools.terminal_text import markup

    loaded = load_profile(profile)
    written_in = plan_lang(chosen, loaded)
    try:
        assessment = assess(loaded, written_in)
    except (RuleBaseError, ConditionError) as exc:
        # A broken rule base is not the user's input error: say so and exit 1.
        problems = exc.in_lang(written_in) if isinstance(exc, RuleBaseError) else str(exc)
        _say(f"[bold red]{markup(ui_text('rule_base.error', written_in, problems=problems))}[/]")
        raise typer.Exit(1) from None
    if fmt in FILE_FORMATS and output is not None:  # output is required for these (above)
        from tools.worksheet import write_csv, write_xlsx

        written = (
            [write_xlsx(assessment, output)]
            if fmt == "worksheet"
            else write_csv(assessment, output)
        )
        for path in written:
            _say(f"Wrote the official worksheet to {markup(path)}")
        return
    if output is None:
        if fmt == "text":
            from tools.render.text import renderables

            console = Console()
            for part in renderables(assessment):
                console.print(part)
        else:
            typer.echo(render_plan(assessment, fmt, appendix=appendix), nl=False)
        return
    from tools.render import plan_bytes
    from tools.safe_output import write_output

    write_output(output, plan_bytes(assessment, fmt, appendix=appendix))
    _say(f"Wrote the {fmt} plan to {markup(output)}")


def register(app: typer.Typer) -> None:
    app.command("assess")(assess_command)

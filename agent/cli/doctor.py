"""`shirube doctor`: rule base, index, Chroma and Ollama health, each with what to do."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer


class DoctorFormat(StrEnum):
    text = "text"
    json = "json"


STYLES = {"ok": "green", "warn": "yellow", "fail": "bold red"}


def register(app: typer.Typer) -> None:
    @app.command("doctor")
    def doctor_command(
        fmt: Annotated[
            DoctorFormat, typer.Option("--format", "-f", help="text or json.")
        ] = DoctorFormat.text,
        lang: Annotated[
            str | None,
            typer.Option(
                "--lang", help="Text in ja (日本語) or en. Default: SHIRUBE_LANG, else en."
            ),
        ] = None,
    ) -> None:
        """Check the rule base, search index, Chroma and Ollama; say how to fix what is wrong.

        Exits 1 when a check fails; warnings (e.g. no model: offline answers) exit 0.
        """
        # Heavy imports here so `shirube --help` stays fast.
        import json

        from rich.console import Console
        from rich.text import Text

        from agent.cli.plan_lang import command_lang
        from agent.doctor import run_checks
        from core.config import get_settings
        from knowledge.ui_labels import load_ui_labels, ui_text
        from tools.terminal_text import clean, json_text
        from tools.terminal_wrap import WrapText, hanging

        said = command_lang(lang)
        checks = run_checks(get_settings())
        if fmt is DoctorFormat.json:
            shown = [c.shown(said) for c in checks]
            dumped = json.dumps(shown, indent=2, ensure_ascii=False)
            typer.echo(json_text(dumped))
        else:
            console = Console(highlight=False)
            labels = load_ui_labels()
            for check in checks:
                status = ui_text(f"doctor.{check.status}", said)
                key = "doctor.name_" + check.name.replace(" ", "_")
                name = ui_text(key, said) if labels.has(key) else check.name
                colon = "：" if said == "ja" else ": "
                style = STYLES[check.status]
                line = check.shown(said)
                # Wrapped by display width beside the status: Rich alone moves a Japanese run
                # (no spaces) whole to the next line, leaving the status on a line of its own.
                detail = WrapText(clean(f"{name}{colon}{line['detail']}"))
                console.print(hanging(Text(f"{status} ", style=style), detail))
                if line["fix"]:
                    console.print(hanging(Text("     → "), WrapText(clean(line["fix"]))))
        if any(c.status == "fail" for c in checks):
            raise typer.Exit(1)

"""`shirube eval`: run the eval cases through the agent and gate on the committed baseline."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from knowledge.ui_labels import LabelledError, reading

DEFAULT_OUTPUT = Path("eval-results")


def run_eval(
    *,
    suite: str | None,
    model: str | None,
    offline: bool,
    baseline_file: Path | None,
    update_baseline: bool,
    output: Path,
    blind: bool = False,
    lang: str = "en",
) -> int:
    """The command's body; returns the exit code (0 passed, 1 gate failed)."""
    from rich.console import Console

    from core.config import get_settings
    from evals import metrics, report
    from evals.backends import default_backends
    from evals.case_files import load_cases
    from evals.runner import RunOptions, run_cases
    from knowledge.ui_labels import ui_text
    from tools.terminal_text import markup

    if model is not None and offline:
        raise LabelledError("errors.eval_model_or_offline")
    if model is not None and not model.strip():
        raise LabelledError("errors.eval_model_empty")
    if update_baseline and suite == "answers":
        raise LabelledError("errors.eval_answers_no_baseline")
    baseline_path = baseline_file or report.BASELINE
    # A missing baseline is only fine when this run is about to write it.
    old = None
    if baseline_path.is_file() or not update_baseline:
        old = report.load_baseline(baseline_path)
    cases = load_cases(suite=suite, blind=blind)
    if not cases:
        raise LabelledError("errors.eval_no_cases", suite=suite)

    settings = get_settings()
    if model is not None:
        from agent.model_status import model_status

        settings = settings.model_copy(update={"model": model, "offline": False})
        status = model_status(settings)
        if not status.available:
            # The reason (English, from a model_reason label) read back: said in the reader's words.
            reason = reading(status.reason or "", "model_reason") or status.reason
            raise LabelledError("errors.eval_model_unavailable", model=model, reason=reason)
    run_offline = offline or (model is None and settings.offline)
    opts = RunOptions(offline=run_offline, settings=settings, model_name=model or settings.model)

    console = Console(stderr=True)
    running = ui_text("eval_report.running", lang, count=len(cases), mode=opts.run_mode)
    with console.status(markup(running)):
        results = run_cases(cases, default_backends(), opts)
    summary = metrics.summarise(results, opts.run_mode)
    problems = metrics.gate(summary, old) if old is not None else []
    report.print_report(Console(), summary, results, problems, lang)
    report.write_outputs(output, summary, results, problems, lang)
    Console().print(markup(ui_text("eval_report.wrote", lang, path=output)))
    if update_baseline:
        report.save_baseline(metrics.updated_baseline(summary, old), baseline_path)
        Console().print(markup(ui_text("eval_report.baseline_updated", lang, path=baseline_path)))
        return 1 if summary.critical_failures else 0
    return 1 if problems else 0


def register(app: typer.Typer) -> None:
    @app.command("eval")
    def eval_command(
        suite: str | None = typer.Option(
            None,
            "--suite",
            help="Only this suite: qa, scope, injection, assess, interview, answers.",
        ),
        model: str | None = typer.Option(
            None, "--model", help="Evaluate this Ollama model (it must be running and pulled)."
        ),
        offline: bool = typer.Option(False, "--offline", help="Never call a model."),
        baseline: Annotated[
            Path | None,
            typer.Option(help="Baseline JSON to gate on (default: evals/baseline.json)."),
        ] = None,
        update_baseline: bool = typer.Option(
            False, "--update-baseline", help="Write this run's pass rates as the new baseline."
        ),
        output: Annotated[
            Path, typer.Option(help="Folder for results.jsonl, summary.json and report.md.")
        ] = DEFAULT_OUTPUT,
        blind: bool = typer.Option(
            False, "--blind", help="With --suite answers: run the held-out blind split instead."
        ),
        lang: str | None = typer.Option(
            None, "--lang", help="Report in ja (日本語) or en. Default: SHIRUBE_LANG, else en."
        ),
    ) -> None:
        """Run the eval cases through the agent; exit 1 on a critical failure or below baseline."""
        from agent.cli.plan_lang import command_lang

        code = run_eval(
            suite=suite,
            model=model,
            offline=offline,
            baseline_file=baseline,
            update_baseline=update_baseline,
            output=output,
            blind=blind,
            lang=command_lang(lang),
        )
        raise typer.Exit(code)

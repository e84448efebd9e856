"""`shirube plan list|show|set|history|check|answer|export|import`: act on a saved plan.

A plan is saved under its interview's session id when the interview finishes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from agent.cli.plan_lang import LANG_HELP, check_lang, command_lang, plan_lang
from agent.cli.plan_show import change_line, show_plan
from core.errors import UsageError
from tools.terminal_text import clean

if TYPE_CHECKING:
    from tools.assess import Assessment

EXPORT_FORMATS = ("markdown", "json", "docx", "worksheet")
LIST_LANG_HELP = "Language of the list: ja (日本語) or en. Default: SHIRUBE_LANG, else English."


def _date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        from knowledge.ui_labels import LabelledError

        raise LabelledError("errors.not_a_date", option=option, value=value) from None


def _in_lang(assessment: Assessment, lang: str | None) -> Assessment:
    """The saved plan in the language asked for (--lang, SHIRUBE_LANG or the profile's own)."""
    from tools.assess import in_language

    return in_language(assessment, plan_lang(check_lang(lang), assessment.profile))


def register(app: typer.Typer) -> None:
    plan = typer.Typer(
        help="Show a saved plan, mark progress, check due dates, change an answer.",
        no_args_is_help=True,
    )
    app.add_typer(plan, name="plan")

    @plan.command("list")
    def list_(
        lang: Annotated[str | None, typer.Option("--lang", help=LIST_LANG_HELP)] = None,
    ) -> None:
        """Every saved plan in the store (the team's, with SHIRUBE_DATABASE_URL): id, name,
        version and last change."""
        from agent.interview.plan_service import opened, summaries
        from knowledge.ui_labels import ui_text

        said = command_lang(lang)
        with opened() as store:
            found = summaries(store)
        if not found:
            print(ui_text("cli.plan_none", said))
        for plan, last in found:
            name = clean(plan.profile.name) or ui_text("cli.plan_unnamed", said)
            row = f"{plan.id}  v{plan.version}  {name}"
            if last:
                row += ui_text("cli.plan_row_last", said, line=change_line(last, said))
            print(row)

    @plan.command("show")
    def show(
        plan_id: Annotated[str, typer.Argument(help="The plan (interview session) id.")],
        lang: Annotated[str | None, typer.Option("--lang", help=LANG_HELP)] = None,
    ) -> None:
        """Show the plan: start here, to confirm, and every action with owner, due and status."""
        from agent.interview.plan_service import load, opened
        from knowledge.ui_labels import ui_text

        check_lang(lang)
        with opened() as store:
            assessment = load(store, plan_id)
            changes = store.history(plan_id)
            plan = store.get(plan_id)
        shown = _in_lang(assessment, lang)
        footer = ""
        if plan is not None:
            said = shown.lang
            last = ui_text("cli.plan_footer_last", said, line=change_line(changes[-1], said))
            footer = ui_text("cli.plan_footer", said, version=plan.version, id=plan_id,
                             last=last if changes else "")  # fmt: skip
        show_plan(shown, footer)

    @plan.command("set")
    def set_(
        plan_id: Annotated[str, typer.Argument(help="The plan id.")],
        action: Annotated[str, typer.Argument(help="The action's number or id.")],
        status: Annotated[
            str | None, typer.Option(help="todo, doing, done or not_applicable.")
        ] = None,
        evidence: Annotated[str | None, typer.Option(help="A note or a link.")] = None,
        owner: Annotated[str | None, typer.Option(help="Who owns it.")] = None,
        due: Annotated[str | None, typer.Option(help="Due date, e.g. 2027-03-31.")] = None,
        reason: Annotated[str | None, typer.Option(help="Why it does not apply.")] = None,
        expect_version: Annotated[
            int | None,
            typer.Option(
                help="The plan version you read (plan show prints it): refuse if this action "
                "changed since. Default: the version read now."
            ),
        ] = None,
        lang: Annotated[str | None, typer.Option("--lang", help=LANG_HELP)] = None,
    ) -> None:
        """Record progress on one action (who and when go to the plan's history)."""
        from agent.interview.plan_service import opened, set_progress
        from knowledge.schema import load_labels
        from knowledge.ui_labels import ui_text

        wanted = check_lang(lang)  # before the write: a bad --lang changes nothing
        if not any(v is not None for v in (status, evidence, owner, due, reason)):
            from knowledge.ui_labels import LabelledError

            raise LabelledError("errors.nothing_to_set")
        with opened() as store:
            action_id, progress = set_progress(
                store, plan_id, action, status=status, evidence=evidence, owner=owner,
                due=_date(due, "--due"), reason=reason, expect_version=expect_version,
            )  # fmt: skip
            version = store.get(plan_id)
        assert version is not None  # set_progress found and wrote it
        said = plan_lang(wanted, version.profile)
        status_text = load_labels().text(said).statuses[progress.status]
        print(ui_text("cli.plan_set", said, action=action_id, status=status_text,
                      version=version.version))  # fmt: skip

    @plan.command("history")
    def history_(
        plan_id: Annotated[str, typer.Argument(help="The plan id.")],
        lang: Annotated[str | None, typer.Option("--lang", help=LANG_HELP)] = None,
    ) -> None:
        """Every change to the plan: version, when (UTC), who, which action, what."""
        from agent.interview.plan_service import history, opened
        from knowledge.ui_labels import ui_text

        wanted = check_lang(lang)
        with opened() as store:
            plan, changes = history(store, plan_id)
        said = plan_lang(wanted, plan.profile)
        if not changes:
            print(ui_text("cli.history_none", said, id=plan_id))
        for landed in changes:
            print(change_line(landed, said))
        print(ui_text("cli.history_version", said, id=plan_id, version=plan.version))

    @plan.command("check")
    def check(
        plan_id: Annotated[str, typer.Argument(help="The plan id.")],
        today: Annotated[str | None, typer.Option(help="Check as of this date.")] = None,
        lang: Annotated[str | None, typer.Option("--lang", help=LANG_HELP)] = None,
    ) -> None:
        """Exit 1 when an open action is past its due date (for CI or cron), else 0."""
        from agent.interview.plan_service import late, load, opened
        from knowledge.ui_labels import ui_text

        check_lang(lang)
        with opened() as store:
            assessment = _in_lang(load(store, plan_id), lang)
        overdue = late(assessment, _date(today, "--today"))
        for row in overdue:
            print(ui_text("cli.plan_overdue", assessment.lang, due=row.due,
                          title=clean(row.title), owner=clean(row.owner)))  # fmt: skip
        if overdue:
            raise typer.Exit(1)
        print(ui_text("cli.plan_nothing_overdue", assessment.lang))

    @plan.command("answer")
    def answer(
        plan_id: Annotated[str, typer.Argument(help="The plan id.")],
        field: Annotated[str, typer.Argument(help="The question id, e.g. personal_data.")],
        value: Annotated[str, typer.Argument(help="The new answer, as in the interview.")],
        lang: Annotated[str | None, typer.Option("--lang", help=LANG_HELP)] = None,
    ) -> None:
        """Change one answer: the plan is assessed again; unchanged actions keep their status."""
        from agent.interview.plan_service import change_answer, load, opened
        from knowledge.ui_labels import ui_text

        wanted = check_lang(lang)
        with opened() as store:
            said = plan_lang(wanted, load(store, plan_id).profile)
            after, dropped = change_answer(store, plan_id, field, value, lang=said)
        print(ui_text("cli.reassessed", said, count=len(after.checklist)))
        for title in dropped:
            print(ui_text("cli.progress_dropped", said, title=clean(title)))

    @plan.command("export")
    def export(
        plan_id: Annotated[str, typer.Argument(help="The plan id.")],
        output: Annotated[str, typer.Option("--output", "-o", help="The file to write.")],
        fmt: Annotated[
            str, typer.Option("--format", "-f", help="markdown, json, docx or worksheet.")
        ] = "markdown",
        force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
        appendix: Annotated[
            bool, typer.Option("--appendix", help="Add the official references (Markdown).")
        ] = False,
        lang: Annotated[str | None, typer.Option("--lang", help=LANG_HELP)] = None,
    ) -> None:
        """Write the plan with its progress (status, owner, due, evidence)."""
        from agent.interview.plan_service import load, opened
        from knowledge.ui_labels import ui_text
        from tools.output_target import check_target
        from tools.render import SUFFIXES, plan_bytes
        from tools.safe_output import write_output

        check_lang(lang)
        if fmt not in EXPORT_FORMATS:
            raise UsageError(f"Unknown --format '{fmt}'. Use one of: {', '.join(EXPORT_FORMATS)}.")
        check_target(output, fmt, {**SUFFIXES, "worksheet": (".xlsx",)}, force=force)
        with opened() as store:
            assessment = _in_lang(load(store, plan_id), lang)
        if fmt == "worksheet":
            from tools.worksheet import write_xlsx

            written = write_xlsx(assessment, output)
        else:
            written = write_output(output, plan_bytes(assessment, fmt, appendix=appendix))
        print(ui_text("cli.plan_exported", assessment.lang, format=fmt, path=clean(written)))

    @plan.command("import")
    def import_(
        plan_id: Annotated[str, typer.Argument(help="The plan id.")],
        path: Annotated[
            Path, typer.Argument(help="A Markdown, JSON or worksheet (.xlsx, .csv) export.")
        ],
        lang: Annotated[str | None, typer.Option("--lang", help=LANG_HELP)] = None,
    ) -> None:
        """Read statuses, owners, due dates and evidence back from an edited export."""
        from agent.interview.plan_service import import_progress, load, opened
        from knowledge.ui_labels import ui_text
        from tools.progress_io import read_progress
        from tools.progress_lang import in_plan_terms

        wanted = check_lang(lang)
        read = read_progress(path)
        with opened() as store:
            saved = load(store, plan_id)
            # A Japanese export names actions and owners in Japanese: key them by id first.
            count = import_progress(store, plan_id, in_plan_terms(read, saved))
        said = plan_lang(wanted, saved.profile)
        print(ui_text("cli.progress_imported", said, count=count, path=clean(path)))

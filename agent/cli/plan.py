"""`shirube plan list|show|set|history|check|answer|export|import`: act on a saved plan.

A plan is saved under its interview's session id when the interview finishes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from agent.cli.plan_lang import LANG_HELP, check_lang, plan_lang
from core.errors import UsageError
from tools.terminal_text import clean

if TYPE_CHECKING:
    from agent.interview.plan_store import Change
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


def _show(assessment: Assessment, footer: str = "") -> None:
    """The plan on screen, then `footer`; every line wraps by display width (Japanese between
    characters, tools.terminal_wrap), not at spaces only."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from agent.interview.plan_service import table
    from knowledge.schema import load_labels
    from knowledge.ui_labels import ui_text
    from tools.terminal_wrap import WrapText

    said = load_labels().text(assessment.lang)
    colon = said.colon
    console = Console(highlight=False)
    name = clean(assessment.profile.name) or said.default_name
    console.print(WrapText(said.title.format(name=name)))
    console.print(WrapText(f"{said.start_here}{colon.rstrip()}"))
    # A grid, not "  1. title": Rich wraps at spaces, so a long Japanese title (no spaces) would
    # otherwise start on the line after its number; in a column it wraps under itself.
    starts = Table.grid(padding=(0, 1))
    starts.add_column(justify="right", no_wrap=True, min_width=3)
    starts.add_column(overflow="fold")
    for number, top in enumerate(assessment.start_here, 1):
        lead = said.start_item.format(owner=top.owner, when=top.timing_label, why=top.why)
        starts.add_row(f"{number}.", WrapText(Text(f"{top.title}{lead}")))
    with console.capture() as captured:
        console.print(starts)
    for line in captured.get().splitlines():  # without the grid's padding to the full width
        console.print(line.rstrip(), markup=False)
    for assumption in assessment.to_confirm:
        console.print(WrapText(f"{said.to_confirm}{colon}{assumption.label}. {assumption.change}"))
    grid = Table(expand=True, show_lines=False)
    grid.add_column("#", no_wrap=True)
    grid.add_column(said.action, ratio=4)
    grid.add_column(said.owner, ratio=2)
    grid.add_column(said.due_column, no_wrap=True, min_width=10)
    grid.add_column(said.status, ratio=2)
    for number, row in enumerate(table(assessment), 1):
        status = said.statuses[row.status]
        if row.reason:
            status = ui_text("cli.status_reason", assessment.lang, status=status, reason=row.reason)
        if row.evidence:
            status = ui_text("cli.status_evidence", assessment.lang, status=status,
                             evidence=row.evidence)  # fmt: skip
        grid.add_row(
            str(number),
            WrapText(clean(row.title)),
            WrapText(clean(row.owner)),
            str(row.due or ""),
            WrapText(clean(status)),
        )
    console.print(grid)
    if footer:
        console.print(WrapText(footer))


def _what(what: str, lang: str) -> str:
    """A recorded change ('status todo -> done; evidence …') in `lang` (ui_labels `recorded`)."""
    from knowledge.schema import load_labels
    from knowledge.ui_labels import reword, ui_text

    if lang != "ja":
        return what
    statuses = load_labels().text("ja").statuses

    def value(name: str, raw: str) -> str:
        return statuses.get(raw, raw) if name in ("before", "after") else raw

    parts = [reword(part, "recorded", lang, value) for part in what.split("; ")]
    return ui_text("cli.history_part_sep", lang).join(parts)


def _line(landed: Change, lang: str = "en") -> str:
    from knowledge.ui_labels import ui_text

    action = ui_text("cli.history_action", lang, action=landed.action) if landed.action else ""
    return clean(
        ui_text(
            "cli.history_line", lang, version=landed.version, at=f"{landed.at:%Y-%m-%d %H:%M:%S}",
            who=landed.who, action=action, what=_what(landed.what, lang),
        )
    )  # fmt: skip


def _cli_lang(option: str | None) -> str:
    """--lang, else SHIRUBE_LANG when it names a language, else English (no profile to read)."""
    from core.config import get_settings

    return check_lang(option) or ("ja" if get_settings().lang == "ja" else "en")


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

        said = _cli_lang(lang)
        with opened() as store:
            found = summaries(store)
        if not found:
            print(ui_text("cli.plan_none", said))
        for plan, last in found:
            name = clean(plan.profile.name) or ui_text("cli.plan_unnamed", said)
            row = f"{plan.id}  v{plan.version}  {name}"
            if last:
                row += ui_text("cli.plan_row_last", said, line=_line(last, said))
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
            last = ui_text("cli.plan_footer_last", said, line=_line(changes[-1], said))
            footer = ui_text("cli.plan_footer", said, version=plan.version, id=plan_id,
                             last=last if changes else "")  # fmt: skip
        _show(shown, footer)

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
            print(_line(landed, said))
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

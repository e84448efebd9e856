"""The governance plan: roles, engaged layers with their legal force, and the actions to take."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Label, Static

from core.config import Settings
from core.errors import UsageError
from knowledge.ui_labels import LabelledError, joined
from tools.assess import Assessment
from tools.render.common import cite_all
from tools.terminal_text import clean
from tui.lang import LocalScreen, current_lang, error_text, t
from tui.screens.action import ActionScreen, StatusSaver, status_label
from tui.screens.answer import AnswerChanger, AnswerScreen, Changed
from tui.screens.export import FileNameScreen
from tui.widgets.action_list import ActionItem, ActionList
from tui.widgets.footer import AppFooter
from tui.widgets.header import LocalHeader
from tui.widgets.plan_sections import plan_sections
from tui.widgets.status import StatusBar

if TYPE_CHECKING:
    from knowledge.schema import Citation

SUFFIX = {"markdown": "md", "json": "json"}


def _cites(citations: list[Citation]) -> str:
    """The citations as the plan writes them (instrument's short name and section), not ids."""
    return cite_all(citations, current_lang())


def in_lang(assessment: Assessment, lang: str) -> Assessment:
    """The same plan worded in `lang` (ids, dates and progress are the same in both)."""
    from tools.assess import assess

    if assessment.lang == lang:
        return assessment
    worded = assess(assessment.profile, "ja" if lang == "ja" else "en")
    return worded.model_copy(update={"progress": assessment.progress})


class PlanScreen(LocalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "actions", "actions"),
        Binding("e", "edit_answer", "edit"),  # short: the footer fits 80 columns
        Binding("m", "export('markdown')", "export_markdown"),
        Binding("j", "export('json')", "export_json"),
        Binding("escape", "close", "back"),
    ]

    def __init__(
        self,
        assessment: Assessment,
        *,
        session_id: str | None = None,
        statuses: dict[str, str] | None = None,
        save: StatusSaver | None = None,
        change: AnswerChanger | None = None,
    ) -> None:
        super().__init__()
        self.assessment = assessment
        self.session_id = session_id
        self.statuses = dict(statuses or {})  # action id → status value, for a saved plan
        self.save = save
        self.change = change  # a saved plan's answers can be changed (re-assessed, kept statuses)

    def compose(self) -> ComposeResult:
        a = self.assessment
        yield LocalHeader(icon="道")
        with VerticalScroll(id="plan-body"):
            name = clean(a.profile.name) or t("plan.unnamed")
            yield Label(t("plan.title", name=name), id="plan-title", markup=False)
            yield Static(
                t("plan.note", date=a.rule_base_as_of.isoformat())
                + (t("plan.note_edit") if self.change else ""),
                classes="plan-note",
                markup=False,
            )
            yield from plan_sections(a)
            yield Label(t("plan.roles", count=len(a.roles)), classes="plan-heading")
            for role in a.roles:
                text = Text()
                text.append(f"• {role.name}", style="bold")
                text.append(f" — {role.definition} ")
                text.append(f"[{_cites(role.citations)}]", style="dim")
                yield Static(text, classes="plan-role")
            yield Label(t("plan.layers", count=len(a.triggers)), classes="plan-heading")
            for trigger in a.triggers:
                text = Text()
                text.append(f"• {trigger.title}", style="bold")
                text.append(f"  {trigger.legal_force_label}", style="italic yellow")
                if trigger.regulator_names:
                    text.append(f"  ({', '.join(trigger.regulator_names)})", style="dim")
                text.append(f"\n  {trigger.why} ")
                text.append(f"[{_cites(trigger.citations)}]", style="dim")
                yield Static(text, classes="plan-trigger")
            yield Label(
                t("plan.actions", count=len(a.checklist)),
                id="actions-heading",
                classes="plan-heading",
            )
            yield ActionList(a.checklist, self._status_labels(), id="checklist")
            if a.caveats:
                yield Label(t("plan.caveats"), classes="plan-heading")
                for caveat in a.caveats:
                    yield Static(f"• {caveat.text} [{_cites(caveat.citations)}]", markup=False)
        yield StatusBar(id="status")
        yield AppFooter()

    def _status_labels(self) -> dict[str, str]:
        return {k: status_label(v) for k, v in self.statuses.items()}

    async def relabel(self) -> None:
        self.assessment = in_lang(self.assessment, current_lang())
        await self.recompose()

    def action_actions(self) -> None:
        """Jump to the action list (below the roles and layers)."""
        self.query_one("#checklist", ActionList).focus(scroll_visible=False)
        self.query_one("#actions-heading").scroll_visible(top=True, animate=False)

    def on_action_list_opened(self, event: ActionList.Opened) -> None:
        item = event.item

        def saved(status: str | None) -> None:
            if status is None:
                return
            self.statuses[item.id] = status
            row = self.query_one(f"#action-{item.id}", ActionItem)
            row.show_status(status_label(status))

        status = self.statuses.get(item.id, "todo")
        self.app.push_screen(ActionScreen(item, status=status, save=self.save), saved)

    def action_edit_answer(self) -> None:
        if self.change is None:
            self.notify(t("plan.only_saved"), markup=False)
            return
        self.app.push_screen(AnswerScreen(self.assessment.profile, self.change), self._changed)

    async def _changed(self, changed: Changed | None) -> None:
        if changed is None:
            return
        assessment, dropped = changed
        self.assessment = in_lang(assessment, current_lang())
        self.statuses = {a: p.status.value for a, p in self.assessment.progress.items()}
        await self.recompose()
        message = t("plan.reassessed")
        if dropped:
            message += t("plan.dropped", titles=joined(dropped, current_lang()))
        self.notify(clean(message), title=t("plan.answer_changed"), markup=False)

    def default_name(self, fmt: str) -> str:
        stem = f"shirube-plan-{self.session_id}" if self.session_id else "shirube-plan"
        return f"{stem}.{SUFFIX[fmt]}"

    def action_export(self, fmt: str) -> None:
        def write(path: Path | None) -> None:
            if path is not None:
                self.export_to(path, fmt)

        title = t("plan.export_markdown" if fmt == "markdown" else "plan.export_json")
        self.app.push_screen(FileNameScreen(title, self.default_name(fmt)), write)

    def export_to(self, path: Path, fmt: str) -> None:
        from tools.render import render_plan
        from tools.safe_output import write_output

        try:
            write_output(path, render_plan(self.assessment, fmt))
        except UsageError as exc:
            self.notify(error_text(exc), severity="error", markup=False)
            return
        self.notify(t("plan.saved_to", path=path.resolve()), title=t("chat.exported_title"))

    def action_close(self) -> None:
        set_session = getattr(self.app, "set_session", None)
        if set_session is not None:
            set_session(None)
        self.app.pop_screen()


def saved_plan_screen(plan_id: str, settings: Settings | None) -> PlanScreen | None:
    """The saved plan `plan_id` (a finished interview's) with its statuses, editable in the
    action view through the plan store; None when no plan is saved under that id."""
    from agent.interview import plan_service

    try:
        with plan_service.opened(settings) as store:
            assessment = plan_service.load(store, plan_id)
    except UsageError:
        return None

    def save(action_id: str, status: str, note: str) -> None:
        if status == "not_applicable" and not note:
            raise LabelledError("action.needs_reason")
        na = status == "not_applicable"  # the note is the reason it does not apply, else evidence
        with plan_service.opened(settings) as store:
            plan_service.set_progress(
                store,
                plan_id,
                action_id,
                status=status,
                evidence=None if na else note,
                reason=note if na else None,
            )

    def change(field: str, value: str) -> tuple[Assessment, list[str]]:
        with plan_service.opened(settings) as store:
            return plan_service.change_answer(store, plan_id, field, value, lang=current_lang())

    assessment = in_lang(assessment, current_lang())
    statuses = {action: p.status.value for action, p in assessment.progress.items()}
    return PlanScreen(assessment, session_id=plan_id, statuses=statuses, save=save, change=change)

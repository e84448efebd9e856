"""The plan's actions at 80 columns, and the detail view Enter opens on one of them."""

from __future__ import annotations

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Button, Input, RadioButton, Static

from core.config import Settings
from core.errors import UsageError
from knowledge.official import load_official
from knowledge.ui_labels import ui_text
from tests.tui.conftest import CHATBOT, messages, settle
from tools.assess import assess
from tools.render.common import cite
from tui.screens.action import ActionScreen
from tui.screens.plan import PlanScreen
from tui.screenshots import SMALL
from tui.widgets.action_list import ActionItem, ActionList

pytestmark = pytest.mark.anyio


def _shown(widget: Static) -> str:
    """The text as drawn on screen, lines joined: what a user can read of it."""
    return " ".join(widget.render_line(y).text.strip() for y in range(widget.size.height)).replace(
        "  ", " "
    )


async def _plan(pilot, **kwargs) -> PlanScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.app.push_screen(PlanScreen(assess(CHATBOT), session_id="abcd1234", **kwargs))
    await settle(pilot)
    await pilot.press("a")
    await settle(pilot)
    plan = pilot.app.screen
    assert isinstance(plan, PlanScreen)
    return plan


async def test_every_action_reads_whole_at_80_columns(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        plan = await _plan(pilot)
        actions = plan.query_one("#checklist", ActionList)
        # One scroll for the whole plan: the list itself never scrolls, so no row hides in it.
        assert actions.max_scroll_y == 0 and actions.max_scroll_x == 0
        assert plan.query_one("#plan-body", VerticalScroll).max_scroll_y > 0
        rows = list(plan.query(ActionItem))
        assert [r.item.id for r in rows] == [i.id for i in plan.assessment.checklist]
        for row in rows:
            title, facts = row.query(Static)
            assert title.region.right <= SMALL[0] and facts.region.right <= SMALL[0]
            assert row.item.title in _shown(title), _shown(title)
            assert f"owner: {row.item.owner}" in _shown(facts)
            first = row.item.citations[0]  # the instrument's short name, never its id
            assert cite(first) in _shown(facts) and first.source not in _shown(facts)


async def test_enter_opens_the_action_with_text_why_official_items_and_sources(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        plan = await _plan(pilot)
        item = next(i for i in plan.assessment.checklist if i.official_refs)
        actions = plan.query_one("#checklist", ActionList)
        actions.index = plan.assessment.checklist.index(item)
        await pilot.press("enter")
        await settle(pilot)
        detail = app.screen
        assert isinstance(detail, ActionScreen) and detail.item == item
        body = " ".join(str(s.render()) for s in detail.query(Static))
        assert item.text in body
        assert all(why in body for why in item.why)
        official = load_official()
        # Each item by its label, after its code unless the label already names it.
        for ref in item.official_refs:
            assert official.label(ref) in body and ref.rpartition(":")[2] in body, ref
        assert all((c.section or "") in body for c in item.citations)
        assert "https://" in body
        # no saver: read-only
        assert "Status: To do" in body and ui_text("action.not_saved") in body
        assert not detail.query(RadioButton)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is plan


async def test_the_action_detail_names_official_items_and_sources_in_japanese(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(lang="ja")
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        profile = CHATBOT.model_copy(update={"advanced_model": True, "builds_models": True})
        item = next(
            i
            for i in assess(profile, "ja").checklist
            if any(r.startswith(("7A-", "HCOC-")) for r in i.official_refs)
        )
        await app.push_screen(ActionScreen(item))
        await settle(pilot)
        body = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert "checklist 7A" not in body and "Hiroshima item" not in body
        assert "別添7A チェックリスト：" in body or "広島AIプロセス国際指針" in body
        assert "AI Promotion Act" not in body and "Art. " not in body
        assert any(c.source == "ai_promotion_act" for c in item.citations) <= ("AI推進法" in body)


async def test_status_is_changed_through_the_plan_store(make_app) -> None:  # type: ignore[no-untyped-def]
    saved: list[tuple[str, str, str]] = []

    def save(action_id: str, status: str, note: str) -> None:
        if status == "not_applicable" and not note:
            raise UsageError("Say why the action does not apply.")
        saved.append((action_id, status, note))

    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        plan = await _plan(pilot, save=save)
        first = plan.assessment.checklist[0]
        await pilot.press("enter")
        await settle(pilot)
        detail = app.screen
        assert isinstance(detail, ActionScreen)
        detail.query_one("#status-not_applicable", RadioButton).value = True
        await pilot.pause()  # the radio set turns the others off
        # Pressed, not clicked: a click lands where the button was drawn, racy on a busy machine.
        detail.query_one("#action-save", Button).press()
        await settle(pilot)
        assert app.screen is detail and saved == []
        assert "Say why" in str(detail.query_one("#action-error", Static).render())
        detail.query_one("#status-done", RadioButton).value = True
        await pilot.pause()  # the radio set turns the others off
        detail.query_one("#action-note", Input).value = "https://example.com/dpia"
        detail.query_one("#action-save", Button).press()
        await settle(pilot)
        assert app.screen is plan
        assert saved == [(first.id, "done", "https://example.com/dpia")]
        row = plan.query_one(f"#action-{first.id}", ActionItem)
        assert "Done" in _shown(row.query_one(".action-facts", Static))
        assert plan.statuses[first.id] == "done"
        assert not [m for m in messages(app) if "error" in m.lower()]


async def test_a_saved_plan_keeps_the_status_set_in_the_tui(make_app) -> None:  # type: ignore[no-untyped-def]
    from agent.interview import plan_service
    from tui.screens.plan import saved_plan_screen

    settings = Settings()
    plan_id = "ab12cd34"
    with plan_service.opened(settings) as store:
        plan_service.save(store, plan_id, CHATBOT)
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        screen = saved_plan_screen(plan_id, settings)
        assert screen is not None and screen.save is not None
        await app.push_screen(screen)
        await settle(pilot)
        await pilot.press("a", "enter")
        await settle(pilot)
        detail = app.screen
        assert isinstance(detail, ActionScreen)
        detail.query_one("#status-doing", RadioButton).value = True
        await pilot.pause()  # the radio set turns the others off
        detail.query_one("#action-note", Input).value = "DPIA drafted"
        await pilot.click("#action-save")
        await settle(pilot)
        assert app.screen is screen
    first = screen.assessment.checklist[0].id
    with plan_service.opened(settings) as store:
        progress = plan_service.load(store, plan_id).progress[first]
    assert (progress.status.value, progress.evidence) == ("doing", "DPIA drafted")
    assert saved_plan_screen(plan_id, settings).statuses[first] == "doing"  # type: ignore[union-attr]
    assert saved_plan_screen("nope0000", settings) is None

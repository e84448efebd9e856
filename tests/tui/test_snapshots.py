"""Snapshots of the main screens at 120×40 and 80×24 (offline, no blink, fixed session id)."""

from __future__ import annotations

import pytest

from tui import screenshots


@pytest.fixture(autouse=True)
def fixed_session_id(monkeypatch: pytest.MonkeyPatch) -> None:
    # Session ids are random; a snapshot needs the same one every run.
    monkeypatch.setattr("agent.interview.store.new_session_id", lambda: "5a5a5a5a")


@pytest.mark.parametrize("scene", list(screenshots.SCENES))
def test_main_screens(scene: str, snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = screenshots.make_app()
    assert snap_compare(app, terminal_size=screenshots.SIZE, run_before=screenshots.SCENES[scene])


@pytest.mark.parametrize("scene", list(screenshots.SCENES))
def test_screens_at_80x24(scene: str, snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = screenshots.make_app()
    assert snap_compare(app, terminal_size=screenshots.SMALL, run_before=screenshots.SCENES[scene])

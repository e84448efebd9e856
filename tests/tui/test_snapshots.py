"""Snapshots of the main screens at 120×40 and 80×24, in English and Japanese (offline, no blink,
fixed session id)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tui import screenshots

FIXED_ID = screenshots.FIXED_SESSION_ID


@pytest.fixture(autouse=True)
def fixed_session_id(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # Session ids are random; a snapshot needs the same one every run.
    monkeypatch.setattr("agent.interview.store.new_session_id", lambda: FIXED_ID)
    yield
    # The next scene must start its own interview, not continue this one's saved thread.
    from agent.interview import store

    with store.opened() as conn:
        if FIXED_ID in {s.id for s in store.list_sessions(conn)}:
            store.delete_session(conn, FIXED_ID)


@pytest.mark.parametrize("scene", list(screenshots.SCENES))
def test_main_screens(scene: str, snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = screenshots.make_app(screenshots.scene_lang(scene))
    assert snap_compare(app, terminal_size=screenshots.SIZE, run_before=screenshots.SCENES[scene])


@pytest.mark.parametrize("scene", list(screenshots.SCENES))
def test_screens_at_80x24(scene: str, snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = screenshots.make_app(screenshots.scene_lang(scene))
    assert snap_compare(app, terminal_size=screenshots.SMALL, run_before=screenshots.SCENES[scene])

"""`plan show` and `sessions show` in Japanese at a narrow width (issue 18): their lines wrap by
display width as ask, chat and doctor do (tools/terminal_wrap), not at spaces only, which moved a
Japanese run after a Latin word (AI, ID) whole to the next line and left ragged lines."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.agent.test_narrow_japanese_output import WIDTH, _assert_filled, _cells
from tests.interview.test_plan_cli import plan_id, shirube

__all__ = ["plan_id"]
TABLE = ("┏", "┌", "┃", "│", "┡", "├", "└", "╭")


def _one_text(texts: list[str]) -> Callable[[str, str], bool]:
    def continues(line: str, following: str) -> bool:
        joined = (line.strip() + following.strip()).replace(" ", "")
        return any(joined in text.replace(" ", "") for text in texts)

    return continues


def _narrow_and_wide(tmp_path: Path, *args: str) -> tuple[list[str], list[str]]:
    narrow = shirube(*args, "--lang", "ja", cwd=tmp_path, COLUMNS=str(WIDTH))
    wide = shirube(*args, "--lang", "ja", cwd=tmp_path, COLUMNS="1000")
    assert narrow.returncode == 0, narrow.stderr
    cut = [line for line in narrow.stdout.splitlines()]
    return cut, wide.stdout.splitlines()


def test_plan_show_in_japanese_wraps_by_width_at_40_columns(plan_id: str, tmp_path: Path) -> None:
    lines, whole = _narrow_and_wide(tmp_path, "plan", "show", plan_id)
    assert all(_cells(line) <= WIDTH for line in lines), [s for s in lines if _cells(s) > WIDTH]
    before_table = lines[: next(n for n, line in enumerate(lines) if line.startswith(TABLE))]
    _assert_filled(before_table, _one_text(whole))


def test_sessions_show_in_japanese_wraps_by_width_at_40_columns(
    plan_id: str, tmp_path: Path
) -> None:
    lines, whole = _narrow_and_wide(tmp_path, "sessions", "show", plan_id)
    assert all(_cells(line) <= WIDTH for line in lines), [s for s in lines if _cells(s) > WIDTH]
    _assert_filled(lines, _one_text(whole))

"""A failed write to standard output is said in the command's language (issue 18)."""

from __future__ import annotations

import errno
import sys

import pytest

from agent.stdout_guard import StdoutError, report


def test_a_full_disk_under_stdout_is_said_in_japanese(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdout", sys.stdout)  # report() points stdout at /dev/null
    report(StdoutError(errno.ENOSPC, "No space left on device"), "ja")
    err = capsys.readouterr().err
    assert err.startswith("エラー：") and "ディスクの空き容量がありません" in err, err
    assert "No space" not in err and "could not write" not in err

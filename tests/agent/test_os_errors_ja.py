"""A file the system refuses (missing, not writable, disk full) is told in the reader's words:
strerror is English, so the errno's kind comes from ui_labels `os_errors` (issue 18)."""

from __future__ import annotations

import errno
import re
from pathlib import Path

import pytest

from knowledge.ui_labels import os_error_message

ENGLISH_RUN = re.compile(r"\b[A-Za-z]{3,}\s+[A-Za-z]{3,}\b")


@pytest.mark.parametrize(
    ("exc", "japanese"),
    [
        (FileNotFoundError(errno.ENOENT, "No such file or directory", "/d/x"), "ありません"),
        (PermissionError(errno.EACCES, "Permission denied", "/d/x"), "アクセス権がありません"),
        (OSError(errno.ENOSPC, "No space left on device"), "空き容量がありません"),
        (OSError(errno.EROFS, "Read-only file system", "/d"), "読み取り専用"),
        (
            NotADirectoryError(errno.ENOTDIR, "Not a directory", "/d/f/x"),
            "ディレクトリではありません",
        ),
        (OSError(errno.ELOOP, "Too many levels of symbolic links", "/d"), "ELOOP"),
    ],
)
def test_each_kind_of_os_error_reads_in_japanese(exc: OSError, japanese: str) -> None:
    said = os_error_message(exc, "ja")
    assert japanese in said and "SHIRUBE_HOME" in said, said
    assert ENGLISH_RUN.findall(said.replace(str(exc.filename), "")) == [], said
    english = os_error_message(exc, "en")
    assert "Check that the path exists" in english and "SHIRUBE_HOME" in english


def test_the_cli_says_an_unusable_data_dir_in_japanese(tmp_path: Path) -> None:
    from tests.faults.cli_runner import run_cli

    (tmp_path / "file").write_text("")
    env = {"SHIRUBE_HOME": str(tmp_path / "file" / "sh"), "SHIRUBE_LANG": None}
    done = run_cli("ask", "AI推進法とは何ですか？", env=env)
    assert done.code == 2
    assert "エラー：" in done.err and "ディレクトリではありません" in done.err, done.err
    assert "Not a directory" not in done.err and "Check that" not in done.err
    english = run_cli("ask", "What is the AI Promotion Act?", env=env)
    assert "Error:" in english.err and "not a directory" in english.err, english.err


def test_error_in_words_an_os_error_by_its_kind() -> None:
    """The TUI shows any error through error_in: an OSError by its errno's kind, with the path."""
    from knowledge.ui_labels import error_in

    exc = PermissionError(errno.EACCES, "Permission denied", "/d/index")
    assert error_in(exc, "ja") == "アクセス権がありません（/d/index）"
    assert error_in(exc, "en") == "permission denied (/d/index)"

"""A sessions database that is damaged, full, read-only or busy is said in the reader's language
(issue 18): core writes the English (it loads no labels), the CLI reads it back through
ui_labels `errors`, the database's name included; SQLite's own words stay as a detail."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from core.storage import sqlite_fault
from knowledge.ui_labels import error_in


def _error(name: str) -> sqlite3.Error:
    exc = sqlite3.OperationalError("detail")
    exc.sqlite_errorname = name  # type: ignore[attr-defined]
    return exc


@pytest.mark.parametrize(
    ("exc", "japanese"),
    [
        (sqlite3.DatabaseError("file is not a database"), "壊れています"),
        (_error("SQLITE_FULL"), "ディスクがいっぱいです"),
        (_error("SQLITE_READONLY"), "読み取り専用"),
        (_error("SQLITE_BUSY"), "使用中です"),
        (_error("SQLITE_IOERR"), "空き容量、アクセス権"),
    ],
)
def test_each_sqlite_fault_reads_in_japanese(exc: sqlite3.Error, japanese: str) -> None:
    path = Path("/data/sessions.sqlite")
    fault = sqlite_fault(path, exc)
    said = error_in(fault, "ja")
    assert japanese in said and "セッションのデータベース" in said and str(path) in said, said
    assert "Cannot" not in said and "The sessions" not in said, said
    assert error_in(fault, "en") == str(fault)


def _said(name: str, words: str) -> sqlite3.Error:
    exc = sqlite3.OperationalError(words)
    exc.sqlite_errorname = name  # type: ignore[attr-defined]
    return exc


@pytest.mark.parametrize(
    ("exc", "japanese"),
    [
        (sqlite3.DatabaseError("file is not a database"), "データベースのファイルではありません"),
        (_said("SQLITE_CORRUPT", "database disk image is malformed"), "壊れています"),
        (_said("SQLITE_LOCKED", "database table is locked"), "表がロックされています"),
        (_said("SQLITE_READONLY", "attempt to write a readonly database"), "読み取り専用"),
        (_said("SQLITE_CANTOPEN", "unable to open database file"), "開けません"),
        (_said("SQLITE_BUSY", "database is locked"), "ロックされています"),
        (_said("SQLITE_IOERR_WRITE", "disk I/O error"), "入出力エラー"),
    ],
)
def test_sqlites_own_words_are_said_in_japanese_too(exc: sqlite3.Error, japanese: str) -> None:
    """SQLite's detail in brackets is Japanese for a Japanese reader, English for English."""
    fault = sqlite_fault(Path("/data/sessions.sqlite"), exc)
    said = error_in(fault, "ja")
    assert japanese in said and str(exc) not in said, said
    assert str(exc) in error_in(fault, "en")

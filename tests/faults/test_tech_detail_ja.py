"""A library's own words inside an error (SQLite's, an index build's, PostgreSQL's) are said
in the reader's language where a label knows them, and marked as the library's where none does
(issue 18: a Japanese reader gets no bare English sentence)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from agent.doctor_storage import check_sessions_db
from core.config import Settings


def test_doctor_says_sqlites_words_about_a_damaged_sessions_db_in_japanese(
    fresh_home: Path,
) -> None:
    fresh_home.mkdir()
    (fresh_home / "sessions.sqlite").write_bytes(os.urandom(4096))
    check = check_sessions_db(Settings(home=fresh_home))
    said = check.said.text("ja")
    assert "データベースのファイルではありません" in said and "not a database" not in said, said
    assert "file is not a database" in check.said.text("en")


def test_an_index_build_failure_says_the_librarys_words_in_japanese(fresh_home: Path) -> None:
    import sqlite3

    from chromadb.errors import ChromaError

    from knowledge.index.faults import _fault
    from knowledge.ui_labels import error_in

    settings = Settings(home=fresh_home)
    settings.index_dir.mkdir(parents=True)
    disk = error_in(_fault(settings, sqlite3.OperationalError("disk I/O error")), "ja")
    assert "ディスクの入出力エラーです" in disk and "disk I/O" not in disk, disk
    other = error_in(_fault(settings, ChromaError("boom")), "ja")
    assert "ライブラリのメッセージ：boom" in other, other
    assert "disk I/O error" in error_in(
        _fault(settings, sqlite3.OperationalError("disk I/O error")), "en"
    )


@pytest.mark.usefixtures("own_vector_memory")
def test_the_embedding_cache_warning_is_in_the_commands_language(
    fresh_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from knowledge import loader
    from knowledge.index import store, vector_cache
    from tests.knowledge.test_index import small

    settings = Settings(home=fresh_home, lang="ja")
    rule_base = small(loader.load_rule_base(), "warnja")
    cache = vector_cache.cache_path(settings.index_dir)
    cache.parent.mkdir(parents=True)
    cache.write_bytes(b"not a zip file")
    vector_cache.clear_memory()
    store.ensure_index(settings, progress=False, rule_base=rule_base)
    err = " ".join(capsys.readouterr().err.split())
    assert f"注意： 埋め込みキャッシュ {cache} を読み取れなかったため" in err, err
    assert "Warning" not in err and "unreadable" not in err, err


def test_index_builds_in_the_language_its_lang_option_names(
    fresh_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`shirube index --lang ja`: the building line and warnings are written in Japanese."""
    from core.errors import UsageError
    from knowledge.index import store
    from tests.faults.cli_runner import run_cli

    seen: list[str] = []

    def fake(settings: Settings, *args: object, **kwargs: object) -> None:
        seen.append(settings.lang)
        raise UsageError("stop")

    monkeypatch.setattr(store, "ensure_index", fake)
    result = run_cli("index", "--lang", "ja", env={"SHIRUBE_LANG": None})
    assert result.code == 2 and seen == ["ja"], (result, seen)


def test_an_index_that_fails_to_open_says_why_in_japanese() -> None:
    """doctor and the 'Building the search index' line: SQLite's words after the class name."""
    from agent.doctor import _reason
    from knowledge.index.build import building_line

    english = "the index failed to open (DatabaseError: file is not a database)"
    said = _reason(english)
    assert not isinstance(said, str)
    japanese = said.text("ja")
    assert "DatabaseError：データベースのファイルではありません" in japanese, japanese
    assert said.text("en") == english
    line = building_line(english, "ja")
    assert "データベースのファイルではありません" in line and "not a database" not in line, line

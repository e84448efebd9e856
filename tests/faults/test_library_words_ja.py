"""A library's message of a known kind (a PostgreSQL driver's refused connection or failed
password, numpy's damaged cache file, Chroma's unreachable server) is said in the reader's
language from a label, its own words kept only as the detail (issue 18); one no label knows is
still marked as the library's."""

from __future__ import annotations

import re
import zipfile

import pytest

from knowledge.ui_labels import library_quoted, library_said

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
REFUSED = (
    'connection failed: connection to server at "127.0.0.1", port 5432 failed: Connection refused'
)


@pytest.mark.parametrize(
    ("exc", "japanese"),
    [
        (zipfile.BadZipFile("File is not a zip file"), "ZIP 形式のファイルではありません"),
        (EOFError("No data left in file"), "ファイルが途中で切れています"),
        (KeyError("keys is not a file in the archive"), "アーカイブに keys がありません"),
        (
            ValueError("vectors of shape (3, 4) for 2 keys"),
            "ベクトルの形 (3, 4) がキー 2 件と合いません",
        ),
        (
            ValueError("Could not connect to a Chroma server. Are you sure it is running?"),
            "Chroma サーバーに接続できません",
        ),
        (OSError("database is locked"), "データベースがロックされています"),
    ],
)
def test_a_known_library_message_is_said_in_japanese(exc: Exception, japanese: str) -> None:
    said = library_said(exc).text("ja")
    assert said.startswith(japanese), said
    assert "ライブラリのメッセージ" not in said, said
    detail = (str(exc).splitlines() or [""])[0]
    assert said.endswith(f"。詳細：{type(exc).__name__}: {detail}"), said  # the words, as detail
    english = library_said(exc).text("en")
    assert english.endswith(f" — {type(exc).__name__}: {detail}") and not JAPANESE.search(english)


def test_a_drivers_words_are_said_in_japanese() -> None:
    said = library_quoted(REFUSED).text("ja")
    assert said.startswith("接続を拒否されました"), said
    assert said.endswith(f"。詳細：{REFUSED}"), said
    password = library_quoted('FATAL:  password authentication failed for user "ann"').text("ja")
    assert password.startswith("ユーザー「ann」のパスワード認証に失敗しました"), password
    host = library_quoted("failed to resolve host 'db.example': [Errno -2] Name or service")
    assert host.text("ja").startswith("ホスト名「db.example」を解決できません"), host.text("ja")


def test_an_unknown_library_message_is_still_marked_as_the_librarys() -> None:
    said = library_said(RuntimeError("boom")).text("ja")
    assert said == "RuntimeError（ライブラリのメッセージ：boom）", said
    assert library_said(RuntimeError("boom")).text("en") == "RuntimeError: boom"
    assert library_quoted("boom").text("ja") == "ライブラリのメッセージ：boom"


def test_a_damaged_embedding_cache_is_said_in_japanese(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from knowledge.index import vector_cache

    heard = []
    cache = tmp_path / "vectors.npz"
    cache.write_bytes(b"PK\x03\x04 cut short")
    assert vector_cache.load_file(cache, heard.append) == 0
    said = heard[0].text("ja")
    assert "ZIP 形式のファイルではありません" in said and "ライブラリのメッセージ" not in said, said
    cache.write_bytes(b"not a zip file")  # numpy then reads it as a pickle, which it refuses
    assert vector_cache.load_file(cache, heard.append) == 0
    assert "NumPy のファイル形式ではありません" in heard[-1].text("ja"), heard[-1].text("ja")
    folder = tmp_path / "folder.npz"
    folder.mkdir()  # the system refuses: said by its kind, not in the OS's English
    assert vector_cache.load_file(folder, heard.append) == 0
    assert "Is a directory" not in heard[-1].text("ja"), heard[-1].text("ja")

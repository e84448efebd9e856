"""`shirube index` says what it did in the reader's language (--lang, else SHIRUBE_LANG): the
numbers and names stay, the sentence around them comes from ui_labels (issue 18)."""

from __future__ import annotations

from pathlib import Path

from core.config import Settings
from tests.faults.cli_runner import run_cli


def test_index_reports_in_japanese(session_home: Path, tmp_path: Path) -> None:
    from knowledge.index.store import ensure_index

    ensure_index(Settings(home=session_home), progress=False)  # built once for the run
    env = {"SHIRUBE_HOME": str(session_home), "SHIRUBE_LANG": "ja", "COLUMNS": "200"}
    reused = run_cli("index", env=env)
    assert reused.code == 0, reused.err
    assert "検索インデックスは最新です（再利用）" in reused.out, reused.out
    assert "Search index" not in reused.out and "documents" not in reused.out
    by_option = run_cli("index", "--lang", "ja", env={**env, "SHIRUBE_LANG": None})
    assert "検索インデックスは最新です（再利用）" in by_option.out, by_option.out
    empty = {**env, "SHIRUBE_HOME": str(tmp_path)}
    pruned = run_cli("index", "--prune", "--lang", "ja", env=empty)
    assert "削除するものはありません" in pruned.out and "Nothing" not in pruned.out, pruned.out
    english = run_cli("index", env={**env, "SHIRUBE_LANG": "en"})
    assert "Search index up to date (reused):" in english.out, english.out

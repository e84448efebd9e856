"""The Chroma index: built once, reused, rebuilt on a changed rule base or broken files."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import threading
from pathlib import Path

import pytest
from filelock import FileLock

from core.config import Settings
from knowledge import loader
from knowledge.index import build, store
from knowledge.index.documents import build_documents
from knowledge.index.lock import IndexBusyError, build_lock
from knowledge.index.search import search
from knowledge.loader import RuleBase
from tests.conftest import VENV_BIN


@pytest.fixture(scope="session")
def rule_base() -> RuleBase:
    return loader.load_rule_base()


@pytest.fixture(scope="session")
def session_index(session_home: Path, rule_base: RuleBase) -> store.IndexStatus:
    """The suite's shared index, built (or reused if another test built it) once."""
    status = store.ensure_index(Settings(home=session_home), progress=False)
    assert status.meta.corpus_hash == rule_base.corpus_hash
    return status


def small(rule_base: RuleBase, tag: str = "small") -> RuleBase:
    """A few cards and sources, so tests that build their own index stay fast."""
    keep = dict(list(rule_base.topics.items())[:3])
    return dataclasses.replace(
        rule_base,
        topics=keep,
        triggers={},
        checklist={},
        institutions={},
        roles={},
        principles={},
        facts={},
        entities={},
        corpus_hash=f"{rule_base.corpus_hash[:8]}{tag}",
    )


@pytest.fixture
def own_settings(fresh_home: Path) -> Settings:
    return Settings(home=fresh_home)


def test_session_index_holds_every_document(
    session_index: store.IndexStatus, rule_base: RuleBase, session_home: Path
) -> None:
    documents = build_documents(rule_base)
    meta = json.loads((session_home / "index" / store.META_FILE).read_text())
    assert meta["document_count"] == len(documents) == session_index.meta.document_count
    assert meta["corpus_hash"] == rule_base.corpus_hash
    assert meta["embedding_model"] == "all-MiniLM-L6-v2-onnx-int8"
    import chromadb

    assert meta["chromadb_version"] == chromadb.__version__
    phrasings = sum(len(card.questions) for card in rule_base.topics.values())
    assert meta["entry_count"] == len(documents) + phrasings
    assert {d.id for d in documents} >= {f"topic:{card}" for card in rule_base.topics}


def test_second_call_reuses_without_rebuild(
    session_index: store.IndexStatus, session_home: Path
) -> None:
    again = store.ensure_index(Settings(home=session_home), progress=False)
    assert again.rebuilt is False
    assert again.reason is None
    assert again.meta.store == session_index.meta.store
    assert again.seconds < 0.5


def test_cli_in_a_new_process_reuses_the_index(
    session_index: store.IndexStatus, session_home: Path, rule_base: RuleBase
) -> None:
    env = {**os.environ, "SHIRUBE_HOME": str(session_home)}
    done = subprocess.run(
        [str(VENV_BIN / "shirube"), "index"], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "up to date (reused)" in done.stdout
    assert f"{session_index.meta.document_count} documents" in done.stdout
    assert f"corpus hash {rule_base.corpus_hash}" in done.stdout
    assert "Building" not in done.stderr


def test_rebuilt_when_the_rule_base_changes(own_settings: Settings, rule_base: RuleBase) -> None:
    first = store.ensure_index(own_settings, progress=False, rule_base=small(rule_base))
    assert first.rebuilt is True
    assert first.reason == "no index yet"
    changed = dataclasses.replace(small(rule_base, "changed"), sources={})
    second = store.ensure_index(own_settings, progress=False, rule_base=changed)
    assert second.rebuilt is True
    assert second.reason == "the rule base changed"
    assert second.meta.corpus_hash == changed.corpus_hash
    assert second.meta.document_count == 3
    assert second.meta.store != first.meta.store
    # The old store is swapped out and removed.
    stores = sorted(p.name for p in own_settings.index_dir.glob("chroma-*"))
    assert stores == [second.meta.store]


def _truncate_sqlite(store_dir: Path) -> None:
    (store_dir / "chroma.sqlite3").write_bytes(b"")


def _garble_sqlite(store_dir: Path) -> None:
    path = store_dir / "chroma.sqlite3"
    data = bytearray(path.read_bytes())
    for offset in range(100, len(data), 4096):  # every page, past the header
        data[offset : offset + 200] = bytes(range(200))
    path.write_bytes(bytes(data))


def _delete_store(store_dir: Path) -> None:
    import shutil

    shutil.rmtree(store_dir)


def _garble_meta(store_dir: Path) -> None:
    (store_dir.parent / store.META_FILE).write_text("{not json")


@pytest.mark.parametrize(
    ("corrupt", "reason"),
    [
        (_truncate_sqlite, "the index failed to open"),
        (_garble_sqlite, "the index failed to open"),
        (_delete_store, "the index failed to open"),
        (_garble_meta, "no index yet"),
    ],
    ids=["truncated-sqlite", "garbled-sqlite", "deleted-store", "garbled-meta"],
)
def test_rebuilt_when_files_are_corrupted(
    own_settings: Settings, rule_base: RuleBase, corrupt, reason: str
) -> None:
    rb = small(rule_base)
    built = store.ensure_index(own_settings, progress=False, rule_base=rb)
    store.reset_process_cache()  # as a new process would see it
    corrupt(own_settings.index_dir / built.meta.store)
    repaired = store.ensure_index(own_settings, progress=False, rule_base=rb)
    assert repaired.rebuilt is True
    assert repaired.reason is not None and repaired.reason.startswith(reason)
    assert repaired.meta.store != built.meta.store
    store.reset_process_cache()
    reopened = store.ensure_index(own_settings, progress=False, rule_base=rb)
    assert reopened.rebuilt is False


def test_crash_mid_build_leaves_old_index_usable(
    own_settings: Settings, rule_base: RuleBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    rb = small(rule_base)
    old = store.ensure_index(own_settings, progress=False, rule_base=rb)

    def broken_embed(texts: list[str]) -> object:
        raise RuntimeError("simulated crash while embedding")

    # The build reads vectors through the embedding cache, which already holds these texts.
    monkeypatch.setattr(build, "embed_texts", broken_embed)
    with pytest.raises(RuntimeError, match="simulated crash"):
        store.ensure_index(own_settings, progress=False, rebuild=True, rule_base=rb)
    monkeypatch.undo()
    store.reset_process_cache()
    after = store.ensure_index(own_settings, progress=False, rule_base=rb)
    assert after.rebuilt is False
    assert after.meta.store == old.meta.store


def test_one_writer_at_a_time(own_settings: Settings) -> None:
    held = FileLock(str(own_settings.index_dir / ".build.lock"))
    own_settings.index_dir.mkdir(parents=True)
    acquired = threading.Event()
    release = threading.Event()

    def hold() -> None:
        with held:
            acquired.set()
            release.wait(5)

    thread = threading.Thread(target=hold)
    thread.start()
    acquired.wait(5)
    try:
        with (
            pytest.raises(IndexBusyError, match="Another Shirube process is building") as busy,
            build_lock(own_settings.index_dir, timeout=0.2),
        ):
            pass
    finally:
        release.set()
        thread.join()
    with build_lock(own_settings.index_dir, timeout=1):
        pass  # free again once the other writer is done
    # A labelled usage error: the CLI and the TUI say it in their reader's language.
    from core.errors import UsageError
    from knowledge.ui_labels import error_in

    assert isinstance(busy.value, UsageError)
    said = error_in(busy.value, "ja")
    assert "別の Shirube プロセスが" in said and str(own_settings.index_dir) in said
    assert "Another" not in said


def test_search_returns_cited_passages(
    session_index: store.IndexStatus, session_home: Path
) -> None:
    passages = search("fines", k=4, settings=Settings(home=session_home))
    assert 0 < len(passages) <= 4
    assert [p.score for p in passages] == sorted((p.score for p in passages), reverse=True)
    for passage in passages:
        assert passage.id == f"{passage.kind}:{passage.ref_id}"
        assert passage.text
        assert passage.source_id
    assert search("   ", settings=Settings(home=session_home)) == []


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_progress_bar_label_is_in_the_commands_language(
    fresh_home: Path, rule_base: RuleBase, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """'Indexing the rule base' beside the bar, in Japanese for a Japanese command."""
    said: list[str] = []
    real = build.indexing_line

    def indexing_line(language: str) -> str:
        said.append(language)
        return real(language)

    monkeypatch.setattr(build, "indexing_line", indexing_line)
    store.ensure_index(
        Settings(home=fresh_home, lang=lang), progress=True, rule_base=small(rule_base, lang)
    )
    assert said == [lang]
    assert ("ルールベース" in real(lang)) is (lang == "ja")

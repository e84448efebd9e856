"""Server mode: index build and questions go through a real `chroma run` on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import chromadb
import pytest

from agent.qa import ask
from core.config import Settings
from knowledge.index.search import search
from knowledge.index.store import ensure_index, meta_path, reset_process_cache
from tests.integration.chroma_server import chroma_server


@pytest.fixture(scope="module")
def server_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    root = tmp_path_factory.mktemp("chroma-server")
    with chroma_server(root / "db") as port:
        yield Settings(home=root / "home", chroma_host="127.0.0.1", chroma_port=port)
    reset_process_cache()


def _client(settings: Settings) -> chromadb.api.ClientAPI:
    from chromadb.config import Settings as ChromaSettings

    return chromadb.HttpClient(
        host=settings.chroma_host or "",
        port=settings.chroma_port,
        settings=ChromaSettings(anonymized_telemetry=False),
    )


def test_build_is_on_the_server_and_idempotent(server_settings: Settings) -> None:
    first = ensure_index(server_settings, progress=False)
    assert first.rebuilt and first.reason == "no shared index for this rule base on the server yet"
    client = _client(server_settings)
    assert [c.name for c in client.list_collections()] == [first.meta.store]
    ids = sorted(client.get_collection(first.meta.store).get(include=[])["ids"])
    assert len(ids) == first.meta.entry_count
    # Nothing was persisted locally except the record of which collection is live.
    index_dir = server_settings.index_dir
    assert not list(index_dir.glob("chroma-*"))
    assert meta_path(server_settings).name == (
        f"index_meta.127.0.0.1_{server_settings.chroma_port}.json"
    )

    reset_process_cache()  # a second process: reuses the server's collection
    second = ensure_index(server_settings, progress=False)
    assert not second.rebuilt and second.meta.store == first.meta.store
    assert sorted(client.get_collection(first.meta.store).get(include=[])["ids"]) == ids

    # Deterministic ids: one per document and question phrasing of the rule base.
    from knowledge.index.documents import build_documents
    from knowledge.index.meta import entries as _entries
    from knowledge.loader import load_rule_base

    assert ids == sorted(e[0] for e in _entries(build_documents(load_rule_base())))


def test_questions_are_answered_through_the_server(server_settings: Settings) -> None:
    passages = search("Does Japan have an AI Act?", 3, settings=server_settings)
    assert passages and any(p.source_id == "ai_promotion_act" for p in passages)
    answer = ask("Does Japan have an AI Act?", settings=server_settings, offline=True)
    assert answer.mode == "offline" and answer.scope == "in"
    assert "ai_promotion_act" in {c.id for c in answer.citations}
    assert "2025" in answer.answer


def test_stopped_server_is_reported_clearly(tmp_path: Path) -> None:
    from agent.doctor import check_chroma

    with chroma_server(tmp_path / "db") as port:
        settings = Settings(home=tmp_path / "home", chroma_host="127.0.0.1", chroma_port=port)
        assert check_chroma(settings).status == "ok"
    check = check_chroma(settings)
    assert check.status == "fail" and f"127.0.0.1:{port} unreachable" in check.detail
    assert check.fix is not None and "chroma run" in check.fix

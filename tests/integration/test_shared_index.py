"""One shared collection per rule-base version on a real `chroma run`: built once under a lock
the server holds, reused by everyone else, never deleted on a rebuild, pruned on request."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import chromadb
import pytest

from core.config import Settings
from knowledge.index import vector_cache
from knowledge.index.server_lock import ServerLock
from knowledge.index.shared import LOCK_PREFIX, lock_name, shared_name
from knowledge.index.store import ensure_index, reset_process_cache
from knowledge.loader import DATA_DIR, corpus_hash
from tests.conftest import VENV_BIN
from tests.integration.chroma_server import chroma_server


def _corpus() -> str:
    """The rule base's hash now, as a `shirube` process started now computes it."""
    return corpus_hash(DATA_DIR)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[int]:
    with chroma_server(tmp_path / "db") as port:
        yield port
    reset_process_cache()


def _client(port: int) -> chromadb.api.ClientAPI:
    from chromadb.config import Settings as ChromaSettings

    return chromadb.HttpClient(
        host="127.0.0.1", port=port, settings=ChromaSettings(anonymized_telemetry=False)
    )


def _home(tmp_path: Path, name: str, session_home: Path) -> Path:
    """A client's own data dir, its embedding cache copied in so a build takes seconds."""
    home = tmp_path / name
    ensure_index(Settings(home=session_home), progress=False)  # the run's own index, once
    cache = vector_cache.cache_path(Settings(home=session_home).index_dir)
    (home / "index").mkdir(parents=True)
    shutil.copy(cache, vector_cache.cache_path(home / "index"))
    return home


def _env(home: Path, port: int) -> dict[str, str]:
    return {"SHIRUBE_HOME": str(home), "CHROMA_HOST": "127.0.0.1", "CHROMA_PORT": str(port)}


# Two cold processes load the embedding model and one builds the index: minutes on a loaded
# 2-core machine, past the suite's default 300 s timeout (which is what "hung" was).
@pytest.mark.timeout(900)
def test_two_clients_at_once_build_one_collection(
    server: int, tmp_path: Path, session_home: Path
) -> None:
    held = ServerLock(_client(server), lock_name(_corpus()))
    assert held.try_acquire()  # both clients start while the lock is taken
    logs, procs = [], []
    for name in ("alice", "bob"):
        env = {**os.environ, **_env(_home(tmp_path, name, session_home), server)}
        err = (tmp_path / f"{name}.err").open("w+")
        proc = subprocess.Popen(
            [str(VENV_BIN / "shirube"), "index"], env=env, stdout=subprocess.PIPE, stderr=err,
            text=True,
        )  # fmt: skip
        logs.append(err)
        procs.append(proc)
    deadline = time.monotonic() + 120
    while not all("waiting" in (tmp_path / f"{n}.err").read_text() for n in ("alice", "bob")):
        assert time.monotonic() < deadline, [
            (tmp_path / f"{n}.err").read_text() for n in ("alice", "bob")
        ]
        time.sleep(0.2)
    held.release()
    outs = [proc.communicate(timeout=300)[0] for proc in procs]
    assert all(proc.returncode == 0 for proc in procs), outs
    assert sum("rebuilt" in out for out in outs) == 1, outs
    assert sum("up to date (reused)" in out for out in outs) == 1, outs
    names = [c.name for c in _client(server).list_collections()]
    assert names == [shared_name(_corpus())]  # one collection, and the lock is gone


def test_a_stale_lock_is_taken_over(server: int, tmp_path: Path, session_home: Path) -> None:
    client = _client(server)
    client.create_collection(lock_name(_corpus()), metadata={"owner": "gone:1:x", "beat": 1.0})
    settings = Settings(**_settings_fields(_home(tmp_path, "carol", session_home), server))
    status = ensure_index(settings, progress=False)
    assert status.rebuilt and status.meta.store == shared_name(_corpus())
    assert [c.name for c in client.list_collections()] == [shared_name(_corpus())]


def _settings_fields(home: Path, port: int) -> dict[str, object]:
    return {"home": home, "chroma_host": "127.0.0.1", "chroma_port": port}


def test_rebuild_keeps_the_collection_and_prune_removes_other_versions(
    server: int, tmp_path: Path, session_home: Path
) -> None:
    client = _client(server)
    home = _home(tmp_path, "dave", session_home)
    settings = Settings(**_settings_fields(home, server))
    first = ensure_index(settings, progress=False)
    reset_process_cache()
    again = ensure_index(settings, progress=False, rebuild=True)
    assert again.meta.store == first.meta.store == shared_name(_corpus())
    old = ["shirube-index-0123456789abcdef-all-minilm-l6-v2-onnx-int8", "chroma-0123456789ab"]
    for name in [*old, f"{LOCK_PREFIX}0123456789abcdef-x", "someone-elses"]:
        client.create_collection(name)
    done = subprocess.run(
        [str(VENV_BIN / "shirube"), "index", "--prune"],
        env={**os.environ, **_env(home, server)},
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert f"Removed 3 from the Chroma server 127.0.0.1:{server}:" in done.stdout
    for name in [*old, f"{LOCK_PREFIX}0123456789abcdef-x"]:
        assert f"  {name}" in done.stdout
    left = sorted(c.name for c in client.list_collections())
    assert left == sorted([shared_name(_corpus()), "someone-elses"])


def test_doctor_on_a_fresh_client_sees_the_servers_collection(
    server: int, tmp_path: Path, session_home: Path
) -> None:
    from agent.doctor import check_index

    builder = Settings(**_settings_fields(_home(tmp_path, "erin", session_home), server))
    ensure_index(builder, progress=False)
    reset_process_cache()
    fresh = Settings(**_settings_fields(tmp_path / "frank", server))  # no local record at all
    check = check_index(fresh, chroma_ok=True)
    assert check.status == "ok", check
    assert shared_name(_corpus()) in check.detail

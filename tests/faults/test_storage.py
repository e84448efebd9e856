"""Storage faults: a damaged sessions database, a read-only or full data directory, a broken
embedding cache, a full disk or a deleted index during the build.

Each gives one message naming the file and the fix (never a traceback), `doctor` sees it, and
nothing the user entered is lost: the sessions database is never deleted or rewritten.
Disk-full and read-only are simulated in-process (SQLite's page limit, a read-only open,
OSError(ENOSPC)), so the tests need no root and no special mounts; one real full disk uses
RLIMIT_FSIZE in a subprocess.
"""

from __future__ import annotations

import errno
import os
import resource
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from agent.doctor import Check, run_checks
from agent.doctor_storage import check_data_dir, check_index_files, check_sessions_db
from agent.interview import store as sessions_store
from agent.interview.session import InterviewSession
from core.config import Settings
from core.storage import StorageError
from knowledge import loader
from knowledge.index import build, store, vector_cache
from knowledge.loader import RuleBase
from tests.conftest import VENV_BIN
from tests.faults.cli_runner import CliResult, run_cli
from tests.knowledge.test_index import small

REAL_CONNECT = sqlite3.connect


def _flat(text: str) -> str:
    return " ".join(text.split())


def _cli(monkeypatch: pytest.MonkeyPatch, *args: str, stdin: str = "") -> CliResult:
    monkeypatch.setenv("COLUMNS", "400")  # rich must not wrap the long temp paths compared
    return run_cli(*args, stdin=stdin)


def _session_with_answers(settings: Settings, *answers: str) -> str:
    with InterviewSession.start(settings) as session:
        for text in answers:
            session.answer(text)
        return session.session_id


def _garbage(db: Path) -> None:
    db.write_bytes(os.urandom(4096))


def _truncated(db: Path) -> None:
    _session_with_answers(Settings(home=db.parent), "Bot", "A chatbot", "2")
    with db.open("r+b") as handle:
        handle.truncate(db.stat().st_size // 2)


@pytest.fixture
def home_with_index(index_home: Path, fresh_home: Path) -> Path:
    """A private data dir holding a copy of the run's built index (chat needs one)."""
    fresh_home.mkdir(parents=True)
    shutil.copytree(index_home / "index", fresh_home / "index")
    return fresh_home


@pytest.mark.parametrize("damage", [_garbage, _truncated], ids=["garbage", "truncated"])
@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        (("sessions", "list"), ""),
        (("interview", "--offline"), "quit\n"),
        (("chat", "--offline"), "/quit\n"),
    ],
    ids=["sessions-list", "interview", "chat"],
)
def test_damaged_sessions_db_names_the_file_and_the_fix(
    home_with_index: Path,
    monkeypatch: pytest.MonkeyPatch,
    damage: Callable[[Path], None],
    args: tuple[str, ...],
    stdin: str,
) -> None:
    db = Settings(home=home_with_index).sessions_db
    damage(db)
    before = db.read_bytes()
    result = _cli(monkeypatch, *args, stdin=stdin)
    assert result.code == 2, result
    err = _flat(result.err)
    assert err.startswith(f"Error: The sessions database {db} is damaged")
    assert f"move it aside (mv {db} {db}.damaged)" in err
    assert "Traceback" not in result.err
    assert db.read_bytes() == before  # nothing repaired, rewritten or deleted


@pytest.mark.parametrize("damage", [_garbage, _truncated], ids=["garbage", "truncated"])
def test_doctor_reports_a_damaged_sessions_db(
    fresh_home: Path, monkeypatch: pytest.MonkeyPatch, damage: Callable[[Path], None]
) -> None:
    settings = Settings(home=fresh_home)
    fresh_home.mkdir(parents=True, exist_ok=True)
    damage(settings.sessions_db)
    check = check_sessions_db(settings)
    assert check.status == "fail" and str(settings.sessions_db) in check.detail
    assert check.fix is not None and check.fix.startswith("Move it aside")
    result = _cli(monkeypatch, "doctor")
    assert result.code == 1 and "FAIL sessions:" in result.out, result


def test_doctor_says_a_healthy_sessions_db_is_ok(fresh_home: Path) -> None:
    settings = Settings(home=fresh_home)
    _session_with_answers(settings, "Bot")
    check = check_sessions_db(settings)
    assert (check.status, check.detail) == ("ok", f"1 saved session(s) in {settings.sessions_db}")


def _sessions_db(args: tuple[object, ...]) -> bool:
    # sqlite3.connect is patched for the whole process: leave the index's own checks alone.
    return bool(args) and str(args[0]).endswith("sessions.sqlite")


def _pinned_to_current_size(*args: object, **kwargs: object) -> sqlite3.Connection:
    """A connection whose database cannot grow by a page: SQLite's own "disk is full"."""
    conn = REAL_CONNECT(*args, **kwargs)  # type: ignore[arg-type]
    if _sessions_db(args):
        (pages,) = conn.execute("PRAGMA page_count").fetchone()
        conn.execute(f"PRAGMA max_page_count = {pages}")
    return conn


def _read_only(*args: object, **kwargs: object) -> sqlite3.Connection:
    if not _sessions_db(args):
        return REAL_CONNECT(*args, **kwargs)  # type: ignore[arg-type]
    path, *rest = args
    return REAL_CONNECT(f"file:{path}?mode=ro", *rest, uri=True, **kwargs)  # type: ignore[arg-type]


ALL_ANSWERS = "2\nyes\nno\nyes\n1\nnone\nno\nno\nnone\nno\nno\nno\nno\nno\nno\nyes\n"


def test_full_disk_while_answering_keeps_what_was_saved(
    fresh_home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    settings = Settings(home=fresh_home)
    sid = _session_with_answers(settings, "Bot", "A chatbot")
    monkeypatch.setattr(sessions_store.sqlite3, "connect", _pinned_to_current_size)
    plan = tmp_path / "plan.md"
    result = _cli(monkeypatch, "interview", "--resume", sid, "--offline", "-o", str(plan))
    if result.code == 0:  # the resume itself fitted: now answer until the disk is full
        result = _cli(
            monkeypatch,
            "interview",
            "--resume",
            sid,
            "--offline",
            "-o",
            str(plan),
            stdin=ALL_ANSWERS,
        )
    assert result.code == 2, result
    err = _flat(result.err)
    assert f"Cannot write the sessions database {settings.sessions_db}: the disk is full" in err
    assert "Traceback" not in result.err
    monkeypatch.undo()
    with InterviewSession.resume(sid, settings) as resumed:  # still opens, nothing lost
        assert list(resumed.answers.items())[:2] == [("name", "Bot"), ("description", "A chatbot")]


@pytest.mark.parametrize(
    ("args", "stdin"),
    [(("interview", "--offline"), "quit\n"), (("chat", "--offline"), "Is the AI Act binding?\n")],
    ids=["interview", "chat"],
)
def test_read_only_sessions_db_lists_but_refuses_to_write(
    home_with_index: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], stdin: str
) -> None:
    settings = Settings(home=home_with_index)
    sid = _session_with_answers(settings, "Bot")
    before = settings.sessions_db.read_bytes()
    monkeypatch.setattr(sessions_store.sqlite3, "connect", _read_only)
    listed = _cli(monkeypatch, "sessions", "list")
    assert listed.code == 0 and sid in listed.out, listed
    started = _cli(monkeypatch, *args, stdin=stdin)
    assert started.code == 2, started
    err = _flat(started.err)
    assert f"Cannot write the sessions database {settings.sessions_db}" in err
    assert f"Make {home_with_index} writable, or set SHIRUBE_HOME" in err
    assert "Traceback" not in started.err
    assert settings.sessions_db.read_bytes() == before


def test_full_disk_when_a_chat_starts(
    home_with_index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(home=home_with_index)
    _session_with_answers(settings, "Bot")
    monkeypatch.setattr(sessions_store.sqlite3, "connect", _pinned_to_current_size)
    result = _cli(monkeypatch, "chat", "--offline", stdin="Is the AI Act binding?\n" * 5)
    assert result.code == 2, result
    assert f"Cannot write the sessions database {settings.sessions_db}: the disk is full" in _flat(
        result.err
    )
    assert "Traceback" not in result.err


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through chmod 0500")
def test_read_only_data_dir_for_real(fresh_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings(home=fresh_home)
    _session_with_answers(settings, "Bot")
    fresh_home.chmod(0o500)
    try:
        result = _cli(monkeypatch, "interview", "--offline", stdin="quit\n")
        assert check_data_dir(settings).status == "fail"
    finally:
        fresh_home.chmod(0o700)
    assert result.code == 2, result
    assert str(fresh_home) in result.err and "Traceback" not in result.err


def _doctor_data_dir(home: Path) -> Check:
    """The data-directory line of a full `doctor` run."""
    [check] = [c for c in run_checks(Settings(home=home)) if c.name == "data directory"]
    return check


def test_doctor_sees_a_full_disk(fresh_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # An empty file still fits on a full disk; its data does not.
    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    check = _doctor_data_dir(fresh_home)
    assert check.status == "fail"
    assert check.detail == f"{fresh_home} is not writable (no space left on the device)"


def test_doctor_sees_a_nearly_full_disk(fresh_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "disk_usage", lambda path: shutil._ntuple_diskusage(10, 10, 0))
    check = _doctor_data_dir(fresh_home)
    assert check.status == "fail" and "the disk is (nearly) full" in check.detail


def test_doctor_sees_a_read_only_data_dir(
    fresh_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_only(**kwargs: object) -> object:
        raise OSError(errno.EROFS, "Read-only file system", str(fresh_home))

    monkeypatch.setattr(tempfile, "TemporaryFile", read_only)
    check = _doctor_data_dir(fresh_home)
    assert (check.status, check.detail) == (
        "fail",
        f"{fresh_home} is not writable (read-only file system)",
    )


# ── the search index (derived data: rebuilt, never a reason to stop) ─────────────────────


@pytest.fixture(scope="module")
def rule_base() -> RuleBase:
    return loader.load_rule_base()


@pytest.mark.usefixtures("own_vector_memory")
def test_truncated_embedding_cache_is_discarded_and_rebuilt(
    fresh_home: Path, rule_base: RuleBase, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = Settings(home=fresh_home)
    rb = small(rule_base, "npz")
    store.ensure_index(settings, progress=False, rule_base=rb)
    cache = vector_cache.cache_path(settings.index_dir)
    with cache.open("r+b") as handle:
        handle.truncate(cache.stat().st_size // 2)
    assert [c.name for c in check_index_files(settings)] == ["embedding cache"]
    vector_cache.clear_memory()  # as a new process: only the broken file remains
    capsys.readouterr()
    rebuilt = store.ensure_index(settings, progress=False, rebuild=True, rule_base=rb)
    assert rebuilt.rebuilt and rebuilt.embedded == rebuilt.meta.entry_count
    warning = _flat(capsys.readouterr().err)
    # numpy's words, worded by the label that knows them, kept as the detail.
    assert f"Warning: the embedding cache {cache} was unreadable (File is not a zip file" in warning
    assert "BadZipFile: File is not a zip file" in warning
    assert vector_cache.readable(cache)  # written afresh by the rebuild
    assert check_index_files(settings) == []


def _stores(settings: Settings) -> list[str]:
    return sorted(p.name for p in settings.index_dir.glob("chroma-*"))


def test_full_disk_during_the_build_leaves_no_orphan_store(
    fresh_home: Path, rule_base: RuleBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(home=fresh_home)
    rb = small(rule_base, "full")
    built = store.ensure_index(settings, progress=False, rule_base=rb)

    def no_space(texts: list[str]) -> object:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(build, "embed_texts", no_space)
    for _ in range(2):  # each try cleans up after itself
        with pytest.raises(StorageError) as caught:
            store.ensure_index(settings, progress=False, rebuild=True, rule_base=rb)
        assert str(caught.value).startswith(
            f"Could not build the search index in {settings.index_dir}: no space left "
            "(no space left on the device). Free some space"
        )
        assert _stores(settings) == [built.meta.store]
    monkeypatch.undo()
    store.reset_process_cache()
    again = store.ensure_index(settings, progress=False, rule_base=rb)
    assert not again.rebuilt and again.meta.store == built.meta.store


def _file_size_limit(limit: int) -> Callable[[], None]:
    def apply() -> None:
        # Python ignores SIGXFSZ, so writes past the limit fail with EFBIG: a full disk.
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_real_full_disk_during_index_rebuild(home_with_index: Path) -> None:
    settings = Settings(home=home_with_index)
    live = _stores(settings)
    done = subprocess.run(
        [str(VENV_BIN / "shirube"), "index", "--rebuild"],
        capture_output=True,
        text=True,
        timeout=240,
        preexec_fn=_file_size_limit(400_000),
        env={**os.environ, "SHIRUBE_HOME": str(home_with_index), "COLUMNS": "250"},
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert f"Error: Could not build the search index in {settings.index_dir}" in _flat(done.stderr)
    assert "Traceback" not in done.stderr
    assert _stores(settings) == live  # no orphan store; the old index is still the live one
    assert run_cli("index").out.startswith("Search index up to date (reused)")


def test_index_deleted_during_rebuild(
    fresh_home: Path, rule_base: RuleBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(home=fresh_home)
    rb = small(rule_base, "deleted")
    store.ensure_index(settings, progress=False, rule_base=rb)
    real_embed = build.embed_texts

    def delete_then_embed(texts: list[str]) -> object:
        shutil.rmtree(settings.index_dir, ignore_errors=True)  # `rm -rf` from another shell
        return real_embed(texts)

    monkeypatch.setattr(build, "embed_texts", delete_then_embed)
    with pytest.raises(StorageError) as caught:
        store.ensure_index(settings, progress=False, rebuild=True, rule_base=rb)
    assert str(caught.value) == (
        f"The search index in {settings.index_dir} was removed while it was being built. "
        "Run `shirube index` to build it again."
    )
    monkeypatch.undo()
    store.reset_process_cache()
    again = store.ensure_index(settings, progress=False, rule_base=rb)
    assert again.rebuilt and _stores(settings) == [again.meta.store]


def test_index_deleted_during_rebuild_through_the_cli(
    home_with_index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(home=home_with_index)
    real_embed = build.embed_texts

    def delete_then_embed(texts: list[str]) -> object:
        shutil.rmtree(settings.index_dir, ignore_errors=True)
        return real_embed(texts)

    monkeypatch.setattr(build, "embed_texts", delete_then_embed)
    result = _cli(monkeypatch, "index", "--rebuild")
    assert result.code == 2, result
    assert "was removed while it was being built" in _flat(result.err)
    assert "Traceback" not in result.err and "chromadb" not in result.err


def test_doctor_sees_stores_left_by_a_killed_build(fresh_home: Path, rule_base: RuleBase) -> None:
    settings = Settings(home=fresh_home)
    store.ensure_index(settings, progress=False, rule_base=small(rule_base, "stray"))
    (settings.index_dir / "chroma-0123456789ab").mkdir()  # what kill -9 mid-build leaves
    [check] = check_index_files(settings)
    assert check.name == "index files" and check.status == "warn"
    assert [c.name for c in run_checks(settings) if c.status != "ok"].count("index files") == 1


def test_garbled_session_state_is_named_and_the_others_still_work(
    fresh_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(home=fresh_home)
    bad = _session_with_answers(settings, "Broken bot")
    good = _session_with_answers(settings, "Good bot", "A helper")
    # Bytes SQLite cannot see are wrong: its integrity check passes, the checkpoint does not load.
    with sqlite3.connect(settings.sessions_db) as conn:
        conn.execute("UPDATE checkpoints SET checkpoint = x'01' WHERE thread_id = ?", (bad,))
    resumed = _cli(monkeypatch, "interview", "--resume", bad, "--offline", stdin="quit\n")
    assert resumed.code == 2, resumed
    err = _flat(resumed.err)
    assert err.startswith(
        f"Error: Session {bad} in {settings.sessions_db} cannot be read: its saved state is "
        "damaged ("
    )
    assert err.endswith(f"remove this session with `shirube sessions delete {bad}`.")
    assert "Traceback" not in resumed.err
    listed = _cli(monkeypatch, "sessions", "list")  # the registry only: both still listed
    assert listed.code == 0, listed
    assert bad in listed.out and good in listed.out and "in progress (2/" in listed.out
    shown = _cli(monkeypatch, "sessions", "show", bad)
    assert shown.code == 2 and "its saved state is damaged" in _flat(shown.err), shown
    check = check_sessions_db(settings)
    assert check.status == "fail" and check.detail.endswith(f"is damaged: {bad}")
    assert _cli(monkeypatch, "sessions", "delete", bad).code == 0  # the user's choice, not ours
    with InterviewSession.resume(good, settings) as other:
        assert other.answers == {"name": "Good bot", "description": "A helper"}
    assert check_sessions_db(settings).status == "ok"

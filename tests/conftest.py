"""Suite-wide guards: a private data dir and no reachable model unless a test brings one."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

# Set before any test imports settings: the suite never touches the user's data dir and a
# real model server is unreachable by default (port 9 is discard; nothing listens there).
_SESSION_HOME = Path(tempfile.mkdtemp(prefix="shirube-test-home-"))
os.environ["SHIRUBE_HOME"] = str(_SESSION_HOME)
os.environ["OLLAMA_HOST"] = "http://127.0.0.1:9"
os.environ.pop("CHROMA_HOST", None)
os.environ.pop("SHIRUBE_MODEL", None)
os.environ["ANONYMIZED_TELEMETRY"] = "False"
# Under pytest-xdist every worker has its own data dir (above), but the index is built once
# for all of them here and copied in: the controller names the folder, its workers inherit it.
_SHARED_INDEX_HOME = Path(
    os.environ.setdefault(
        "SHIRUBE_TEST_SHARED_HOME",
        str(Path(tempfile.gettempdir()) / f"shirube-test-shared-{os.getpid()}"),
    )
)
_WORKER = os.environ.get("PYTEST_XDIST_WORKER")


# Tests that must share one process under `--dist loadgroup` (make test): one PostgreSQL server
# for the team tier, one `chroma run` for the server-mode tier.
_GROUPED_DIRS = {"team": "postgresql-server", "integration": "chroma-server"}


@pytest.hookimpl(tryfirst=True)  # before xdist's own hook, which reads the groups into node ids
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Put a test in an xdist group when it shares a server or a module-wide fixture (say, every
    question of a module asked once): split across workers, each would build it again."""
    for item in items:
        if item.get_closest_marker("xdist_group"):
            continue
        parts = item.nodeid.split("/")
        group = _GROUPED_DIRS.get(parts[1]) if parts[0] == "tests" and len(parts) > 2 else None
        if group == "postgresql-server" and not _needs_postgres(item):
            group = None  # the SQLite cases and the down-database ones: any worker takes them
        module = item.nodeid.split("::")[0]
        fixtures = getattr(item, "_fixtureinfo", None)
        if group is None and fixtures is not None:
            defs = [found[-1] for found in fixtures.name2fixturedefs.values() if found]
            # Module-wide, or session-wide but defined in the module itself (not a conftest's).
            shared = [d for d in defs if d.scope == "module" or d.baseid == module]
            if any(d.scope != "function" for d in shared):
                group = module
        if group is not None:
            item.add_marker(pytest.mark.xdist_group(group))


def _needs_postgres(item: pytest.Item) -> bool:
    """A team test on the shared PostgreSQL: it asks for the server, or it is the `postgresql`
    case of the backend-parametrized `settings` (which asks for the server when it runs)."""
    callspec = getattr(item, "callspec", None)
    backend = callspec.params.get("settings") if callspec is not None else None
    return "postgres_url" in getattr(item, "fixturenames", ()) or backend == "postgresql"


def pytest_sessionfinish(session: pytest.Session) -> None:
    if _WORKER is None:  # the controller (or a plain run): its workers are done with it
        shutil.rmtree(_SHARED_INDEX_HOME, ignore_errors=True)


@pytest.fixture(scope="session")
def session_home() -> Path:
    """The data dir shared by the whole run (the index is built there once)."""
    _seed_index()
    return _SESSION_HOME


def _seed_index() -> None:
    """Under xdist: build the index once for all workers (the build lock lets one build while
    the others wait), then copy it into this worker's data dir. A plain run builds it in place,
    and so does a worker whose tests built it before asking for `session_home`."""
    if _WORKER is None or (_SESSION_HOME / "index").exists():
        return
    from core.config import Settings
    from knowledge.index import vector_cache
    from knowledge.index.lock import IndexBusyError
    from knowledge.index.store import ensure_index

    try:
        ensure_index(Settings(home=_SHARED_INDEX_HOME), progress=False)
    except IndexBusyError:  # another worker's build outlasted the wait (a loaded machine)
        return  # this worker builds its own where it needs one
    shutil.copytree(_SHARED_INDEX_HOME / "index", _SESSION_HOME / "index")
    # The vectors into this worker's memory, as a build in place leaves them: a test's index in
    # a fresh data dir (an app on a new home) then embeds nothing, not the whole corpus again.
    vector_cache.load_file(vector_cache.cache_path(_SESSION_HOME / "index"))


@pytest.fixture
def own_vector_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    """The in-process embedding memory, this test's own: it may clear it (as a new process would
    start) and the run's vectors are back after it, so later builds in fresh homes embed nothing."""
    from knowledge.index import vector_cache

    monkeypatch.setattr(vector_cache, "_MEMORY", dict(vector_cache._MEMORY))


@pytest.fixture
def fresh_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty data dir for tests that need their own sessions or index."""
    home = tmp_path / "home"
    monkeypatch.setenv("SHIRUBE_HOME", str(home))
    return home


REPO_ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = REPO_ROOT / ".venv" / "bin"


def run_shirube(
    *args: str | Path, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """The installed `shirube` command in a fresh process, as a user runs it."""
    return subprocess.run(
        [str(VENV_BIN / "shirube"), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=REPO_ROOT,
        env={**os.environ, **(env or {})},
        check=False,
    )


def run_python(code: str, *, home: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """`python -c code` in a fresh process (cold start, import checks) with SHIRUBE_HOME=home."""
    return subprocess.run(
        [str(VENV_BIN / "python"), "-c", code],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=REPO_ROOT,
        env={**os.environ, "SHIRUBE_HOME": str(home)},
        check=False,
    )

"""A data dir that cannot be written and a full disk: one clear error, exit 2, nothing partial."""

from __future__ import annotations

import os
import resource
import subprocess
from pathlib import Path

from tests.conftest import VENV_BIN
from tests.faults.cli_runner import run_cli


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_unwritable_data_dir_is_one_clear_error(tmp_path: Path, monkeypatch) -> None:
    # A path below a regular file fails with ENOTDIR even for root (chmod would not stop root).
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("SHIRUBE_HOME", str(blocker / "home"))
    for args in (("ask", "Does Japan have an AI Act?", "--offline"), ("index",)):
        result = run_cli(*args)
        assert result.code == 2, result
        assert _flat(result.err).startswith("Error: not a directory")
        assert "SHIRUBE_HOME" in result.err and "Traceback" not in result.err
    assert blocker.read_text() == "x"


def _limit_file_size() -> None:
    # Python ignores SIGXFSZ, so writes past the limit fail with EFBIG: a full disk, for real.
    resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))


def test_disk_full_while_writing_a_plan_leaves_nothing(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text("name: Clinic bot\nsectors: [health]\npersonal_data: sensitive\n")
    out = tmp_path / "plan.md"
    result = subprocess.run(
        [str(VENV_BIN / "shirube"), "assess", str(profile), "-f", "markdown", "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_limit_file_size,
        env={**os.environ, "SHIRUBE_HOME": str(tmp_path / "home")},
    )
    assert result.returncode == 2, result.stderr
    assert f"cannot write to {out}: file too large" in _flat(result.stderr)
    assert "Traceback" not in result.stderr
    assert not out.exists() and not list(tmp_path.glob(".plan.md*"))

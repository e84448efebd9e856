"""--output and standard output: nothing replaced that should not be, and no silent truncation.

Device nodes are stood in for by FIFOs and symlinks in a temp dir, never by anything under /dev.
"""

from __future__ import annotations

import errno
import os
import resource
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from core.errors import UsageError
from knowledge.ui_labels import os_kind
from tests.conftest import VENV_BIN
from tests.faults.cli_runner import run_cli
from tools import safe_output
from tools.safe_output import write_output

PROFILE = "name: Clinic bot\nsectors: [health]\npersonal_data: sensitive\n"
FOLDER_MESSAGE = "it is a folder. Choose a file path."


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    path = tmp_path / "profile.yaml"
    path.write_text(PROFILE, encoding="utf-8")
    return path


def _only(folder: Path) -> list[str]:
    """Every name in `folder`: a leftover temp file shows up here."""
    return sorted(p.name for p in folder.iterdir())


# --- the function itself -------------------------------------------------------------------


def test_regular_file_is_replaced_and_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    target.write_text("old")
    target.chmod(0o600)
    write_output(target, "new plan")
    assert target.read_text() == "new plan"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert _only(tmp_path) == ["plan.md"]


def test_new_file_gets_the_umask_mode(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_output(tmp_path / "plan.md", b"bytes too")
    finally:
        os.umask(old)
    assert (tmp_path / "plan.md").read_bytes() == b"bytes too"
    assert stat.S_IMODE((tmp_path / "plan.md").stat().st_mode) == 0o640


def test_symlink_stays_a_link_and_its_target_is_replaced(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    target = real / "plan.md"
    target.write_text("old")
    target.chmod(0o600)
    link = tmp_path / "link.md"
    link.symlink_to(target)
    write_output(link, "new")
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text() == "new" and stat.S_IMODE(target.stat().st_mode) == 0o600
    assert _only(real) == ["plan.md"] and _only(tmp_path) == ["link.md", "real"]


def _read_fifo(path: Path, into: list[bytes]) -> threading.Thread:
    def read() -> None:
        with path.open("rb") as handle:  # blocks until the writer opens its end
            into.append(handle.read())

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread


def test_fifo_gets_the_bytes_and_stays_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    link = tmp_path / "link"
    link.symlink_to(fifo)  # a symlink to a device: written through, both stay what they are
    payload = b"x" * 200_000  # more than a pipe buffer: the reader must drain as we write
    for path in (fifo, link):
        received: list[bytes] = []
        reader = _read_fifo(fifo, received)
        write_output(path, payload)
        reader.join(timeout=10)
        assert received == [payload]
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and link.is_symlink()
    assert _only(tmp_path) == ["link", "out.fifo"]


def test_fifo_without_a_reader_is_a_clear_error_not_a_hang(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(safe_output, "FIFO_READER_WAIT_S", 0.2)
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(UsageError, match="it is a FIFO and no program is reading from it"):
        write_output(fifo, "plan")
    assert time.monotonic() - started < 5
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_planted_temp_symlinks_are_never_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    victim = tmp_path / "victim"
    victim.write_text("keep me")
    # The names the old writer used, and the very next temp name: all planted as symlinks.
    tokens = iter(["planted", "free"])
    monkeypatch.setattr(safe_output.secrets, "token_hex", lambda _n: next(tokens))
    planted = [".plan.md.partial", "plan.md.tmp", ".plan.md.planted.tmp"]
    for name in planted:
        (tmp_path / name).symlink_to(victim)
    write_output(tmp_path / "plan.md", "plan")
    assert victim.read_text() == "keep me"
    assert all((tmp_path / name).is_symlink() for name in planted)
    assert (tmp_path / "plan.md").read_text() == "plan"
    assert _only(tmp_path) == sorted([*planted, "plan.md", "victim"])


def test_nul_in_the_path_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="contains a NUL character"):
        write_output(f"{tmp_path}/a\0b", "plan")
    assert _only(tmp_path) == []


def test_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "keep.md").write_text("keep")
    with pytest.raises(UsageError, match=FOLDER_MESSAGE):
        write_output(folder, "plan")
    assert _only(folder) == ["keep.md"]


@pytest.mark.parametrize("name", ["missing/plan.md", "missing/"])
def test_missing_folder_is_refused_and_named(tmp_path: Path, name: str) -> None:
    with pytest.raises(UsageError) as info:
        write_output(f"{tmp_path}/{name}", "plan")
    assert f"the folder {tmp_path / 'missing'} does not exist. Create it" in str(info.value)
    assert _only(tmp_path) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder anyway")
def test_read_only_folder_is_refused_and_the_original_kept(tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    target.write_text("original")
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(UsageError, match="permission denied"):
            write_output(target, "new")
    finally:
        tmp_path.chmod(0o755)
    assert target.read_text() == "original" and _only(tmp_path) == ["plan.md"]


def test_read_only_file_is_refused_not_renamed_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.md"
    target.write_text("original")
    target.chmod(0o444)
    if os.geteuid() == 0:  # root may write anything: ask as an ordinary user would
        monkeypatch.setattr(os, "access", lambda path, mode, **_: mode != os.W_OK)
    with pytest.raises(UsageError, match=f"cannot write to {target}: permission denied"):
        write_output(target, "new")
    assert target.read_text() == "original" and _only(tmp_path) == ["plan.md"]


@pytest.mark.parametrize(
    ("step", "code"),
    [("open", errno.EACCES), ("open", errno.EROFS), ("write", errno.ENOSPC)],
)
def test_write_errors_name_the_path_and_keep_the_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str, code: int
) -> None:
    # The same failures as a read-only folder or a full disk, also when the tests run as root.
    target = tmp_path / "plan.md"
    target.write_text("original")
    real = getattr(os, step)

    def failing(*args: object, **kwargs: object) -> object:
        if step == "open" and not int(args[1]) & os.O_CREAT:  # type: ignore[call-overload]
            return real(*args, **kwargs)
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, step, failing)
    with pytest.raises(UsageError) as info:
        write_output(target, "new")
    monkeypatch.undo()
    said = os_kind(OSError(code, "")).text("en")  # the errno's kind, as ui_labels words it
    assert f"cannot write to {target}: {said}." in str(info.value)
    assert target.read_text() == "original" and _only(tmp_path) == ["plan.md"]


def _limit_file_size() -> None:
    # Python ignores SIGXFSZ, so writes past the limit fail with EFBIG: a full disk, for real.
    resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))


def test_full_disk_keeps_the_original_and_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    target.write_text("original")
    code = f"from tools.safe_output import write_output; write_output({str(target)!r}, 'x' * 9000)"
    result = subprocess.run(
        [str(VENV_BIN / "python"), "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=_limit_file_size,
    )
    assert result.returncode == 1 and "file too large" in result.stderr
    assert target.read_text() == "original" and _only(tmp_path) == ["plan.md"]


# --- every writer goes through it ----------------------------------------------------------


def test_assess_output_keeps_links_and_modes(tmp_path: Path, profile: Path) -> None:
    target = tmp_path / "plan.md"
    target.write_text("old")
    target.chmod(0o600)
    link = tmp_path / "link.md"
    link.symlink_to(target)
    # Replacing an existing plan takes --force (issue 19); the link and mode still survive it.
    refused = run_cli("assess", str(profile), "-f", "markdown", "-o", str(link))
    assert refused.code == 2 and target.read_text() == "old"
    result = run_cli("assess", str(profile), "-f", "markdown", "-o", str(link), "--force")
    assert result.code == 0, result.err
    assert link.is_symlink() and target.read_text().startswith("# ")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert _only(tmp_path) == ["link.md", "plan.md", "profile.yaml"]


@pytest.mark.parametrize(
    ("fmt", "output"),
    [("markdown", "plans"), ("worksheet", "plans.xlsx"), ("csv", "plans-common.csv")],
)
def test_assess_refuses_a_folder_for_every_format(
    tmp_path: Path, profile: Path, fmt: str, output: str
) -> None:
    (tmp_path / output).mkdir()
    target = tmp_path / ("plans" if fmt == "csv" else output)
    result = run_cli("assess", str(profile), "-f", fmt, "-o", str(target))
    assert result.code == 2
    assert f"cannot write to {tmp_path / output}: {FOLDER_MESSAGE}" in _flat(result.err)
    assert _only(tmp_path / output) == []


def test_csv_into_a_missing_folder_names_it(
    tmp_path: Path, profile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli("assess", str(profile), "--format", "csv", "-o", "missing-dir/")
    assert result.code == 2
    assert "the folder missing-dir does not exist. Create it" in _flat(result.err)
    assert _only(tmp_path) == ["profile.yaml"]  # nothing written into the current folder


def test_interview_plan_output_refuses_a_folder(tmp_path: Path, fresh_home: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("name: Clinic bot\ndescription: triage chatbot\n", encoding="utf-8")
    (tmp_path / "plan.md").mkdir()
    result = run_cli("interview", "--answers", str(answers), "-o", str(tmp_path / "plan.md"))
    assert result.code == 2
    assert f"cannot write to {tmp_path / 'plan.md'}: {FOLDER_MESSAGE}" in _flat(result.err)


def test_sessions_export_refuses_a_folder(tmp_path: Path, fresh_home: Path) -> None:
    from agent.interview.session import InterviewSession

    with InterviewSession.start() as session:
        session_id = session.session_id
    (tmp_path / "profile.yaml").mkdir()
    result = run_cli("sessions", "export", session_id, "-o", str(tmp_path / "profile.yaml"))
    assert result.code == 2
    assert f"cannot write to {tmp_path / 'profile.yaml'}: {FOLDER_MESSAGE}" in _flat(result.err)


def test_eval_outputs_refuse_a_folder(tmp_path: Path) -> None:
    from evals.models import Baseline
    from evals.report import save_baseline

    (tmp_path / "baseline.json").mkdir()
    with pytest.raises(UsageError, match=FOLDER_MESSAGE):
        save_baseline(Baseline(pass_rate=0.9), tmp_path / "baseline.json")


def test_tui_plan_export_refuses_a_folder(tmp_path: Path) -> None:
    from tools.assess import assess
    from tools.profile_io import load_profile
    from tui.screens.plan import PlanScreen

    (tmp_path / "profile.yaml").write_text(PROFILE, encoding="utf-8")
    screen = PlanScreen(assess(load_profile(tmp_path / "profile.yaml")))
    notes: list[str] = []
    screen.notify = lambda message, **_: notes.append(message)  # type: ignore[method-assign]
    screen.export_to(tmp_path, "markdown")
    assert notes == [f"cannot write to {tmp_path}: {FOLDER_MESSAGE}"]


def test_chat_export_to_a_bad_path_keeps_the_chat_going(index_home: Path, tmp_path: Path) -> None:
    script = (
        "What is the Article 13 guideline?\n"
        f"/export {tmp_path}\n"
        f"/export {tmp_path / 'missing' / 'chat.md'}\n"
        "Is the AI Basic Plan binding?\n"
        f"/export {tmp_path / 'chat.md'}\n"
    )
    env = {"SHIRUBE_HOME": str(index_home), "COLUMNS": "200"}
    result = run_cli("chat", "--offline", env=env, stdin=script)  # piped, as a subprocess's
    assert result.code == 0, result.err
    out = _flat(result.out)
    assert f"cannot write to {tmp_path}: {FOLDER_MESSAGE}" in out
    assert f"the folder {tmp_path / 'missing'} does not exist" in out
    assert "## 2. Is the AI Basic Plan binding?" in (tmp_path / "chat.md").read_text("utf-8")


# --- standard output -----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_stdout_on_a_full_disk_exits_1_with_a_message(
    tmp_path: Path, profile: Path, fmt: str
) -> None:
    out = tmp_path / "plan.out"
    with out.open("w") as handle:
        result = subprocess.run(
            [str(VENV_BIN / "shirube"), "assess", str(profile), "-f", fmt],
            stdout=handle,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            preexec_fn=_limit_file_size,
        )
    assert result.returncode == 1
    assert "could not write the output: file too large" in _flat(result.stderr)
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr


def test_stdout_to_a_closed_pipe_exits_1_quietly(profile: Path) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody reads: every write fails with EPIPE
    try:
        result = subprocess.run(
            [str(VENV_BIN / "shirube"), "assess", str(profile), "-f", "json"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    finally:
        os.close(write_end)
    assert result.returncode == 1
    assert result.stderr == ""


def test_stdout_write_error_is_reported_once(
    tmp_path: Path, profile: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    from agent.cli.main import main

    handle = (tmp_path / "plan.out").open("w")
    fd, real_write = handle.fileno(), os.write

    def full(target: int, data: bytes) -> int:
        if target == fd:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(target, data)

    monkeypatch.setattr(os, "write", full)
    monkeypatch.setattr(sys, "stdout", handle)
    monkeypatch.setattr(sys, "argv", ["shirube", "assess", str(profile), "-f", "json"])
    with pytest.raises(SystemExit) as info:
        main()
    monkeypatch.undo()
    handle.close()
    assert info.value.code == 1
    err = _flat(capsys.readouterr().err)
    assert err.startswith("Error: could not write the output: no space left on the device.")

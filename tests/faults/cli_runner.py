"""Run the real `shirube` entry point in-process and capture what a user would see."""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path


@dataclass
class CliResult:
    code: int
    out: str
    err: str


def run_cli(
    *args: str,
    env: Mapping[str, str | None] | None = None,
    cwd: Path | None = None,
    stdin: str = "",
) -> CliResult:
    """agent.cli.main with `args`, in `cwd`, reading `stdin` (a pipe's text) and with `env` set
    in os.environ meanwhile (None unsets a variable), as run_shirube's `env`; SystemExit becomes
    the exit code, anything else propagates."""
    from agent.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    argv, folder, keyboard = sys.argv, os.getcwd(), sys.stdin
    saved = {name: os.environ.get(name) for name in env or {}}
    _set_env(env or {})
    sys.argv = ["shirube", *args]
    sys.stdin = io.StringIO(stdin)
    code = 0
    try:
        if cwd is not None:
            os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        sys.argv, sys.stdin = argv, keyboard
        os.chdir(folder)
        _set_env(saved)
    return CliResult(code=code, out=out.getvalue(), err=err.getvalue())


def _set_env(values: Mapping[str, str | None]) -> None:
    for name, value in values.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value

"""Run the real `shirube` entry point in-process and capture what a user would see."""

from __future__ import annotations

import contextlib
import io
import os
import sys
from dataclasses import dataclass


@dataclass
class CliResult:
    code: int
    out: str
    err: str


def run_cli(*args: str, env: dict[str, str] | None = None) -> CliResult:
    """agent.cli.main with `args` (and `env` set in os.environ meanwhile, as run_shirube's `env`);
    SystemExit becomes the exit code, anything else propagates."""
    from agent.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    argv = sys.argv
    saved = {name: os.environ.get(name) for name in env or {}}
    os.environ.update(env or {})
    sys.argv = ["shirube", *args]
    code = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        sys.argv = argv
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return CliResult(code=code, out=out.getvalue(), err=err.getvalue())

"""Start-up figures side by side (issue 17): `shirube --help`, `sessions list`, the TUI's first
screen, and cold `ask` against the import floor of what it really needs (langgraph + chromadb).

Run: .venv/bin/python -m benchmarks.start_figures [RUNS] [--base OTHER_CHECKOUT]
Medians of fresh processes, wall and CPU (user + system) seconds: on a shared machine the wall
figure moves with the neighbours' load and the CPU figure much less; on a quiet machine the two
meet for these single-threaded starts. With --base, another checkout's code (a git worktree of
the commit before) runs in turn with this one, for a before/after side by side. Printed, never
asserted.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = REPO / ".venv" / "bin"
QUESTION = "Does Japan have an AI Act?"
FLOOR = "import floor (langgraph.graph+chromadb)"
SESSIONS = """
from agent.interview import store
with store.opened() as conn:
    for n, (kind, title, status) in enumerate([
        ("chat", "Does Japan have an AI Act?", "3 turns"),
        ("chat", "AI事業者ガイドラインとは？", "1 turn, profile linked"),
        ("interview", "hiring screening tool", "in progress (4/16)"),
        ("interview", "customer support chatbot", "to confirm"),
    ]):
        store.register_session(conn, f"bench{n:03d}", kind, title)
        store.set_status(conn, f"bench{n:03d}", status)
"""
TARGETS = {
    "shirube --help": None,
    "shirube sessions list": 0.5,
    "TUI first screen (80x24)": 1.0,
}


def _run(argv: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, the operating system's account) of one process."""
    started = time.perf_counter()
    child = subprocess.Popen(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd, env=env
    )
    _, status, usage = os.wait4(child.pid, 0)
    if status:
        raise subprocess.CalledProcessError(status, argv)
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime


def _tui_first_screen(env: dict[str, str], cwd: Path) -> tuple[float, float]:
    from benchmarks.startup import first_screen  # the TUI's probe: stops at the first frame

    seconds, cpu, _ = first_screen(env, cwd)
    return seconds, cpu


def _commands(env: dict[str, str], tree: Path) -> dict[str, Callable[[], tuple[float, float]]]:
    """Each figure's command, run from `tree` (its own code first on the path) in a home of its
    own, whose index that tree builds first: two trees whose rule bases differ would otherwise
    rebuild one shared index at each other's every cold `ask`."""
    py = str(BIN / "python")
    shirube = [py, "-c", "import sys; from agent.cli.main import main; sys.exit(main())"]
    home = tempfile.mkdtemp(prefix="shirube-bench-")
    env = {**env, "PYTHONPATH": str(tree), "SHIRUBE_HOME": home}
    # Bytecode first, as an installed copy has it: a checkout without __pycache__ (a fresh
    # worktree, PYTHONDONTWRITEBYTECODE) would otherwise compile ~60 modules at every start.
    packages = [str(tree / name) for name in ("agent", "core", "knowledge", "tools", "tui")]
    subprocess.run([py, "-m", "compileall", "-q", *packages], capture_output=True, check=True)
    subprocess.run([*shirube, "index"], capture_output=True, check=True, env=env, cwd=tree)
    # A few saved sessions to list (registry rows, their status lines recorded as the app
    # records them), then one list: every start after it finds the validated cache warm.
    subprocess.run([py, "-c", SESSIONS], capture_output=True, check=True, env=env, cwd=tree)
    subprocess.run([*shirube, "sessions", "list"], capture_output=True, check=True, env=env)
    return {
        "shirube --help": lambda: _run([*shirube, "--help"], env, tree),
        "shirube sessions list": lambda: _run([*shirube, "sessions", "list"], env, tree),
        "TUI first screen (80x24)": lambda: _tui_first_screen(env, tree),
        "cold ask --offline": lambda: _run(
            [*shirube, "ask", QUESTION, "--format", "json", "--offline"], env, tree
        ),
        FLOOR: lambda: _run([py, "-c", "import langgraph.graph, chromadb"], env, tree),
    }


def main(argv: list[str] | None = None) -> None:
    """RUNS [--base TREE]: with --base, the same figures from another checkout, side by side."""
    args = sys.argv[1:] if argv is None else argv
    base = Path(args[args.index("--base") + 1]) if "--base" in args else None
    numbers = [a for a in args if a.isdigit()]
    runs = int(numbers[0]) if numbers else 5
    env = {**os.environ, "SHIRUBE_OFFLINE": "1"}
    trees = {"now": _commands(env, REPO)}
    if base is not None:
        trees = {"base": _commands(env, base), **trees}
    times = {(tree, name): [] for tree, cmds in trees.items() for name in cmds}
    for _ in range(runs):  # taking turns, so a burst of load lands on all of them alike
        for tree, cmds in trees.items():
            for name, run in cmds.items():
                times[tree, name].append(run())
    print(f"load average {os.getloadavg()[0]:.1f}; medians of {runs} fresh processes")
    head = "".join(f"{t + ' wall':>11}{t + ' cpu':>10}" for t in trees)
    print(f"{'':<36}{head}")
    for name in trees["now"]:
        cells = ""
        for tree in trees:
            wall = statistics.median(w for w, _ in times[tree, name])
            cpu = statistics.median(c for _, c in times[tree, name])
            cells += f"{wall:>9.2f} s{cpu:>8.2f} s"
        target = TARGETS.get(name)
        print(f"{name:<36}{cells}{f'  (target <= {target:g} s)' if target else ''}")
    for tree in trees:
        ask = statistics.median(w for w, _ in times[tree, "cold ask --offline"])
        floor = statistics.median(w for w, _ in times[tree, FLOOR])
        print(f"cold ask / import floor ({tree}): {ask / floor:.2f} x  (target <= 1.3 x)")


if __name__ == "__main__":
    main()

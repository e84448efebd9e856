"""Start-up figures side by side (issue 17): `shirube --help`, `sessions list`, the TUI's first
screen, and cold `ask` against the import floor of what it really needs (langgraph + chromadb).

Run: .venv/bin/python -m benchmarks.start_figures [RUNS]   (medians of fresh processes)
Printed, never asserted: the machine is shared, so the figures carry the load average.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = REPO / ".venv" / "bin"
QUESTION = "Does Japan have an AI Act?"
TARGETS = {
    "shirube --help": None,
    "shirube sessions list": 0.5,
    "TUI first screen (80x24)": 1.0,
}


def _seconds(argv: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(argv, capture_output=True, check=True, cwd=REPO, env=env)
    return time.perf_counter() - started


def _tui_first_screen(env: dict[str, str]) -> float:
    from benchmarks.startup import first_screen  # the TUI's probe: stops when the chat is drawn

    return first_screen(env)[0]


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    runs = int(args[0]) if args else 5
    home = tempfile.mkdtemp(prefix="shirube-bench-")
    env = {**os.environ, "SHIRUBE_HOME": home, "SHIRUBE_OFFLINE": "1"}
    py, shirube = str(BIN / "python"), str(BIN / "shirube")
    subprocess.run([shirube, "index"], capture_output=True, check=True, env=env)  # built once
    commands = {
        "shirube --help": lambda: _seconds([shirube, "--help"], env),
        "shirube sessions list": lambda: _seconds([shirube, "sessions", "list"], env),
        "TUI first screen (80x24)": lambda: _tui_first_screen(env),
        "cold ask --offline": lambda: _seconds(
            [shirube, "ask", QUESTION, "--format", "json", "--offline"], env
        ),
        "import floor (langgraph.graph+chromadb)": lambda: _seconds(
            [py, "-c", "import langgraph.graph, chromadb"], env
        ),
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):  # taking turns, so a burst of load lands on all of them alike
        for name, run in commands.items():
            times[name].append(run())
    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"load average {os.getloadavg()[0]:.1f}; medians of {runs} fresh processes")
    for name, seconds in median.items():
        target = TARGETS.get(name)
        goal = f"  (target <= {target:g} s)" if target else ""
        print(f"{name:<42}{seconds:>7.2f} s{goal}")
    ratio = median["cold ask --offline"] / median["import floor (langgraph.graph+chromadb)"]
    print(f"{'cold ask / import floor':<42}{ratio:>7.2f} x  (target <= 1.3 x)")


if __name__ == "__main__":
    main()

"""Time to the TUI's first screen, side by side with `shirube --help` (fresh processes).

Run: .venv/bin/python -m benchmarks.startup [RUNS]
The child process starts the app through the real entry point (`shirube` with no command),
headless at 80×24, and stops the clock at textual's Ready (the first frame displayed); it also
says whether LangChain, LangGraph or Chroma were loaded by then (they belong in the workers that
start after the first frame).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent  # the venv this runs in (.venv/bin)
HEAVY = ("langchain_core", "langgraph", "chromadb")
CHILD = f"""
import os, sys, time
started = float(os.environ["SHIRUBE_BENCH_T0"])
import tui.app

run = tui.app.ShirubeApp.run


def headless(app, *args, **kwargs):
    return run(app, headless=True, size=(80, 24))


def on_ready(app):  # textual's Ready: the first frame has been displayed
    seconds = time.time() - started
    loaded = sorted({{m.split(".")[0] for m in sys.modules}} & set({HEAVY!r}))
    print(f"{{seconds:.3f}} {{time.process_time():.3f}} {{','.join(loaded) or '-'}}", flush=True)
    os._exit(0)  # the workers start after this frame: the clock has stopped


tui.app.ShirubeApp.run = headless
tui.app.ShirubeApp.on_ready = on_ready
sys.argv = ["shirube"]  # the real entry point, as a user starts it
from agent.cli.main import main

main()
"""


def first_screen(base: dict[str, str] | None = None, cwd: Path = REPO) -> tuple[float, float, str]:
    """Seconds to the TUI's first frame, CPU seconds by then, and the heavy modules loaded
    (run in `cwd`: this checkout or another one compared with it)."""
    env = {**(os.environ if base is None else base), "SHIRUBE_BENCH_T0": repr(time.time())}
    done = subprocess.run(
        [str(BIN / "python"), "-c", CHILD],
        capture_output=True,
        text=True,
        check=True,
        cwd=cwd,
        env=env,
    )
    seconds, cpu, loaded = done.stdout.split()[-3:]
    return float(seconds), float(cpu), loaded


def help_seconds() -> float:
    started = time.perf_counter()
    subprocess.run([str(BIN / "shirube"), "--help"], capture_output=True, check=True, cwd=REPO)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    runs = int(args[0]) if args else 5
    tui: list[float] = []
    helps: list[float] = []
    loaded = set()
    for _ in range(runs):  # taking turns, so a burst of load lands on both alike
        seconds, _, heavy = first_screen()
        tui.append(seconds)
        loaded.add(heavy)
        helps.append(help_seconds())
    print(f"load average: {os.getloadavg()[0]:.1f}; medians of {runs} fresh processes")
    print(f"{'TUI first screen (80x24)':<28}{statistics.median(tui):>7.2f} s  (target <= 1 s)")
    print(f"{'shirube --help':<28}{statistics.median(helps):>7.2f} s")
    print(f"{'ratio':<28}{statistics.median(tui) / statistics.median(helps):>7.2f} x")
    print(f"heavy modules loaded by the first screen: {', '.join(sorted(loaded))}")


if __name__ == "__main__":
    main()

"""Time to the TUI's first screen, side by side with `shirube --help` (fresh processes).

Run: .venv/bin/python -m benchmarks.startup [RUNS]
The child process starts the real app headless at 80×24 and stops the clock when the chat
screen has been drawn; it also says whether LangChain, LangGraph or Chroma were loaded by then
(they belong in the workers that start after the first screen).
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
from core.telemetry import turn_off_telemetry
turn_off_telemetry()  # as `shirube` does first, before it opens the app
from core.config import Settings
from tui.app import ShirubeApp
from tui.screens.chat import ChatScreen

async def first_screen(pilot):
    while not isinstance(pilot.app.screen, ChatScreen):
        await pilot.pause()
    await pilot.pause()  # one refresh: the screen is drawn
    seconds = time.time() - started
    loaded = sorted({{m.split(".")[0] for m in sys.modules}} & set({HEAVY!r}))
    print(f"{{seconds:.3f}} {{','.join(loaded) or '-'}}", flush=True)
    os._exit(0)  # the index worker may still be loading: the clock has stopped

app = ShirubeApp(settings=Settings(offline=True))
app.run(headless=True, size=(80, 24), auto_pilot=first_screen)
"""


def first_screen(base: dict[str, str] | None = None) -> tuple[float, str]:
    """Seconds to the TUI's first screen (and what heavy modules were loaded by then)."""
    env = {**(os.environ if base is None else base), "SHIRUBE_BENCH_T0": repr(time.time())}
    done = subprocess.run(
        [str(BIN / "python"), "-c", CHILD],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
        env=env,
    )
    seconds, loaded = done.stdout.split()[-2:]
    return float(seconds), loaded


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
        seconds, heavy = first_screen()
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

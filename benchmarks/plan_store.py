"""Saved plans under load: 20 concurrent clients reading and updating plans, SQLite vs PostgreSQL.

`python -m benchmarks.plan_store` (loopback only; PostgreSQL from Debian's binaries, started in a
temp dir as the team tier does). Each client has its own connection and runs a bounded loop:
read a plan, then change one action of a random plan (half the operations each). Prints
throughput and p50/p95 latency per backend; refused changes (another client changed the same
action first) are counted, never retried blindly.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

CLIENTS = 20
OPS_PER_CLIENT = 30
PLANS = 5


def _run(settings: object) -> dict[str, float]:
    from agent.interview import plan_service
    from agent.interview.plan_store import PlanConflict
    from tests.interview.plan_change import PROFILE

    ids = [f"bench{n:03d}" for n in range(PLANS)]
    with plan_service.opened(settings) as store:  # type: ignore[arg-type]
        for plan_id in ids:
            plan_service.save(store, plan_id, PROFILE, who="bench")
    latencies: list[float] = []
    refused = errors = 0
    lock = threading.Lock()
    start = threading.Barrier(CLIENTS + 1)

    def client(n: int) -> None:
        nonlocal refused, errors
        rng = random.Random(n)
        mine: list[float] = []
        with plan_service.opened(settings) as store:  # type: ignore[arg-type]
            start.wait()
            for i in range(OPS_PER_CLIENT):
                plan_id = rng.choice(ids)
                began = time.perf_counter()
                try:
                    if i % 2:
                        plan_service.load(store, plan_id)
                    else:
                        action, note = str(rng.randint(1, 18)), f"c{n}-{i}"
                        plan_service.set_progress(store, plan_id, action, evidence=note,
                                                  who=f"client{n}")  # fmt: skip
                except PlanConflict:
                    with lock:
                        refused += 1
                except Exception:
                    with lock:
                        errors += 1
                mine.append(time.perf_counter() - began)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - began
    latencies.sort()
    return {
        "ops": len(latencies),
        "ops_per_s": len(latencies) / wall,
        "p50_ms": 1000 * statistics.median(latencies),
        "p95_ms": 1000 * latencies[int(0.95 * (len(latencies) - 1))],
        "refused": refused,
        "errors": errors,
    }


def main() -> None:
    from core.config import Settings
    from tests.team.pg_server import binaries, fresh_database, postgres_server

    with tempfile.TemporaryDirectory() as home:
        rows = {"sqlite": _run(Settings(home=Path(home), offline=True))}
    if binaries() is None:
        print("PostgreSQL binaries not found: SQLite only (make test-team installs them).")
    else:
        with postgres_server() as server, tempfile.TemporaryDirectory() as home:
            url = fresh_database(server, f"bench_{uuid.uuid4().hex[:8]}")
            settings = Settings(home=Path(home), database_url=url, offline=True)
            rows["postgresql"] = _run(settings)
    print(f"{CLIENTS} clients x {OPS_PER_CLIENT} operations (half reads, half updates), "
          f"{PLANS} plans, loopback")  # fmt: skip
    print(f"{'backend':<11} {'ops/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'refused':>8} {'errors':>7}")
    for name, r in rows.items():
        print(f"{name:<11} {r['ops_per_s']:>7.1f} {r['p50_ms']:>8.1f} {r['p95_ms']:>8.1f} "
              f"{r['refused']:>8} {r['errors']:>7}")  # fmt: skip


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main()

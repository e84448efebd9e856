"""Print the live tier's report from what `make test-live` left in its output folder.

    python -m tests.live.report results/live
Reads agent.json (tests/live rows), eval/results.jsonl (`shirube eval --model`) and
shim-stats.json (only when the shim served the model).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

REFUSED = "The model's wording was not used"


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def agent_lines(rows: list[dict[str, Any]]) -> list[str]:
    in_scope = [r for r in rows if r["scope"] == "in"]
    model = [r for r in in_scope if r["mode"].startswith("model:")]
    refused = [r for r in in_scope if REFUSED in (r["notice"] or "")]
    fell_back = [r for r in in_scope if r["mode"] == "offline" and r not in refused]
    unchecked = [r for r in model if r["shown_problems"]] + [
        r for r in in_scope if not r["citations"]
    ]
    lines = [
        f"Agent questions (tests/live): {len(rows)} asked, {len(in_scope)} in scope",
        f"  answers under the model's checked opening: {len(model)}",
        f"  openings refused (the engine's answer alone, with a notice): {len(refused)}",
        f"  model unavailable (error, deadline, cap) -> the engine's answer: {len(fell_back)}",
        f"  answers shown with an unchecked opening or without citations: {len(unchecked)}",
    ]
    for r in refused + fell_back:
        lines.append(f"    - {r['question'][:60]!r}: {r['notice']}")
    return lines


def eval_lines(results: list[dict[str, Any]]) -> list[str]:
    model = [r for r in results if (r.get("mode") or "").startswith("model:")]
    offline = [r for r in results if r.get("mode") == "offline"]
    passed = sum(1 for r in results if r["status"] == "pass")
    return [
        f"Eval (shirube eval --model): {len(results)} cases, {passed} passed",
        f"  with the model's opening: {len(model)}; the engine's answer alone: {len(offline)}",
    ]


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "results/live")
    rows = _load(out / "agent.json") or []
    lines = agent_lines(rows)
    results_path = out / "eval" / "results.jsonl"
    if results_path.is_file():
        text = results_path.read_text(encoding="utf-8")
        lines += eval_lines([json.loads(x) for x in text.splitlines() if x.strip()])
    else:
        lines.append("Eval: no results (see the eval output above)")
    stats = _load(out / "shim-stats.json")
    if stats:
        lines.append(
            f"Shim (llama.cpp): {stats['chat_requests']} chat requests, {stats['errors']} errors"
        )
    bad = sum(1 for r in rows if r["scope"] == "in" and (r["shown_problems"] or not r["citations"]))
    lines.append(
        "Proof: every in-scope answer is the engine's cited answer, under an opening that passed "
        f"the prose check or alone: {'YES' if bad == 0 else f'NO ({bad} answers)'}"
    )
    print("\n".join(lines))
    return 0 if bad == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""`shirube sessions migrate --to postgresql://…`: copy this machine's saved plans to a team store.

Each plan moves with its version and its whole history, plus one line saying who moved it; a
plan already in the target is left alone, so running it twice copies each plan once.
"""

from __future__ import annotations

from pydantic import BaseModel

from agent.interview.plan_store import PlanStore, change


class Moved(BaseModel):
    copied: list[str]
    already_there: list[str]


def migrate(source: PlanStore, target: PlanStore, who: str, origin: str) -> Moved:
    """Copy every plan of `source` missing from `target` (`origin` names where it came from)."""
    copied, present = [], []
    for plan_id in source.ids():
        plan = source.get(plan_id)
        if plan is None:  # removed while we ran
            continue
        note = change(plan_id, who, f"moved in from {origin}")
        if target.adopt(plan, source.history(plan_id), note):
            copied.append(plan_id)
        else:
            present.append(plan_id)
    return Moved(copied=copied, already_there=present)

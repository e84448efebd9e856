"""Copy saved interviews and chat threads (registry row and every checkpoint) between stores.

Used by `shirube sessions migrate --to postgresql://…`. Each thread's checkpoints are copied
oldest first with their pending writes (an interview paused at a question keeps it), then its
registry row; a session whose row is already in the target is left alone, so a second run
copies nothing and a run cut short is finished by the next one.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from agent.interview import store

if TYPE_CHECKING:
    from langchain_core.runnables import RunnableConfig
    from langgraph.checkpoint.base import BaseCheckpointSaver, CheckpointTuple

    from agent.interview.store import Conn


class MovedSessions(BaseModel):
    copied: list[str]
    already_there: list[str]


def copy_sessions(source: Conn, target: Conn) -> MovedSessions:
    """Every session of `source` missing from `target`, with its whole checkpoint history."""
    have = {info.id for info in store.list_sessions(target)}
    src, dst = store.checkpointer(source), store.checkpointer(target)
    copied, present = [], []
    for info in reversed(store.list_sessions(source)):  # oldest first: the target lists alike
        if info.id in have:
            present.append(info.id)
            continue
        with store.reading(source, info.id), store.guard(target):
            _copy_thread(src, dst, info.id)
        store.adopt(target, info)  # last: a copy cut short has no row and is redone
        copied.append(info.id)
    return MovedSessions(copied=copied, already_there=present)


def _copy_thread(src: BaseCheckpointSaver[Any], dst: BaseCheckpointSaver[Any], tid: str) -> None:
    history: list[CheckpointTuple] = list(src.list({"configurable": {"thread_id": tid}}))
    for saved in reversed(history):  # listed newest first
        configurable = {
            "thread_id": tid,
            "checkpoint_ns": saved.config["configurable"].get("checkpoint_ns", ""),
        }
        if saved.parent_config is not None:
            configurable["checkpoint_id"] = saved.parent_config["configurable"]["checkpoint_id"]
        # Every channel's version: the target stores each value once (its blobs are shared).
        versions = dict(saved.checkpoint["channel_versions"])
        target: RunnableConfig = {"configurable": configurable}
        written = dst.put(target, saved.checkpoint, saved.metadata, versions)
        by_task: dict[str, list[tuple[str, Any]]] = defaultdict(list)
        for task_id, channel, value in saved.pending_writes or []:
            by_task[task_id].append((channel, value))
        for task_id, writes in by_task.items():
            dst.put_writes(written, writes, task_id)

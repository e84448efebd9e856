"""Where the interview goes after each node: pure routers, one per node, naming their targets.

Each router's `Literal[...]` return type is the node's set of out-edges, so the compiled graph's
drawing (`graph.get_graph().draw_mermaid()`) is the flow and a test can assert the edge set.
START → ask and prefill/map → ask are plain edges: they have one way on.
"""

from __future__ import annotations

from typing import Literal

from agent.interview.state import InterviewState, next_question_id, wants_prefill


def _ask_or_confirm(state: InterviewState) -> Literal["ask", "confirm"]:
    """The next unanswered (or revisited) question, else the profile summary."""
    return "ask" if next_question_id(state) else "confirm"


def after_ask(state: InterviewState) -> Literal["map", "prefill", "ask", "confirm"]:
    """An unreadable answer goes to the model; a new description to prefill; else onwards."""
    if state.get("unread"):
        return "map"
    if wants_prefill(state):
        return "prefill"
    return _ask_or_confirm(state)


def after_confirm(state: InterviewState) -> Literal["finish", "pick", "ask", "confirm"]:
    """yes writes the plan, no picks an answer to change, a number or back asks it again."""
    if state.get("confirmed"):
        return "finish"
    if state.get("stage") == "pick":
        return "pick"
    return _ask_or_confirm(state)


def after_pick(state: InterviewState) -> Literal["pick", "ask", "confirm"]:
    """A picked answer is asked again; 'back' returns to the summary; a bad pick asks again."""
    if state.get("stage") == "pick":
        return "pick"
    return _ask_or_confirm(state)

"""The Q&A graph: guard → understand → route → (search) → compose, or the model path → verify."""

from __future__ import annotations

from functools import cache

from langgraph.graph import END, START, StateGraph
from langgraph.graph.state import CompiledStateGraph

from agent.answer.nodes import compose_node, route_query, search_node, understand_node
from agent.nodes.answer import call_model, prompt, repair, route_model, run_tools
from agent.nodes.final import final
from agent.nodes.guard import guard, out_of_scope, route_guard
from agent.nodes.retrieve import retrieve, route_answer
from agent.nodes.verify import route_verify, verify
from agent.offline import offline_answer
from agent.state import QAContext, QAInput, QAState

# guard, retrieve, prompt, then up to 4 tool rounds (2 steps each) and 1 repair, plus slack:
# a hard stop well above any legitimate run, so a looping model can never hang a question.
RECURSION_LIMIT = 40


def build_graph() -> StateGraph:
    graph = StateGraph(QAState, context_schema=QAContext, input_schema=QAInput)
    graph.add_node("guard", guard)
    graph.add_node("out_of_scope", out_of_scope)
    graph.add_node("retrieve", retrieve)
    graph.add_node("prompt", prompt)
    graph.add_node("model", call_model)
    graph.add_node("tools", run_tools)
    graph.add_node("verify", verify)
    graph.add_node("repair", repair)
    graph.add_node("final", final)
    graph.add_node("understand", understand_node)
    graph.add_node("search", search_node)
    graph.add_node("compose", compose_node)
    graph.add_node("offline", offline_answer)

    graph.add_edge(START, "guard")
    graph.add_conditional_edges("guard", route_guard)
    graph.add_conditional_edges(
        "understand",
        route_query,
        {"retrieve": "retrieve", "search": "search", "compose": "compose"},
    )
    graph.add_edge("search", "compose")
    graph.add_conditional_edges("retrieve", route_answer)
    graph.add_edge("prompt", "model")
    graph.add_conditional_edges("model", route_model)
    graph.add_edge("tools", "model")
    graph.add_conditional_edges("verify", route_verify)
    graph.add_edge("repair", "model")
    graph.add_edge("final", END)
    graph.add_edge("offline", END)
    graph.add_edge("compose", END)
    graph.add_edge("out_of_scope", END)
    return graph


@cache
def qa_graph() -> CompiledStateGraph:
    """Compiled once per process; single-turn, so no checkpointer (chat threads add one)."""
    return build_graph().compile()

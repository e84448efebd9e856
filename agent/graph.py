"""The Q&A graph: guard → understand → (search) → compose → (phrase) → END.

One engine for the offline path and the model path: the model only phrases an opening over the
facts the engine selected (agent/answer/phrase.py); it never is the source of law.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

from langgraph.graph import END, START, StateGraph
from langgraph.graph.state import CompiledStateGraph

from agent.answer.guard import guard, out_of_scope, route_guard
from agent.answer.nodes import compose_node, route_query, search_node, understand_node
from agent.answer.phrase import phrase_node
from agent.state import QAContext, QAInput, QAState

# Six steps at most; the limit only guards against a wiring mistake looping.
RECURSION_LIMIT = 20


def route_phrase(state: QAState) -> Literal["phrase", "__end__"]:
    """Pure: a model phrases the opening when one is in use."""
    return "phrase" if state.get("use_model") else "__end__"  # END, spelled as its Literal


def build_graph() -> StateGraph[QAState, QAContext, QAInput, QAState]:
    graph = StateGraph(QAState, context_schema=QAContext, input_schema=QAInput)
    graph.add_node("guard", guard)
    graph.add_node("out_of_scope", out_of_scope)
    graph.add_node("understand", understand_node)
    graph.add_node("search", search_node)
    graph.add_node("compose", compose_node)
    graph.add_node("phrase", phrase_node)

    graph.add_edge(START, "guard")
    graph.add_conditional_edges("guard", route_guard)
    graph.add_conditional_edges("understand", route_query)
    graph.add_edge("search", "compose")
    graph.add_conditional_edges("compose", route_phrase)
    graph.add_edge("phrase", END)
    graph.add_edge("out_of_scope", END)
    return graph


@cache
def qa_graph() -> CompiledStateGraph[QAState, QAContext, QAInput, QAState]:
    """Compiled once per process; single-turn, so no checkpointer (chat threads add one)."""
    return build_graph().compile()

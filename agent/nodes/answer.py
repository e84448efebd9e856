"""The model path: prompt, call the chat model with tools bound, run its tool calls, repair."""

from __future__ import annotations

import json
import logging
import time
from typing import Any, Literal

from langchain_core.messages import AIMessage, HumanMessage, SystemMessage, ToolMessage
from langgraph.runtime import Runtime
from pydantic import ValidationError

from agent.errors import UsageError
from agent.prompts import answer_prompt, repair_prompt, system_prompt
from agent.state import QAContext, QAState

log = logging.getLogger(__name__)

MAX_TOOL_ITERATIONS = 4
MAX_TOOL_CALLS_PER_REPLY = 6  # a model asking for dozens of calls at once is looping, not working
CONTEXT_CHARS = 700  # per passage: enough for a card answer, small enough for a 7B context


def context_text(state: QAState) -> str:
    seen: set[str] = set()
    lines: list[str] = []
    for passages in state.get("part_passages", []):
        for p in passages:
            if p.id in seen:
                continue
            seen.add(p.id)
            where = ", ".join(x for x in (p.source_id, p.section, p.legal_force) if x)
            lines.append(f"[{p.id}] {p.title} ({where}): {p.text[:CONTEXT_CHARS]}")
    return "\n".join(lines)


def prompt(state: QAState) -> QAState:
    messages: list[Any] = [SystemMessage(system_prompt())]
    for asked, answered in state.get("history", []):
        messages += [HumanMessage(asked), AIMessage(answered)]
    messages.append(HumanMessage(answer_prompt(state["question"], context_text(state))))
    return {
        "messages": messages,
        "tool_iterations": 0,
        "repairs": 0,
        "tools_called": [],
        "model_seconds": 0.0,
    }


def _malformed(reply: AIMessage, names: set[str]) -> str | None:
    if reply.invalid_tool_calls:
        return "the model sent a malformed tool call"
    for call in reply.tool_calls:
        if call["name"] not in names or not isinstance(call.get("args"), dict):
            return f"the model called an unknown or malformed tool '{call['name']}'"
    return None


def call_model(state: QAState, runtime: Runtime[QAContext]) -> QAState:
    # The model stack (ollama, langchain tools) loads only when a model is really called.
    from agent.model import MODEL_ERRORS, describe_error
    from agent.model_limits import AnswerDeadline
    from agent.nodes.tools import all_tools

    context = runtime.context
    assert context.chat_model is not None  # route_answer sends here only with a model
    tools = all_tools(context.settings)
    # One deadline for the whole answer: tool rounds and repairs share it.
    spent = state.get("model_seconds", 0.0)
    left = context.settings.answer_deadline - spent
    if left <= 0:
        return {"model_error": describe_error(AnswerDeadline(), context.settings)}
    started = time.monotonic()
    try:
        reply = context.chat_model.bind_tools(tools).invoke(state["messages"], deadline=left)
    except MODEL_ERRORS as exc:
        log.info("model call failed: %r", exc)
        return {"model_error": describe_error(exc, context.settings)}
    spent += time.monotonic() - started
    if not isinstance(reply, AIMessage):
        return {"model_error": "the model sent no message"}
    problem = _malformed(reply, {t.name for t in tools})
    if problem:
        return {"model_error": problem}
    if reply.tool_calls and state.get("tool_iterations", 0) >= MAX_TOOL_ITERATIONS:
        # Small models loop on tools: past the cap the offline composer answers instead.
        return {
            "model_error": f"the model made more than {MAX_TOOL_ITERATIONS} rounds of tool calls"
        }
    draft = None if reply.tool_calls else reply.text
    return {"messages": [reply], "draft": draft, "model_seconds": spent}


def run_tools(state: QAState, runtime: Runtime[QAContext]) -> QAState:
    from agent.nodes.tools import all_tools, ids_in

    tools = {t.name: t for t in all_tools(runtime.context.settings)}
    last = state["messages"][-1]
    assert isinstance(last, AIMessage)
    results: list[ToolMessage] = []
    called = list(state.get("tools_called", []))
    found = set(state.get("tool_ids", []))
    for position, call in enumerate(last.tool_calls):
        if position >= MAX_TOOL_CALLS_PER_REPLY:
            # A flood of calls in one reply is refused past the cap, each one answered.
            output: Any = f"Tool error: more than {MAX_TOOL_CALLS_PER_REPLY} calls in one reply"
        else:
            try:
                output = tools[call["name"]].invoke(call["args"])
                called.append(call["name"])  # only calls that ran with valid arguments
            except (ValidationError, ValueError, TypeError, KeyError, UsageError) as exc:
                # Bad arguments from the model: the tool result says so and it may retry.
                output = f"Tool error: {exc}"
        content = output if isinstance(output, str) else json.dumps(output, default=str)
        found |= ids_in(content)
        results.append(ToolMessage(content=content, tool_call_id=call["id"] or call["name"]))
    return {
        "messages": results,
        "tools_called": called,
        "tool_ids": sorted(found),
        "tool_iterations": state.get("tool_iterations", 0) + 1,
    }


def repair(state: QAState) -> QAState:
    return {
        "messages": [HumanMessage(repair_prompt(state.get("problems", [])))],
        "repairs": state.get("repairs", 0) + 1,
    }


def route_model(state: QAState) -> Literal["tools", "verify", "offline"]:
    if state.get("model_error"):
        return "offline"
    last = state["messages"][-1]
    if isinstance(last, AIMessage) and last.tool_calls:
        return "tools"
    return "verify"

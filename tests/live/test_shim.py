"""The shim's translation between the Ollama API and a chat template (no model needed)."""

from __future__ import annotations

from tests.live.ollama_shim import parse_tool_calls, to_llama_messages

NAMES = {"search_knowledge", "lookup_triggers"}
ARGS = {"query": "x"}


def test_tagged_tool_call_becomes_an_ollama_tool_call() -> None:
    call = '{"name": "search_knowledge", "arguments": {"query": "Art. 13"}}'
    text = f"Sure.\n<tool_call>{call}</tool_call>"
    assert parse_tool_calls(text, NAMES) == [
        {"function": {"name": "search_knowledge", "arguments": {"query": "Art. 13"}}}
    ]


def test_bare_json_call_is_accepted_but_prose_and_unknown_tools_are_not() -> None:
    bare = '{"name": "lookup_triggers", "parameters": {"personal_data": "personal"}}'
    assert parse_tool_calls(bare, NAMES) == [
        {"function": {"name": "lookup_triggers", "arguments": {"personal_data": "personal"}}}
    ]
    assert parse_tool_calls("The Act is Act No. 53 of 2025 [ai_promotion_act].", NAMES) == []
    assert (
        parse_tool_calls('<tool_call>{"name": "rm_rf", "arguments": {}}</tool_call>', NAMES) == []
    )
    assert parse_tool_calls("<tool_call>{not json}</tool_call>", NAMES) == []


def test_tools_and_tool_turns_are_rendered_for_a_template_without_tools() -> None:
    body = {
        "messages": [
            {"role": "system", "content": "Be exact."},
            {"role": "user", "content": "Q"},
            {
                "role": "assistant",
                "content": "",
                "tool_calls": [
                    {"function": {"name": "search_knowledge", "arguments": {"query": "x"}}}
                ],
            },
            {"role": "tool", "content": '[{"id": "aigfb"}]', "tool_name": "search_knowledge"},
        ],
        "tools": [{"type": "function", "function": {"name": "search_knowledge", "parameters": {}}}],
    }
    out = to_llama_messages(body)
    assert [m["role"] for m in out] == ["system", "user", "assistant", "user"]
    assert out[0]["content"].startswith("Be exact.\n\nYou can call these tools.")
    assert '"name": "search_knowledge"' in out[0]["content"]
    assert out[2]["content"] == (
        '<tool_call>{"name": "search_knowledge", "arguments": {"query": "x"}}</tool_call>'
    )
    assert out[3]["content"] == 'Tool result:\n[{"id": "aigfb"}]'

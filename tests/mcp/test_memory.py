"""100 sequential calls in one session: memory stays flat (no per-call state kept)."""

from __future__ import annotations

import gc
import tracemalloc

from mcp import Client

from agent.mcp.server import ShirubeServer
from tests.mcp.conftest import with_client

CALLS = 100
WARM_UP = 12
# About 45 kB is noise; keeping each small result alive costs about 850 kB per 100 calls.
MAX_GROWTH_BYTES = 512 * 1024
QUESTIONS = [
    "Does Japan's AI Act have penalties?",
    "Who enforces privacy rules for AI in Japan?",
    "Is the AI Guidelines for Business binding?",
    "When did the AI Promotion Act take effect?",
]
# Small results: the cost under tracemalloc is the SDK validating large ones, not Shirube.
ENTITIES = [
    ("ai_promotion_act", "penalty"),
    ("PPC", "who"),
    ("AIGfB", "legal_force"),
    ("APPI", "scope"),
]


def test_100_calls_do_not_grow_memory(server: ShirubeServer) -> None:
    async def calls(client: Client, count: int) -> None:
        for n in range(count):
            if n % 2:
                result = await client.call_tool("ask", {"question": QUESTIONS[n % 4]})
            else:
                entity, facet = ENTITIES[n % 4]
                result = await client.call_tool("lookup_facts", {"entity": entity, "facet": facet})
            assert not result.is_error

    async def body(client: Client) -> int:
        await calls(client, WARM_UP)  # caches (rule base, reader, index) fill here
        gc.collect()
        tracemalloc.start()
        try:
            before = tracemalloc.get_traced_memory()[0]
            await calls(client, CALLS)
            gc.collect()
            return tracemalloc.get_traced_memory()[0] - before
        finally:
            tracemalloc.stop()

    grown = with_client(server, body)
    assert grown < MAX_GROWTH_BYTES, f"memory grew by {grown} bytes over {CALLS} calls"

"""The offline answer every engine test reads: `offline(question)` asks with no model."""

from __future__ import annotations

import pytest

from agent.qa import ask


@pytest.fixture(scope="module")
def offline(session_home: object):  # type: ignore[no-untyped-def]
    def run(question: str, **kwargs: object):  # type: ignore[no-untyped-def]
        return ask(question, offline=True, **kwargs)  # type: ignore[arg-type]

    return run

"""The model's reading of a question (structured output), used only where the engine's own is blank.

The model names what each part asks about in words; the engine's linker turns the words into
entities, so the model can point at the rule base but never add to it. Any failure (no model, a
malformed or invalid reply, a deadline) leaves the deterministic `Query` as it was.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from agent.answer.query import Query
from agent.answer.reader import Reader
from agent.answer.understand import route_part
from agent.prompts import understand_prompt
from knowledge.schema import Facet

log = logging.getLogger(__name__)


class ProposedPart(BaseModel):
    model_config = ConfigDict(extra="ignore")

    text: str = Field(min_length=1, max_length=2000)
    about: list[str] = Field(default_factory=list, max_length=8)
    facet: Facet = Facet.what
    yes_no: bool = False


class Proposal(BaseModel):
    """What the model is asked to return (its JSON schema is sent as Ollama's `format`)."""

    model_config = ConfigDict(extra="ignore")

    parts: list[ProposedPart] = Field(min_length=1, max_length=4)


def blank_parts(query: Query) -> list[int]:
    """Parts the engine could not link to anything: the only ones a proposal may fill."""
    if query.use_case:
        return []
    return [n for n, part in enumerate(query.parts) if not part.entities and not part.premises]


def _messages(question: str) -> list[Any]:
    from langchain_core.messages import HumanMessage, SystemMessage

    return [SystemMessage(understand_prompt()), HumanMessage(f"Message: {question}")]


def ask_model(model: Any, question: str, **limits: Any) -> Proposal | None:
    """The model's proposal, or None when it fails or does not fit the schema."""
    from agent.model import MODEL_ERRORS

    schema = Proposal.model_json_schema()
    try:
        reply = model.invoke(_messages(question), format=schema, **limits)
        raw = str(getattr(reply, "text", "") or getattr(reply, "content", ""))
        return Proposal.model_validate(json.loads(raw))
    except MODEL_ERRORS as exc:  # malformed JSON is a ValueError, a bad shape a ValidationError
        log.info("model reading not used: %r", exc)
        return None


def _closest(text: str, proposal: Proposal) -> ProposedPart:
    words = set(text.lower().split())
    return max(proposal.parts, key=lambda p: len(words & set(p.text.lower().split())))


def fill_blanks(query: Query, proposal: Proposal, reader: Reader) -> Query:
    """The query with each blank part read from the proposal part closest to it in words."""
    filled = query.model_copy(deep=True)
    for n in blank_parts(query):
        part = filled.parts[n]
        proposed = _closest(part.text, proposal)
        linked = [e for name in proposed.about for e in reader.linker.link(name)]
        if not linked:
            continue
        part.entities = list(dict.fromkeys(linked))
        part.facet = proposed.facet
        part.yes_no = part.yes_no or proposed.yes_no
        part.route = route_part(part, reader)
    return filled

"""Verify a model's draft against the rule base before anything reaches the user."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from typing import Literal

from agent.facts import KnownFacts, articles_in, dates_in, known_facts, versions_in
from agent.prompts import canary, repeats_system_prompt
from agent.scope_data import CompiledScope, scope
from agent.state import QAState
from knowledge.loader import load_rule_base
from knowledge.schema import LegalForce

log = logging.getLogger(__name__)

CITATION = re.compile(r"\[([A-Za-z0-9_:.\-/]+)\]")
SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
CANARY_PROBLEM = "the answer leaks the system prompt's canary"
PROMPT_LEAK_PROBLEM = "the answer repeats the system prompt"
MAX_REPAIRS = 1
# Which legal forces a claim may be made of.
MAY_BIND = {LegalForce.binding_hard_law, LegalForce.binding_no_penalty}
MAY_PENALISE = {LegalForce.binding_hard_law}


def cited_ids(text: str) -> list[str]:
    return CITATION.findall(text)


def _nearest_instrument(sentence: str, at: int, rules: CompiledScope) -> tuple[str, ...]:
    """Sources named closest before the claim word (else first after it) in the sentence."""
    before: tuple[int, tuple[str, ...]] | None = None
    after: tuple[int, tuple[str, ...]] | None = None
    for pattern, sources in rules.aliases:
        for match in pattern.finditer(sentence):
            if match.end() <= at and (before is None or match.end() > before[0]):
                before = (match.end(), sources)
            elif match.start() >= at and (after is None or match.start() < after[0]):
                after = (match.start(), sources)
    chosen = before or after
    return chosen[1] if chosen else ()


def legal_force_problems(text: str) -> list[str]:
    """Sentences that call non-binding instruments binding, or attach fines to them."""
    rules = scope()
    forces = {sid: s.legal_force for sid, s in load_rule_base().sources.items()}
    problems: list[str] = []
    for sentence in SENTENCE.split(text):
        if rules.negation.search(sentence):
            continue  # "not binding", "no fines": agreeing statements, not claims
        for claim, allowed, word in (
            (rules.binding, MAY_BIND, "binding"),
            (rules.penalty, MAY_PENALISE, "backed by fines or penalties"),
        ):
            for match in claim.finditer(sentence):
                sources = _nearest_instrument(sentence, match.start(), rules)
                wrong = [s for s in sources if s in forces and forces[s] not in allowed]
                if wrong:
                    problems.append(f"says {'/'.join(wrong)} is {word}: '{sentence.strip()}'")
    return problems


def check(text: str, allowed_ids: Iterable[str], facts: KnownFacts | None = None) -> list[str]:
    """Every problem with a draft; an empty list means it may be shown."""
    facts = facts or known_facts()
    problems: list[str] = []
    if canary() in text:
        return [CANARY_PROBLEM]
    if repeats_system_prompt(text):
        return [PROMPT_LEAK_PROBLEM]
    allowed = set(allowed_ids)
    cited = cited_ids(text)
    if not cited:
        problems.append("the answer cites nothing")
    problems += [f"cites '{c}', which was not retrieved" for c in cited if c not in allowed]
    problems += [
        f"date {d.isoformat()} is not in the rule base"
        for d in dates_in(text)
        if d not in facts.dates
    ]
    problems += [
        f"version {v} is not in the rule base" for v in versions_in(text) if v not in facts.versions
    ]
    problems += [
        f"Art. {a} is not in the rule base" for a in articles_in(text) if a not in facts.articles
    ]
    return problems + legal_force_problems(text)


def allowed_ids(state: QAState) -> set[str]:
    ids = set(state.get("tool_ids", []))
    for passages in state.get("part_passages", []):
        for p in passages:
            ids.update(x for x in (p.id, p.ref_id, p.source_id) if x)
    return ids


def verify(state: QAState) -> QAState:
    problems = check(state.get("draft") or "", allowed_ids(state))
    if problems:
        log.warning("model answer failed verification: %s", "; ".join(problems))
    return {"problems": problems}


def route_verify(state: QAState) -> Literal["final", "repair", "offline"]:
    problems = state.get("problems", [])
    if not problems:
        return "final"
    leaked = CANARY_PROBLEM in problems or PROMPT_LEAK_PROBLEM in problems
    if leaked or state.get("repairs", 0) >= MAX_REPAIRS:
        return "offline"
    return "repair"

"""A first sentence on binding force or penalties, from the named instrument's legal_force.

"Is the AI Basic Plan binding?" must be answered by the rule base's legal force for that plan,
not by whatever the best-matching card happens to open with. Wording lives in
knowledge/data/legal_force_answers.yaml; this module only picks it.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict

from agent.scope_data import scope
from knowledge.loader import load_rule_base
from knowledge.schema import LegalForce

ANSWERS_FILE = (
    Path(__file__).resolve().parent.parent / "knowledge" / "data" / "legal_force_answers.yaml"
)
PAREN = re.compile(r"\s*\([^)]*\)")
LEAD_INTENTS = ("penalty", "binding")  # a question asking both is answered on penalties


class Template(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    yes_no: str
    says: str


class LegalForceAnswers(BaseModel):
    """One template per legal-force value, for each kind of question (every value required)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    asks: dict[str, str]
    binding: dict[LegalForce, Template]
    penalty: dict[LegalForce, Template]

    def model_post_init(self, _: object) -> None:
        for kind in ("binding", "penalty"):
            missing = set(LegalForce) - set(getattr(self, kind))
            if missing:
                names = ", ".join(sorted(missing))
                raise ValueError(f"{ANSWERS_FILE.name}: '{kind}' lacks {names}")
        if set(self.asks) != set(LEAD_INTENTS):
            raise ValueError(f"{ANSWERS_FILE.name}: 'asks' needs exactly {', '.join(LEAD_INTENTS)}")
        for pattern in self.asks.values():
            re.compile(pattern)


def lead_intents(question: str) -> set[str]:
    """The binding/penalty questions a question asks (legal_force_answers.yaml `asks`)."""
    asks = answers().asks.items()
    return {kind for kind, pattern in asks if re.search(pattern, question, re.IGNORECASE)}


class Lead(BaseModel):
    """The opening sentence and the source it is cited to."""

    model_config = ConfigDict(frozen=True)

    text: str
    source: str
    intent: str


@cache
def answers() -> LegalForceAnswers:
    raw = yaml.safe_load(ANSWERS_FILE.read_text(encoding="utf-8"))
    return LegalForceAnswers.model_validate(raw)


def named_source(question: str) -> str | None:
    """The one source the question names, else None (none, or more than one).

    A generic alias inside a more specific one ("guidelines" in "AI Guidelines for Business")
    does not count as a second instrument.
    """
    found = [
        (m.span(), sources)
        for pattern, sources in scope().aliases
        for m in pattern.finditer(question)
    ]
    kept = [
        sources
        for span, sources in found
        if not any(
            other != span and other[0] <= span[0] and span[1] <= other[1] for other, _ in found
        )
    ]
    ids = {sid for sources in kept for sid in sources}
    return ids.pop() if len(ids) == 1 else None


def _agrees(card_yes_no: str, template_yes_no: str) -> bool:
    says_yes = bool(re.search(r"\byes\b", card_yes_no, re.IGNORECASE))
    return says_yes == template_yes_no.lower().startswith("yes")


def legal_force_lead(question: str, yes_no: bool, card_yes_no: str | None = None) -> Lead | None:
    """The opening for a binding-force or penalty question naming exactly one instrument.

    A card written for this very question may qualify the yes/no ("Not directly."); its
    wording is kept when it points the same way as the legal force.
    """
    intents = lead_intents(question)
    intent = next((i for i in LEAD_INTENTS if i in intents), None)
    source_id = named_source(question) if intent else None
    if intent is None or source_id is None:
        return None
    source = load_rule_base().sources.get(source_id)
    if source is None:
        return None
    template: Template = getattr(answers(), intent)[source.legal_force]
    says = template.says.format(name=PAREN.sub("", source.short_name))
    opening = template.yes_no
    if card_yes_no and _agrees(card_yes_no, opening):
        opening = card_yes_no
    parts = [opening if yes_no else "", says, source.legal_force_note or ""]
    return Lead(text=" ".join(p for p in parts if p), source=source_id, intent=intent)

"""The first sentence of a use-case answer: the kind of ask (can we…? is it illegal…? what
applies?) picks the lead template in knowledge/data/use_case_leads.yaml, so a yes/no question is
answered yes or no before the layers are listed."""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cache
from pathlib import Path

import yaml
from pydantic import Field, field_validator

from agent.answer.phrasebook import phrasebook
from knowledge.loader import DATA_DIR
from knowledge.schema import Strict, compiles

LEADS_FILE = DATA_DIR / "use_case_leads.yaml"


class AskKind(StrEnum):
    applies = "applies"
    permission = "permission"
    forbidden = "forbidden"


class KindCues(Strict):
    kind: AskKind
    cues: list[str] = Field(min_length=1)

    _check = field_validator("cues")(lambda v: [compiles(p) for p in v])


class Leads(Strict):
    applies: str
    permission: str
    permission_binding: str
    forbidden: str
    forbidden_binding: str

    def pick(self, kind: AskKind, binding: bool) -> str:
        """The template for this kind of ask; the `_binding` one when hard law binds the use."""
        if kind is AskKind.applies:
            return self.applies
        return str(getattr(self, f"{kind.value}_binding" if binding else kind.value))


class LeadFile(Strict):
    kinds: list[KindCues] = Field(min_length=1)
    no_ban_fact: str = Field(description="The fact id a yes/no lead's 'bans nothing' rests on.")
    leads: Leads
    leads_ja: Leads


def load_leads(path: Path = LEADS_FILE) -> LeadFile:
    return LeadFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


@cache
def _compiled() -> tuple[LeadFile, list[tuple[AskKind, re.Pattern[str]]]]:
    data = load_leads()
    kinds = [
        (k.kind, re.compile("|".join(f"(?:{c})" for c in k.cues), re.IGNORECASE))
        for k in data.kinds
    ]
    return data, kinds


def lead_file() -> LeadFile:
    return _compiled()[0]


def ask_kind(question: str) -> AskKind:
    """The kind of the question's first yes/no part (the earliest cue in it); `applies` when
    no part is a yes/no question or none of its words is a cue."""
    book = phrasebook()
    parts = [p.strip() for p in book.splitter.split(question) if p and p.strip()]
    for part in parts:
        if not book.yes_no.search(part):
            continue
        found = [(m.start(), kind) for kind, cue in _compiled()[1] if (m := cue.search(part))]
        return min(found, key=lambda hit: hit[0])[1] if found else AskKind.applies
    return AskKind.applies

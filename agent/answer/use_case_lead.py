"""The first sentence of a use-case answer: the kind of ask (can we…? is it illegal…? what
applies?) picks the lead template in knowledge/data/use_case_leads.yaml, so a yes/no question is
answered yes or no before the layers are listed."""

from __future__ import annotations

import re

from agent.answer.phrasebook import phrasebook
from knowledge.defaults import derived
from knowledge.loader import DATA_DIR, load_rule_base
from knowledge.schema.answers import AskKind, LeadFile

LEADS_FILE = DATA_DIR / "use_case_leads.yaml"


YES_NO_KINDS = (AskKind.permission, AskKind.forbidden)


def load_leads() -> LeadFile:
    return load_rule_base().document(LEADS_FILE.name, LeadFile)


@derived
def _compiled() -> tuple[LeadFile, list[tuple[AskKind, re.Pattern[str]]]]:
    data = load_leads()
    kinds = [
        (k.kind, re.compile("|".join(f"(?:{c})" for c in k.cues), re.IGNORECASE))
        for k in data.kinds
    ]
    return data, kinds


def lead_file() -> LeadFile:
    return _compiled()[0]


def asks_for_a_rule_ja(before: str) -> bool:
    """Whether the Japanese words before an 'is there …?' name a rule ('…規制は'), so the
    question asks whether that rule exists, not whether the use is a problem."""
    return re.search(lead_file().rule_asked_ja, before) is not None


def ask_kind(question: str) -> AskKind:
    """The kind of the question's first yes/no part (the earliest yes/no cue in it); otherwise
    'what to do' when a part asks it; otherwise `applies`."""
    book = phrasebook()
    parts = [p.strip() for p in book.splitter.split(question) if p and p.strip()]
    cues = _compiled()[1]
    for part in parts:
        if not book.yes_no.search(part):
            continue
        found = [(m.start(), k) for k, cue in cues if k in YES_NO_KINDS and (m := cue.search(part))]
        return min(found, key=lambda hit: hit[0])[1] if found else AskKind.applies
    asks_to_do = any(k is AskKind.to_do and cue.search(question) for k, cue in cues)
    return AskKind.to_do if asks_to_do else AskKind.applies

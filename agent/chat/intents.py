"""knowledge/data/chat_intents.yaml, compiled: personalised intents and follow-up words."""

from __future__ import annotations

import re

from knowledge.defaults import derived
from knowledge.loader import DATA_DIR, load_rule_base
from knowledge.schema.chat import IntentData

INTENTS_FILE = DATA_DIR / "chat_intents.yaml"  # the packaged one (RuleBase.data_file)


class CompiledIntents:
    """The intent patterns and follow-up words as compiled regular expressions."""

    def __init__(self, data: IntentData) -> None:
        self.data = data
        self.answers = {intent.id: intent.answer for intent in data.intents}
        we = f"(?:{data.first_person_ja})"
        self.intents = [
            (
                intent.id,
                _any([*intent.patterns, *(p.replace("{we}", we) for p in intent.patterns_ja)]),
            )
            for intent in data.intents
        ]
        self.openings = _any(data.followup_openings)
        self.referring = _any(data.referring_words)
        self.audience = _any(data.audience_terms)
        self.strong = _words(data.strong_pronouns)
        self.substitute = _words(data.substitutes)
        self.possessives = frozenset(data.possessives)
        # Anchored by re.match at the fragment's start, so no leading \b.
        self.preposition = re.compile(rf"({'|'.join(data.prepositions)})\b", re.IGNORECASE)


def _words(words: list[str]) -> re.Pattern[str]:
    """Any of `words` as a whole word, captured as group 1."""
    return re.compile(rf"\b({'|'.join(map(re.escape, words))})\b", re.IGNORECASE)


def _any(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@derived
def chat_intents() -> CompiledIntents:
    return CompiledIntents(load_rule_base().document(INTENTS_FILE.name, IntentData))


def match_intent(question: str) -> str | None:
    """The personalised intent a question asks for (an id in chat_intents.yaml) or None."""
    for intent_id, pattern in chat_intents().intents:
        if pattern.search(question):
            return intent_id
    return None

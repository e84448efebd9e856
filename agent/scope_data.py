"""knowledge/data/scope.yaml, compiled: patterns for the guard, the composer and the verifier
(the model: knowledge/schema/scope.py, which kb check validates the file with)."""

from __future__ import annotations

import re

from knowledge.defaults import derived
from knowledge.loader import DATA_DIR, load_rule_base
from knowledge.schema.scope import InstructionClauses, ScopeData

SCOPE_FILE = DATA_DIR / "scope.yaml"  # the packaged one; a rule base reads its own (data_file)


def _any(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _question_label(words: InstructionClauses) -> re.Pattern[str] | None:
    """A label put before the real question ('Question:', '質問：'), with its colon."""
    if not words.labels:
        return None
    labels = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words.labels)
    return re.compile(r"(?<![\w-])(?:" + labels + r")\s*[:：]\s*", re.IGNORECASE)


def _instruction_ends(words: InstructionClauses) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(sentence, clause): the boundaries an instruction ends at, each one capturing group.

    Sentences, and clauses after a Japanese comma or ', then' (an instruction is often the first
    half of one sentence); within one sentence, an order joined to the question by 'and' or
    ended by a te-form."""
    asking = "(?:" + "|".join(map(re.escape, words.asking)) + r")\b"
    sequel, joiner = re.escape(words.sequel), re.escape(words.joiner)
    sentence = r"((?<=[.!?:;。？！、：])\s*|,\s*(?=" + sequel + r"\s+" + asking + "))"
    ends = "".join(f"|(?<={re.escape(end)})" for end in words.ends_ja)
    clause = r"(\s+" + joiner + r"\s+(?=(?:" + sequel + r"\s+)?" + asking + ")" + ends + ")"
    return re.compile(sentence), re.compile(clause)


class CompiledScope:
    """Regular expressions built once from the scope data."""

    def __init__(self, data: ScopeData) -> None:
        self.japan = _any(data.japan_terms)
        self.instrument = _any(data.japan_instruments)
        self.topic = _any(data.topic_terms)
        self.ai = _any(data.ai_terms) if data.ai_terms else None
        self.use_case = _any(data.use_case_terms) if data.use_case_terms else None
        self.other = _any(data.other_jurisdictions)
        anywhere = "|".join(f"(?:{p})" for p in data.other_jurisdictions)
        places = [p.replace("{place}", anywhere) for p in data.jurisdiction_as_place]
        self.place = _any(places) if places else None
        self.injection = _any(data.injection_patterns)
        self.sentence, self.clause = _instruction_ends(data.instruction_clauses)
        self.question_label = _question_label(data.instruction_clauses)
        self.splitter = _any(data.part_splitters)
        self.yes_no = _any(data.yes_no_openings)
        self.aliases = [
            (re.compile(a.pattern, re.IGNORECASE), tuple(a.sources))
            for a in data.instrument_aliases
        ]
        self.binding = re.compile(data.binding_claim, re.IGNORECASE)
        self.penalty = re.compile(data.penalty_claim, re.IGNORECASE)
        self.negation = re.compile(data.negations, re.IGNORECASE)
        self.out_of_scope_message = data.out_of_scope_message
        self.injection_message = data.injection_message
        self.injection_ignored_notice = data.injection_ignored_notice
        self.data = data
        self.intents = [
            (i.name, re.compile(i.question, re.IGNORECASE), re.compile(i.fact, re.IGNORECASE))
            for i in data.question_intents
        ]
        self.glossary = [(re.compile(g.pattern), g.english) for g in data.glossary]
        self.law_names = [re.compile(p, re.IGNORECASE) for p in data.law_names]
        self.data_terms = _any(data.data_terms) if data.data_terms else None

    def said(self, message: str, lang: str) -> str:
        """One of the three messages (out_of_scope_message, injection_message,
        injection_ignored_notice) in `lang`, on one line."""
        text = getattr(self.data, f"{message}_ja" if lang == "ja" else message)
        return text if lang == "ja" else " ".join(str(text).split())


@derived
def scope() -> CompiledScope:
    return CompiledScope(load_rule_base().document(SCOPE_FILE.name, ScopeData))

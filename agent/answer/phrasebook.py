"""knowledge/data/phrasebook.yaml: the words that decide facets, yes/no, parts and leads."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator

from knowledge.defaults import derived
from knowledge.index.japanese import JAPANESE
from knowledge.loader import DATA_DIR
from knowledge.schema import Cues, Facet, Strict, compiles
from knowledge.yaml_files import safe_load

PHRASEBOOK = DATA_DIR / "phrasebook.yaml"
# The question's own word: "(ok and) under the APPI, who …" asks who, whatever comes before.
_QUESTION_WORD = re.compile(r"\b(who|whom|when|where|which|what|how|why)\b", re.IGNORECASE)


class FacetCue(Cues):
    facet: Facet


class FacetLemmas(Strict):
    """Japanese words, in SudachiPy's dictionary form, that ask a facet whatever their ending
    ('捕まりますか', '罰せられる'): read when no cue fires. With `with_`, one of those must stand
    beside them too ('厳しい' compares only beside 'より', 'どっち' or 比べる)."""

    facet: Facet
    lemmas: list[str] = Field(min_length=1)
    with_: list[str] = Field(default_factory=list, alias="with")


class FacetWords(Strict):
    """A facet's everyday words and phrases ('teeth', 'go after' for penalty): evidence for the
    facet when no cue fires, weighed with the facts (agent/answer/facet_rank.py)."""

    facet: Facet
    words: list[str] = Field(min_length=1)


class Templates(Strict):
    premise: str
    premise_statement: str
    premise_claim: str
    not_covered: str
    not_covered_nearby: str
    no_facts: str
    use_case_read: str
    use_case_also: str
    also_check: str
    use_case_watch: str
    watch_line: str
    part_heading: str
    date_line: str
    date_not_recorded: str
    dates_recorded: str
    issuer_line: str
    identifier_line: str
    offline_notice: str
    first_actions: str
    use_case_closing: str
    model_unavailable: str
    opening_refused: str


class Phrasebook(Strict):
    facet_cues: list[FacetCue]
    facet_words: list[FacetWords] = Field(default_factory=list)
    yes_no: str
    splitter: str
    follow_up: str
    pointers_ja: str = Field(
        default="(?!)",
        description="A Japanese demonstrative opening a turn ('それって…'): it points back.",
    )
    pointer_noun: str = Field(
        default="(?!)",
        description="A pointer with its noun ('そのガイドライン'), in named groups noun, noun_en.",
    )
    existence: str
    negation: str
    denial: str
    sanction: str = Field(default="(?!)", description="Words of a sanction (penalty, 罰則).")
    omission: str = Field(
        default="(?!)", description="Words of not doing a thing, read near a sanction word."
    )
    duty: str = Field(
        description="Words that make a statement a duty ('must', 'required', '義務')."
    )
    addressee: str = Field(
        description="Who a duty or scope question is asked of ('…require of businesses'): "
        "the named group 'who'."
    )
    instruction: str = Field(description="An order to the assistant about what to say.")
    request: str = Field(
        default="(?!)",
        description="A request that wraps a question ('Tell me when…', 'Can you tell me who…').",
    )
    preface: str = Field(
        default="(?!)",
        description="Words opening a turn that ask nothing ('ok', 'thanks', 'different question').",
    )
    who_acts: str = Field(
        description="Verbs a who-question asks that the issuer does not answer ('who approves')."
    )
    audience: list[str] = Field(
        default_factory=list,
        description="Role ids a duty question naming no one is asked for, in order.",
    )
    event_words: list[list[str]] = Field(
        min_length=1, description="Groups of word starts that name the same dated event."
    )
    question_words_ja: str = Field(
        default="(?!)", description="Japanese question words: the facet cue holding one wins."
    )
    event_words_ja: list[list[str]] = Field(
        default_factory=list, description="The same, as Japanese words or word pieces."
    )
    role_words: list[list[str]] = Field(
        default_factory=list,
        description="Groups of word starts (English) or words (Japanese) naming one role in a "
        "body: its chair, its members, its secretariat.",
    )
    joiners_ja: str = Field(
        default="(?!)", description="Words joining two Japanese asks in one phrase ('と', 'や')."
    )
    connectives_ja: str = Field(
        default="(?!)", description="Words opening a further Japanese ask ('それと', 'あと')."
    )
    facet_lemmas_ja: list[FacetLemmas] = Field(
        default_factory=list, description="Japanese dictionary forms asking each facet."
    )
    latest: str
    contents: str = Field(
        default="(?!)",
        description="Words naming what a text says: its principles, ideas, elements, approach.",
    )
    document_nouns: list[str] = Field(
        default_factory=list,
        description="Kinds of document a body issues ('alert', 'ガイドライン'), lower case.",
    )
    describes_use: str
    body_says: str = Field(description="Words asking what a body said or issued.")
    elliptical: str = Field(description="Openings of a follow-up that re-asks the last question.")
    shifts_subject: str = Field(
        description="Openings of a part that turns to a subject of its own."
    )
    given: str = Field(description="A claim stated as given, in named groups.")
    function_words: str = Field(min_length=1, description="Space-separated words.")
    common_words: str = Field(min_length=1, description="Words too common to show relevance.")
    legal_force_words: str = Field(min_length=1, description="Word starts that make a claim.")
    templates: Templates
    templates_ja: Templates
    answers_ja: dict[str, str] = Field(description="A fact's direct answer, in Japanese.")
    hedged_answers: dict[str, str] = Field(
        default_factory=dict,
        description="A direct answer that says nothing alone ('It depends.') and the opening it "
        "takes instead, in one sentence with the fact that says on what it depends.",
    )
    converse_answers: dict[str, str] = Field(
        default_factory=dict,
        description="A direct answer and its converse ('Yes.': 'No.'), each way: a 'does not' "
        "fact's answer to 'does it ban…?' turned to answer 'is it legal to…?'.",
    )
    yes_no_words: dict[str, Literal["yes", "no"]] = Field(
        min_length=2,
        description="The yes or no an answer opens with, in either language, lower case "
        "('はい': yes).",
    )
    spellings_ja: dict[str, str] = Field(
        default_factory=dict, description="A Latin word and its Japanese spelling ('ai': 人工知能)."
    )
    short_forms: dict[str, list[str]] = Field(
        default_factory=dict,
        description="An English long form and how names write it short ('generative ai': gen ai).",
    )
    abbreviations_ja: dict[str, str] = Field(
        default_factory=dict,
        description="Latin abbreviations Japanese writers put beside Japanese words ('事業者GL').",
    )

    @field_validator("converse_answers")
    @classmethod
    def _converse_both_ways(cls, value: dict[str, str]) -> dict[str, str]:
        for answer, converse in value.items():
            if value.get(converse) != answer:
                raise ValueError(f"'{converse}' (the converse of '{answer}') must turn back")
        return value

    _check = field_validator(
        "yes_no",
        "splitter",
        "follow_up",
        "pointers_ja",
        "pointer_noun",
        "existence",
        "negation",
        "denial",
        "duty",
        "sanction",
        "omission",
        "addressee",
        "instruction",
        "request",
        "preface",
        "who_acts",
        "describes_use",
        "latest",
        "contents",
        "body_says",
        "elliptical",
        "shifts_subject",
        "given",
        "joiners_ja",
        "connectives_ja",
    )(compiles)


def same_word(stem: str, word: str) -> bool:
    """A five-letter stem and a word start name the same word ("passe" and "pass")."""
    return stem.startswith(word) or word.startswith(stem)


class CompiledPhrasebook:
    """The phrasebook with its patterns compiled once."""

    def __init__(self, book: Phrasebook) -> None:
        self.book = book
        self.templates = book.templates
        self.facets = [
            (cue.facet, re.compile("|".join(f"(?:{c})" for c in cue.cues), re.IGNORECASE))
            for cue in book.facet_cues
        ]
        self.yes_no = re.compile(book.yes_no, re.IGNORECASE)
        self.splitter = re.compile(book.splitter)
        self.follow_up = re.compile(book.follow_up, re.IGNORECASE)
        self.pointers_ja = re.compile(book.pointers_ja)
        self.pointer_noun = re.compile(book.pointer_noun, re.IGNORECASE)
        self.existence = re.compile(book.existence, re.IGNORECASE)
        self.negation = re.compile(book.negation, re.IGNORECASE)
        self.denial = re.compile(book.denial, re.IGNORECASE)
        self.duty = re.compile(book.duty, re.IGNORECASE)
        self.sanction = re.compile(book.sanction, re.IGNORECASE)
        self.omission = re.compile(book.omission, re.IGNORECASE)
        self.addressee = re.compile(book.addressee, re.IGNORECASE)
        self.instruction = re.compile(book.instruction, re.IGNORECASE)
        self.request = re.compile(book.request, re.IGNORECASE)
        self.preface = re.compile(book.preface, re.IGNORECASE)
        self.who_acts = re.compile(book.who_acts, re.IGNORECASE)
        self.latest = re.compile(book.latest, re.IGNORECASE)
        self.contents = re.compile(book.contents, re.IGNORECASE)
        self.describes_use = re.compile(book.describes_use, re.IGNORECASE)
        self.body_says = re.compile(book.body_says, re.IGNORECASE)
        self.elliptical = re.compile(book.elliptical, re.IGNORECASE)
        self.shifts_subject = re.compile(book.shifts_subject, re.IGNORECASE)
        self.given = re.compile(book.given, re.IGNORECASE)
        # Stems (first five letters) that never show a fact is relevant to a question.
        words = f"{book.function_words} {book.common_words}".split()
        self.ignored_stems = frozenset(w[:5] for w in words)
        self.function_stems = frozenset(w[:5] for w in book.function_words.split())
        # Groups of word starts that name one dated event ("adopt" finds "decid", "pass").
        self.event_groups = [frozenset(group) for group in book.event_words]
        self.question_words_ja = re.compile(book.question_words_ja)

    def event_words(self, stems: AbstractSet[str]) -> set[str]:
        """The stems plus the words naming the same event ("adopt" → "decid", "pass"…)."""
        found = set(stems)
        for group in self.event_groups:
            if any(same_word(stem, word) for stem in stems for word in group):
                found |= group
        return found

    def roles(self, text: str) -> list[frozenset[str]]:
        """The role groups `text` names ('who heads…' and 'トップ' name the chair)."""
        lowered = text.lower()
        words = set(re.findall(r"[a-z]+", lowered))
        return [
            frozenset(group)
            for group in self.book.role_words
            if any(w in words if w.isascii() else w in lowered for w in group)
        ]

    def event_words_ja(self, text: str) -> set[str]:
        """The Japanese words naming the events `text` names ("いつから" → 施行, 適用…)."""
        groups = self.book.event_words_ja
        return {word for group in groups if any(w in text for w in group) for word in group}

    def stated(self, text: str) -> str | None:
        """The claim `text` states as given ("Since the AI Act fines…"), if it states one."""
        match = self.given.search(text)
        return next((g for g in match.groups() if g), None) if match else None

    def facet_of(self, text: str) -> Facet:
        return self.facet_match(text)[0]

    def facet_match(self, text: str) -> tuple[Facet, tuple[int, int] | None]:
        """The facet asked and where the words that ask it are ("which ministries").

        A cue that opens the question wins ("Which authority enforces…" asks who, though
        "enforces" alone would ask about penalties); otherwise the cue file's order decides.
        Japanese puts the question word and the predicate last, so there the cue nearest the
        end wins ("個人情報保護法を執行しているのはどこ" asks who, not about enforcement).
        """
        found = [
            (match, facet) for facet, pattern in self.facets if (match := pattern.search(text))
        ]
        if not found:
            return self.lemma_facet(text) if JAPANESE.search(text) else (Facet.what, None)
        if JAPANESE.search(text):
            every = [(m, f) for f, p in self.facets for m in p.finditer(text)]
            # A question word (いつ, どこ, 誰) decides: "いつから適用されますか" asks when.
            words = [q.start() for q in self.question_words_ja.finditer(text)]
            hits = [(m, f) for m, f in every if words and m.start() <= words[-1] < m.end()]
            hits.sort(key=lambda pair: pair[0].end() - pair[0].start(), reverse=True)  # specific
            match, facet = hits[0] if hits else max(every, key=lambda pair: pair[0].end())
            return facet, match.span()
        # The question's opening, or where its first question word opens it.
        openings = {len(text) - len(text.lstrip())}
        if (asked := _QUESTION_WORD.search(text)) is not None:
            openings.add(asked.start())
        match, facet = next(((m, f) for m, f in found if m.start() in openings), found[0])
        return facet, match.span()

    def lemma_facet(self, text: str) -> tuple[Facet, tuple[int, int] | None]:
        """A Japanese question no cue reads, by its words' dictionary forms: the facet of the
        last word that asks one ('AI推進法違反で捕まりますか' asks about penalties)."""
        from knowledge.index.japanese import lemmas

        words = lemmas(text)
        forms = {form for form, *_ in words}
        found = [
            (start, end, entry.facet)
            for form, _, start, end in words
            for entry in self.book.facet_lemmas_ja
            if form in entry.lemmas and (not entry.with_ or forms & set(entry.with_))
        ]
        if not found:
            return Facet.what, None
        start, end, facet = max(found)
        return facet, (start, end)


def load_phrasebook(path: Path = PHRASEBOOK) -> Phrasebook:
    return Phrasebook.model_validate(safe_load(path.read_text(encoding="utf-8")))


@derived
def phrasebook() -> CompiledPhrasebook:
    return CompiledPhrasebook(load_phrasebook())

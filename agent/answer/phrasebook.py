"""knowledge/data/phrasebook.yaml: the words that decide facets, yes/no, parts and leads."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from agent.answer.word_lists import WordPattern
from knowledge.defaults import derived
from knowledge.index.japanese import JAPANESE
from knowledge.loader import DATA_DIR, load_rule_base
from knowledge.schema import EntityKind, Facet
from knowledge.schema.phrasebook import Phrasebook

PHRASEBOOK = DATA_DIR / "phrasebook.yaml"
# The question's own word: "(ok and) under the APPI, who …" asks who, whatever comes before.
_QUESTION_WORD = WordPattern(lambda w: w.question_words, r"\b({words})\b", re.IGNORECASE)


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
        self.list_item = re.compile(book.list_item, re.MULTILINE)
        self.demonstrative = re.compile(book.demonstrative, re.IGNORECASE)
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
        self.event_choice = re.compile(book.event_choice, re.IGNORECASE)
        self.how_many = re.compile(book.how_many, re.IGNORECASE)
        self.asked_verb_ja = re.compile(book.asked_verb_ja)
        self.count = re.compile(book.count, re.IGNORECASE)
        self.which_article = re.compile(book.which_article, re.IGNORECASE)
        self.provision_name = re.compile(book.provision_name, re.IGNORECASE)
        self.how_many_articles = re.compile(book.how_many_articles, re.IGNORECASE)
        self.contents = re.compile(book.contents, re.IGNORECASE)
        self.coordinated = re.compile(book.coordinated, re.IGNORECASE)
        self.confirmation = re.compile(book.confirmation, re.IGNORECASE)
        self.alternative = re.compile(book.alternative, re.IGNORECASE)
        self.kind_nouns = {k: re.compile(p, re.IGNORECASE) for k, p in book.kind_nouns.items()}
        self.describes_use = re.compile(book.describes_use, re.IGNORECASE)
        self.body_says = re.compile(book.body_says, re.IGNORECASE)
        self.elliptical = re.compile(book.elliptical, re.IGNORECASE)
        self.one_ja = re.compile(book.one_ja)
        self.shifts_subject = re.compile(book.shifts_subject, re.IGNORECASE)
        self.verb_ellipsis = re.compile(book.verb_ellipsis, re.IGNORECASE)
        self.narrowing = re.compile(book.narrowing, re.IGNORECASE)
        self.condition = re.compile(book.condition, re.IGNORECASE)
        self.given = re.compile(book.given, re.IGNORECASE)
        # Stems (first five letters) that never show a fact is relevant to a question.
        words = f"{book.function_words} {book.common_words}".split()
        self.ignored_stems = frozenset(w[:5] for w in words)
        self.function_stems = frozenset(w[:5] for w in book.function_words.split())
        # Groups of word starts that name one dated event ("adopt" finds "decid", "pass").
        self.event_groups = [frozenset(group) for group in book.event_words]
        self.event_phrases = re.compile(book.event_phrases, re.IGNORECASE)
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

    def kinds_asked(self, text: str) -> set[EntityKind]:
        """The kinds of entity `text` asks for as a class ('which roles…', 'どんな役割')."""
        return {kind for kind, words in self.kind_nouns.items() if words.search(text)}

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


def load_phrasebook() -> Phrasebook:
    return load_rule_base().document(PHRASEBOOK.name, Phrasebook)


@derived
def phrasebook() -> CompiledPhrasebook:
    return CompiledPhrasebook(load_phrasebook())

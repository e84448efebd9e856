"""What the answer engine reads from the rule base: entities, premises and facts, compiled once."""

from __future__ import annotations

import copy
import re
from collections import Counter
from functools import cached_property

from rapidfuzz import fuzz

from agent.answer.homophones import Homophones
from agent.answer.lang import Lang, localise
from agent.answer.linker import Linker, normalise
from agent.answer.phrasebook import PHRASEBOOK, phrasebook
from agent.answer.romaji import RomajiWords
from agent.answer.spelling import Speller
from agent.answer.word_lists import WORDS_FILE
from agent.scope_data import scope
from knowledge.defaults import derived
from knowledge.hints import HINTS_FILE, hints
from knowledge.index.japanese import JAPANESE
from knowledge.loader import RuleBase, load_rule_base
from knowledge.schema import EntityKind, LegalForce, SourceKind
from knowledge.schema.reading import ReadingWords

# How close (rapidfuzz token-set ratio, 0–100) a claim stated as given must be to a premise's.
CLAIM_MATCH = 88
_BRACKETS = re.compile(r"\([^)]*\)")
_ARTICLE = re.compile(r"第\d+条(?:の\d+)?")  # how an entity's alias says it is an article
# A question about the regime in general (a technology, a sector, "in Japan") is asked of these.
REGIME = ("japan_ai_regime", "ai_promotion_act")


class Reader:
    """Everything `understand` needs from the rule base, compiled once."""

    def __init__(self, rule_base: RuleBase, lang: Lang = "en") -> None:
        self.lang: Lang = lang
        self.rule_base = localise(rule_base, lang)  # facts in the language answers are written in
        book = phrasebook().book
        self.linker = Linker(
            rule_base.entities.values(),
            book.function_words.split(),
            book.abbreviations_ja,
            book.spellings_ja,
            scope().other,
            short_forms=book.short_forms,
            owners=article_owners(rule_base),
            statutes=statutes(rule_base),
            determiners=rule_base.document(WORDS_FILE.name, ReadingWords).determiners,
        )
        self._english_base = rule_base
        self._compiled_by: Reader | None = None  # the reader whose speller and homophones these are
        self.claims = [(p.id, normalise(c)) for p in rule_base.premises.values() for c in p.claims]
        self.premises = [
            (p.id, re.compile("|".join(f"(?:{c})" for c in p.cues), re.IGNORECASE))
            for p in rule_base.premises.values()
        ]

    @cached_property
    def speller(self) -> Speller:
        """Typo correction towards the words the rule base and the phrasebook use."""
        if self._compiled_by is not None:
            return self._compiled_by.speller
        rb = self._english_base
        texts = [f.text for f in rb.facts.values()]
        texts += [a for e in rb.entities.values() for a in (e.name, *e.aliases)]
        texts += [q for card in rb.topics.values() for q in (card.title, *card.questions)]
        texts.append(rb.data_file(PHRASEBOOK.name).read_text(encoding="utf-8"))
        # The words a use case is read by ('selfies', 'dashcam') are meant as typed.
        texts += hints().vocabulary()
        names = [a for e in rb.entities.values() for a in (e.name, *e.aliases)]
        cues = [pattern for _, pattern in phrasebook().facets]  # a tie goes to the facet's word
        return Speller(texts, names=names, cues=cues)

    @cached_property
    def homophones(self) -> Homophones:
        """Conversion slips (交付 for 公布) towards the words the Japanese texts use; read on the
        first Japanese question only."""
        if self._compiled_by is not None:
            return self._compiled_by.homophones
        rb = self._english_base
        texts = [f.text_ja for f in rb.facts.values() if f.text_ja]
        texts += [a for e in rb.entities.values() for a in (e.name_ja or "", *e.aliases) if a]
        texts += [s.short_name_ja or "" for s in rb.sources.values()]
        texts.append(rb.data_file(PHRASEBOOK.name).read_text(encoding="utf-8"))
        # The words a use case is read by (工場, 旅館, 勤務先) are meant as typed, not slips.
        texts.append(rb.data_file(HINTS_FILE.name).read_text(encoding="utf-8"))
        words = rb.document(WORDS_FILE.name, ReadingWords)
        texts += words.meant_as_typed_ja  # 'リージョン' is a region, not a slip for バージョン
        return Homophones(texts, letters=words.letter_names_ja)  # 'えーあい' is AI

    @cached_property
    def articles(self) -> frozenset[str]:
        """The entities that are articles of a statute ('第7条')."""
        return frozenset(article_owners(self._english_base))

    @cached_property
    def romaji_words(self) -> RomajiWords:
        """Japanese words typed in romaji ('bassoku' for 罰則), towards the words the Japanese
        texts use; the words of names are the linker's."""
        if self._compiled_by is not None:
            return self._compiled_by.romaji_words
        sounds = self.homophones.readings()
        # The words of laws' and bodies' names ('suishin' in 'ai suishin ho'), not of topics.
        kinds = (EntityKind.instrument, EntityKind.institution)
        named = [e for e in self._english_base.entities.values() if e.kind in kinds]
        names = [a for e in named for a in (e.name_ja or "", *e.aliases) if JAPANESE.search(a)]
        in_names = frozenset(w for w in sounds.values() if any(w in name for name in names))
        return RomajiWords(sounds, in_names)

    def in_lang(self, lang: Lang) -> Reader:
        """This reader answering in `lang`: the same linker, premises, speller and homophones
        (built once, not again for the other language), the facts in `lang`."""
        other = copy.copy(self)
        other.lang = lang
        other.rule_base = localise(self._english_base, lang)
        other._compiled_by = self._compiled_by or self
        other.__dict__.pop("speller", None)
        other.__dict__.pop("homophones", None)
        other.__dict__.pop("romaji_words", None)
        return other

    def english_text(self, fact_id: str) -> str:
        """A rule-base fact's English text, whatever language this reader answers in."""
        fact = self._english_base.facts.get(fact_id)
        return fact.text if fact is not None else ""

    def premises_in(self, text: str) -> list[str]:
        # Japanese cues are written unspaced ('aiの法律'); English ones need the seam spaces.
        plain = normalise(text)
        found = [pid for pid, p in self.premises if p.search(text) or p.search(plain)]
        return found + [pid for pid in self.claimed(text) if pid not in found]

    def claimed(self, text: str) -> list[str]:
        """Premises a claim stated as given says in other words ("Because Japan's AI rules only
        cover developers, …"): close to one of a premise's `claims`, with the same polarity
        ("Since Japan has no AI regulator" is true, not the single-regulator belief)."""
        book = phrasebook()
        claim = book.stated(text)
        if claim is None:
            return []
        said = normalise(claim)
        denied = bool(book.denial.search(said))
        found: list[str] = []
        for pid, belief in self.claims:
            if pid in found or bool(book.denial.search(belief)) != denied:
                continue
            if fuzz.token_set_ratio(said, belief) >= CLAIM_MATCH:
                found.append(pid)
        return found

    def refuting(self, premise: str, entities: list[str]) -> list[str]:
        """Fact ids that show `premise` false for one of `entities`. Asked of a binding statute
        outside the AI regime ("Does the Employment Security Act require a licence…?"), only a
        fact about that statute does: the AI Act's "no licence" says nothing of it."""
        asked = set(entities)
        statutes = asked & self.hard_laws
        found = [
            f.id
            for f in self.rule_base.facts.values()
            if premise in f.refutes and asked & set(f.about)
            if not statutes or statutes & set(f.about)
        ]
        # A belief held of a body ('METI supervises all AI', '経産省がAIを一元的に監督') that no
        # fact on the body refutes is refuted by the regime's fact: a body holds no law of its own.
        kinds = {self.rule_base.entities[e].kind for e in asked}
        if not found and kinds == {EntityKind.institution}:
            return self.refuting(premise, list(REGIME))
        return found

    @cached_property
    def hard_laws(self) -> frozenset[str]:
        """Entity ids of the instruments whose source is enforceable hard law."""
        rb = self.rule_base
        return frozenset(
            e.id
            for e in rb.entities.values()
            if e.kind == EntityKind.instrument
            and (e.source or e.id) in rb.sources
            and rb.sources[e.source or e.id].legal_force == LegalForce.binding_hard_law
        )

    def issued_by(self, institution_id: str) -> list[str]:
        """Source ids whose issuer (sources.yaml) is this institution, by its name less any
        abbreviation in brackets ("Agency for Cultural Affairs (ACA)")."""
        name = self.rule_base.institutions[institution_id].name_en.lower()
        plain = _BRACKETS.sub("", name).strip()
        return [s.id for s in self.rule_base.sources.values() if plain in s.issuer.lower()]

    def instruments_for(self, entities: list[str]) -> list[str]:
        """`entities` with each body replaced by the instruments it issued that have facts on the
        other things named ("what has the PPC said about generative AI" → its alert); a body
        that issued none on them stays."""
        rb = self.rule_base
        topics = {e for e in entities if e not in rb.institutions}
        about = [set(f.about) for f in rb.facts.values()]
        named = {rb.entities[e].source or e for e in entities if e in rb.entities}
        out: list[str] = []
        for entity in entities:
            issued = self.issued_by(entity) if entity in rb.institutions else []
            if named & set(issued):
                continue  # named with a document it issued ('文化庁の「考え方」'): only whose it is
            if topics:
                issued = [i for i in issued if any(i in a and a & (topics - {i}) for a in about)]
            issued = [i for i in issued if i in rb.entities]
            out += [e for e in (issued or [entity]) if e not in out]
        return out

    def subjects(self, entities: list[str]) -> list[str]:
        """The entities a part is asked of: the instruments or bodies named, else the regime."""
        kinds = {EntityKind.instrument, EntityKind.institution, EntityKind.role}
        named = [e for e in entities if self.rule_base.entities[e].kind in kinds]
        return entities if named else [*entities, *(r for r in REGIME if r not in entities)]


def statutes(rule_base: RuleBase) -> set[str]:
    """The entities that are statutes (sources.yaml kind)."""
    sources = rule_base.sources
    return {
        e.id
        for e in rule_base.entities.values()
        if e.kind == EntityKind.instrument
        and (e.source or e.id) in sources
        and sources[e.source or e.id].kind == SourceKind.statute
    }


def article_owners(rule_base: RuleBase) -> dict[str, str]:
    """Each article entity (one written '第N条') → the statute its facts are about with it."""
    laws = statutes(rule_base)
    owners: dict[str, str] = {}
    for entity in rule_base.entities.values():
        if not any(_ARTICLE.fullmatch(a) for a in entity.aliases):
            continue
        beside = Counter(
            e
            for f in rule_base.facts.values()
            if entity.id in f.about
            for e in f.about
            if e in laws
        )
        if beside:
            owners[entity.id] = beside.most_common(1)[0][0]
    return owners


def default_reader(lang: Lang = "en") -> Reader:
    """The packaged rule base's reader: one per language, however the language is given
    (`default_reader()` and `default_reader("en")` are one reader, not two)."""
    return _reader(lang)


@derived  # the rule base in use (knowledge.defaults): rebuilt when it is swapped
def _reader(lang: Lang) -> Reader:
    # A Japanese answer's reader shares the English one's compiled parts (seconds to build twice).
    return Reader(load_rule_base(), lang) if lang == "en" else _reader("en").in_lang(lang)

"""Follow-ups: whether a turn refers back, and what it carries from the turn before.

A turn refers back by its structure, not its wording: it names no subject of its own (no
instrument, body or use case) and either points back (a pronoun, 'that', 'and …') or is a
fragment ('and for a hospital?', '罰則は？'). A self-contained question is never a follow-up.

After a use-case question, such a turn asks the use case again: with the new actor or sector it
names ("what about if we are a city?" → the same use, run by a local government), or, when it
asks something of its own ("who enforces that?"), of the instruments the use-case answer detailed.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from agent.answer.phrasebook import phrasebook
from agent.answer.query import UseCase
from agent.answer.reader import Reader
from agent.answer.word_lists import WordPattern
from core.profile import UseCaseProfile
from knowledge.hints import Hint
from knowledge.index.japanese import JAPANESE
from knowledge.schema import EntityKind, Facet

# Who runs the use and where: a follow-up that names any of these replaces them all ("and for a
# hospital?" after a bank is a hospital's use, no longer a bank's); the rest of the use stays.
ACTOR_FIELDS = frozenset({"sectors", "organisation", "government_procurement"})
# A thing a question is asked of; a concept ('penalties'), a role, a sector or a technology only
# narrows it.
_SUBJECT_KINDS = frozenset({EntityKind.instrument, EntityKind.institution})


# A bare question word asks a facet of what went before ('and when?', 'and who?').
_FACET_WORD = WordPattern(lambda w: w.facet_question_words, r"\W*({words})\b", re.IGNORECASE)


def refers_back(question: str) -> bool:
    """The turn points back or is a fragment of one ('who enforces that?', 'and for a city?').

    A fragment ('and …?', 'what about …?', '…は？') follows up only if it asks something of the
    rule base: a facet (罰則は？, いつから？, 'and when?'), a thing it names (an instrument, body,
    role, sector), a use, or a word pointing back; an off-topic noun ('今日の天気は？', 'what
    about lunch?') follows nothing up, so the scope guard answers it."""
    book = phrasebook()
    if book.pointers_ja.match(
        question
    ):  # 'それって定期的に見直されるの？' points back, as 'it' does
        return True
    opening = book.elliptical.search(question) or book.follow_up.match(question)
    if opening is None:
        return bool(book.follow_up.search(question)) or _facet_of_what_went_before(question)
    rest = question[opening.end() :] if opening.start() == 0 else question
    rest = (
        rest if rest.strip(" ?？") else question
    )  # the whole turn is the fragment ('その要素は？')
    return bool(book.follow_up.search(rest) or _FACET_WORD.match(rest)) or _asks_of_rule_base(
        question
    )


# A question word opening a turn: 'what should we do?' ends on its main verb, not on an auxiliary.
_OPENS_WH = WordPattern(lambda w: w.question_words, r"^\W*({words})\b", re.IGNORECASE)


def elides_verb(question: str) -> bool:
    """The turn ends on an auxiliary and leaves its verb out ('do private companies have to as
    well?', 'must developers too?'): it asks the last question's verb of what it names. A
    wh-question ends on its own verb ('what should we do?')."""
    return bool(phrasebook().verb_ellipsis.search(question)) and not _OPENS_WH.search(question)


# The asker ('who supervises us?'): the organisation the conversation is about.
_ASKER = WordPattern(lambda w: w.asker_words, r"\b({words})\b", re.IGNORECASE)


def _facet_of_what_went_before(question: str) -> bool:
    """A turn that names nothing and asks a facet in the rule base's own words ('what's the
    latest version?', 'any penalties?') asks it of what went before; a bare question word ('when
    is lunch?') or a modal verb ('what should we cook?') asks nothing of it."""
    from agent.answer.reader import default_reader

    facet, span = phrasebook().facet_match(question)
    if span is None or facet == Facet.duty or _FACET_WORD.match(question[span[0] : span[1]]):
        return False
    return not default_reader().linker.link(question) and not _hints(question)


def asks_the_asker(question: str) -> bool:
    """A turn naming nothing that asks a facet of the asker's own organisation ('who supervises
    us?'): of the use case the conversation is on. A modal verb ('what should we cook?') asks
    nothing of the rule base."""
    from agent.answer.reader import default_reader

    facet, span = phrasebook().facet_match(question)
    if span is None or facet == Facet.duty or not _ASKER.search(question):
        return False
    return not default_reader().linker.link(question) and not _hints(question)


def _asks_of_rule_base(question: str) -> bool:
    """A facet asked, a thing named or a use described: what the rule base could answer."""
    from agent.answer.reader import default_reader

    if phrasebook().facet_match(question)[1] is not None:
        return True
    return bool(default_reader().linker.link(question)) or bool(_hints(question))


def names_subject(entities: list[str], reader: Reader) -> bool:
    """An instrument or body of its own: the question is asked of that."""
    return any(reader.rule_base.entities[e].kind in _SUBJECT_KINDS for e in entities)


def _hints(question: str) -> list[Hint]:
    from agent.use_case import read_use_case

    return list(read_use_case(question).hints)


def carry(earlier: list[Hint], changes: list[Hint]) -> list[Hint]:
    """The earlier use case's hints with a follow-up's: one that names a new actor or sector
    replaces the old one ("and for a hospital?" after a bank); anything else adds to the use."""
    if any(ACTOR_FIELDS & h.sets.keys() for h in changes):
        earlier = [h for h in earlier if not ACTOR_FIELDS & h.sets.keys()]
    ids = {h.id for h in earlier}
    return [*earlier, *(h for h in changes if h.id not in ids)]


def as_use_case(hints: list[Hint], lang: str) -> UseCase:
    """The use case the hints read, as `understand` hands it on."""
    from agent.use_case import Reading, merged_profile

    reading = Reading(profile=merged_profile(hints), hints=hints, asks=True)
    profile = reading.profile.model_dump(exclude_defaults=True)
    return UseCase(reads=reading.reads_in(lang), profile=profile)


def may_refer_back(question: str, reader: Reader) -> bool:
    """No subject of its own and a pointer back or a fragment's shape."""
    return refers_back(question) and not names_subject(reader.linker.link(question), reader)


def earlier_use_case(history: list[str], reader: Reader) -> list[Hint] | None:
    """The hints of the use case the conversation is on: the last question's own, or carried
    through the follow-ups before it; None when the last question is on no use case."""
    from agent.answer.understand import read_use_case

    if not history:
        return None
    last, before = history[-1], history[:-1]
    if read_use_case(last) is not None:
        return _hints(last)
    if not may_refer_back(last, reader):
        return None
    chain = earlier_use_case(before, reader)
    return None if chain is None else carry(chain, _hints(last))


def use_case_subjects(use_case: UseCase, reader: Reader, question: str) -> list[str]:
    """The instrument a use-case answer details first (binding law first): what 'that' in a
    question asked after it ('who enforces that?') is asked of."""
    from agent.answer.layer_rank import force_rank
    from agent.answer.use_case import ranked_layers
    from tools.triggers import lookup_triggers

    profile = UseCaseProfile.model_validate(use_case.profile)
    engaged = {t.id: t for t in lookup_triggers(profile)}
    entities = reader.rule_base.entities
    found: list[str] = []
    for layer in ranked_layers(use_case, reader, question):
        if not layer.stated:
            continue
        for citation in engaged[layer.id].citations:
            source = citation.source
            if source in entities and entities[source].kind in _SUBJECT_KINDS:
                found.append(source)
    # 'that' is the binding law the answer detailed before the guidance explaining it: each
    # such law, when it detailed several ('who supervises that?' after a diagnostic AI in a
    # hospital: the privacy statute's regulator and the medical-device law's ministry).
    sources = reader.rule_base.sources
    ranked = sorted(dict.fromkeys(found), key=lambda s: force_rank(sources[s].legal_force))
    top = (
        [
            s
            for s in ranked
            if force_rank(sources[s].legal_force) == force_rank(sources[ranked[0]].legal_force)
        ]
        if ranked
        else []
    )
    return top


def carried_use_case(asked: str, history: list[str], reader: Reader, lang: str) -> UseCase | None:
    """A fragment after a use-case question that names a new actor, sector or use and asks
    nothing of its own ('and for a hospital?', 'what about if we are a city?', '病院の場合は？'):
    that use case again, changed as it says."""
    if not history or phrasebook().facet_match(asked)[1] is not None:
        return None
    if not may_refer_back(asked, reader):
        return None
    changes = _hints(asked)
    if not changes:
        return None
    chain = earlier_use_case(history, reader)
    return None if chain is None else as_use_case(carry(chain, changes), lang)


# Pointing back at what went before: 'that', 'it' (not a fragment's opening 'and …').
_POINTER = WordPattern(lambda w: w.pointer_words, r"\b({words})\b", re.IGNORECASE)


def asks_of_earlier_use(asked: str, history: list[str], reader: Reader) -> bool:
    """After a use-case question, a turn that points back and asks something of its own ("do we
    need consent for that?", "do we have to tell the candidates about it?") asks it of that use,
    though its words name a sector or people ('the candidates', 'the patients'): it puts no AI to
    work of its own and names no instrument or body, so it describes no new use."""
    from agent.use_case import read_use_case as reading_of

    if not history or phrasebook().facet_match(asked)[1] is None:
        return False
    if not (_POINTER.search(asked) or asks_the_asker(asked)):
        return False
    if names_subject(reader.linker.link(asked), reader) or reading_of(asked).activity:
        return False
    return earlier_use_case(history, reader) is not None


def restates_earlier_use(asked: str, history: list[str], reader: Reader) -> bool:
    """A turn pointing back at the use before ('…leaks via that AI tool, do we have to report
    it?') whose words read no more of a use than that one did describes no new use: what it
    asks is answered as asked, not by the layers of the use case again."""
    from agent.use_case import merged_profile

    if not history or not points_back(asked):
        return False
    chain = earlier_use_case(history, reader)
    own = _hints(asked)
    if chain is None or not own:
        return False
    earlier = merged_profile(chain).model_dump(exclude_defaults=True)
    said = merged_profile(own).model_dump(exclude_defaults=True)
    return all(earlier.get(field) == value for field, value in said.items())


_USE_WORDS = frozenset({EntityKind.concept, EntityKind.sector})


def use_words(history: list[str], reader: Reader) -> list[str]:
    """The concepts and sectors the use-case question of the conversation names, such as its data
    ('medical records') and field ('a hospital'): what a follow-up on that use stays on; the AI it
    uses ('a chatbot') is no part."""
    from agent.answer.understand import read_use_case

    for earlier in reversed(history):
        if read_use_case(earlier) is not None:
            entities = reader.rule_base.entities
            linked = reader.linker.link(earlier)
            # A sector whose own law the rule base lacks has no facts to stay on.
            return [
                e for e in linked if entities[e].kind in _USE_WORDS and entities[e].own_law_covered
            ]
    return []


def on_use_case(asked: str, history: list[str], reader: Reader) -> bool:
    """The turn refers back to a use case (it is answered from that use case)."""
    return may_refer_back(asked, reader) and earlier_use_case(history, reader) is not None


def asked_of(earlier: str, follow_up: str, reader: Reader) -> str | None:
    """The earlier question asked of what a fragment names instead ('Who enforces the APPI?', then
    'and the copyright act?' → 'who enforces the copyright act?'; 'Does the AI Act ban facial
    recognition?', then 'what about emotion recognition?'): the earlier question's name of the same
    kind (an instrument or body; a technology; …) replaced by the fragment's. None unless the
    fragment names one thing and the earlier question one thing of its kind, another."""
    entities = reader.rule_base.entities

    def kind(entity: str) -> object:
        return "subject" if names_subject([entity], reader) else entities[entity].kind

    after, new = reader.linker.exact_names(follow_up)
    if len(new) != 1:
        return None
    new_start, new_end, named = new[0]
    before, spans = reader.linker.exact_names(earlier)
    old = [s for s in spans if kind(s[2]) == kind(named)]
    if len(old) != 1 or old[0][2] == named:
        return None
    start, end, _ = old[0]
    return before[:start] + after[new_start:new_end] + before[end:]


# "the Article 13 one": 'one' after a modifier stands for the noun of the earlier subject; not
# after a word that modifies no noun (reading_words.yaml not_modifiers: 'the same one').
_ONE = WordPattern(lambda w: w.not_modifiers, r"\bthe\b[^?.!]*?\b(?!(?:{words})\b)\w+\s+(ones?)\b")


def named_by_one(asked: str, history: list[str], reader: Reader) -> list[str]:
    """What 'the X one' names after a question on an instrument ('and the article 13 one?' after
    one on the AI Guidelines for Business names the Article 13 guideline): 'one' read as each
    word of the earlier subject's name in turn, until the words name another instrument."""
    match = _ONE.search(asked.lower())
    one_ja = phrasebook().one_ja.search(asked) if JAPANESE.search(asked) else None
    if not history or (match is None and one_ja is None):
        return []
    earlier = [e for e in reader.linker.link(history[-1]) if names_subject([e], reader)]
    named = reader.linker.link(asked)
    if match is None:  # 'デジタル庁のは？': only a body's document
        bodies = bool(named) and all(e in reader.rule_base.institutions for e in named)
        return _issued_one(named, earlier, reader) if bodies else []
    if named and all(e in reader.rule_base.institutions for e in named):
        return _issued_one(named, earlier, reader)  # "and the Digital Agency's one?"
    if names_subject(named, reader):
        return []
    start, end = match.span(1)
    for entity in earlier:
        for word in reader.rule_base.entities[entity].name.lower().split():
            for noun in dict.fromkeys([word, word.removesuffix("s")]):
                said = asked[:start] + noun + asked[end:]
                found = [
                    e
                    for e in reader.linker.link(said)
                    if e not in earlier and names_subject([e], reader)
                ]
                if found:
                    return found
    return []


def _issued_one(bodies: list[str], earlier: list[str], reader: Reader) -> list[str]:
    """'the X's one' after a question on a document: the document body X issued, the only one,
    else those whose name shares a word with the earlier document's ('guideline')."""
    entities = reader.rule_base.entities
    issued = [s for b in bodies for s in reader.issued_by(b) if s in entities and s not in earlier]
    if len(issued) <= 1:
        return issued

    def stems(entity: str) -> set[str]:
        return {w[:5] for w in entities[entity].name.lower().split() if len(w) >= 5}

    said = {stem for e in earlier for stem in stems(e)}
    return [s for s in issued if stems(s) & said]


def earlier_subjects(history: list[str], reader: Reader) -> list[str]:
    """What the last question naming anything was asked of: its instruments and bodies, with the
    parts of them it named ('Article 16 of the AI Promotion Act'); else all it named. A topic
    that only narrowed it ('generative AI' in "is the APPI relevant to generative AI?") is none."""
    entities = reader.rule_base.entities
    for earlier in reversed(history):
        linked = reader.linker.link(earlier)
        subjects = [e for e in linked if names_subject([e], reader)]
        if not subjects:
            if linked:
                return linked
            continue
        parts = [e for e in linked if entities[e].kind == EntityKind.concept]
        return [*subjects, *(e for e in parts if part_of(e, subjects, reader))]
    return []


def part_of(concept: str, subjects: list[str], reader: Reader) -> bool:
    """The concept is a part of a subject, not a topic of its own: its name is of the subject
    ('Article 16 of the AI Promotion Act'), or every fact about it is about a subject too (the
    definition an Act gives)."""
    entities = reader.rule_base.entities
    name = entities[concept].name.lower()
    if any(
        re.search(rf"\bof (the )?{re.escape(_bare(entities[s].name))}\b", name) for s in subjects
    ):
        return True
    about = [set(f.about) for f in reader.rule_base.facts.values() if concept in f.about]
    return bool(about) and all(a & set(subjects) for a in about)


def _bare(name: str) -> str:
    """A name less its bracketed abbreviation, lower-case ('the ai promotion act')."""
    return re.sub(r"\s*\([^)]*\)", "", name).lower().strip()


def _related(subjects: list[str], reader: Reader) -> list[str]:
    """What the rule base holds beside the subjects: the things facts about them are also about,
    and the instruments a body among them issued."""
    rb = reader.rule_base
    found: list[str] = []
    for subject in subjects:
        if subject in rb.institutions:
            found += [s for s in reader.issued_by(subject) if s in rb.entities]
        for fact in rb.facts.values():
            if subject in fact.about:
                found += fact.about
    return [e for e in dict.fromkeys(found) if e not in subjects]


def _own(subjects: list[str], reader: Reader) -> list[str]:
    """What belongs to the subjects: the instruments a body among them issued, and the parts of
    them (their articles, the definition they give)."""
    rb = reader.rule_base
    issued = [s for body in subjects if body in rb.institutions for s in reader.issued_by(body)]
    parts = [e for e in rb.entities if e not in subjects and part_of(e, subjects, reader)]
    return [e for e in dict.fromkeys([*issued, *parts]) if e in rb.entities and e not in subjects]


def _words(text: str) -> frozenset[str]:
    from knowledge.index.lexical import tokenize

    ignored = phrasebook().ignored_stems
    return frozenset(w for w in tokenize(text) if w[:5] not in ignored)


def _phrases(entity: str, reader: Reader) -> list[frozenset[str]]:
    named = reader.rule_base.entities[entity]
    return [_words(p) for p in (named.name, named.name_ja or "", *named.aliases) if p]


def _same(word: str, other: str) -> bool:
    """One word, inflected or not ('transfers', 'transferring' and 'transfer')."""
    if word == other:
        return True
    short, long = sorted((word, other), key=len)
    return short.isascii() and len(short) >= 5 and long.startswith(short)


def _covers(phrase: frozenset[str], words: AbstractSet[str]) -> int:
    return sum(any(_same(w, p) for p in phrase) for w in words)


def named_beside(question: str, subjects: list[str], reader: Reader) -> list[str]:
    """What a follow-up's words name among the things the rule base holds beside the earlier
    subjects, when they name nothing by themselves ('what about transfers abroad?' after a
    question on the APPI: its cross-border transfer rule). Of a name's words, those the question
    gives must outweigh those it lacks; the best match only, and none on a tie. A fragment
    asking a facet ('罰則は？') names it by that."""
    words = _words(question)
    if not words or not subjects or phrasebook().facet_match(question)[1] is not None:
        return []
    scores: dict[str, float] = {}
    for entity in _related(subjects, reader):
        for phrase in _phrases(entity, reader):
            hits = _covers(phrase, words)
            if hits and 2 * hits > len(phrase):
                scores[entity] = max(scores.get(entity, 0), hits - len(phrase) / 100)
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return []
    return [ranked[0][0]]


def in_context(entities: list[str], question: str, history: list[str], reader: Reader) -> list[str]:
    """A follow-up's names read in the context of the earlier subjects: a word that names
    something unrelated to them ('the checklist' of the AI Guidelines for Business) names the
    thing beside them it also names ('the checklist' after the ACA's copyright guidance: its AI
    and copyright checklist)."""
    subjects = earlier_subjects(history, reader) if history else []
    if not subjects:
        return entities
    related = set(_related(subjects, reader)) | set(subjects)
    words = _words(question)
    out: list[str] = []
    for entity in entities:
        if entity in related:
            out.append(entity)
            continue
        said = frozenset(w for w in words if any(_covers(p, {w}) for p in _phrases(entity, reader)))
        instead = [
            e
            for e in _own(subjects, reader)
            if said and any(_covers(p, said) == len(said) for p in _phrases(e, reader))
        ]
        out.append(instead[0] if len(instead) == 1 else entity)
    return list(dict.fromkeys(out))


def points_back(question: str) -> bool:
    """The turn points at what went before with a pronoun ('does that cover…', 'under it'),
    or, in Japanese, which drops the pronoun, has a follow-up's short shape
    ('生成AIだけが対象なの？')."""
    if JAPANESE.search(question):
        said = re.sub(r"\s+", "", question)
        book = phrasebook()
        return bool(book.pointers_ja.match(said) or book.follow_up.search(said))
    return bool(_POINTER.search(question))

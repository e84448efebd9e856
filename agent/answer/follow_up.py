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

from agent.answer.phrasebook import phrasebook
from agent.answer.query import UseCase
from agent.answer.reader import Reader
from core.profile import UseCaseProfile
from knowledge.hints import Hint
from knowledge.schema import EntityKind, Facet

# Who runs the use and where: a follow-up that names any of these replaces them all ("and for a
# hospital?" after a bank is a hospital's use, no longer a bank's); the rest of the use stays.
ACTOR_FIELDS = frozenset({"sectors", "organisation", "government_procurement"})
# A thing a question is asked of; a concept ('penalties'), a role, a sector or a technology only
# narrows it.
_SUBJECT_KINDS = frozenset({EntityKind.instrument, EntityKind.institution})


# A bare question word asks a facet of what went before ('and when?', 'and who?').
_FACET_WORD = re.compile(r"\W*(when|who|whom|where|which|how)\b", re.IGNORECASE)


def refers_back(question: str) -> bool:
    """The turn points back or is a fragment of one ('who enforces that?', 'and for a city?').

    A fragment ('and …?', 'what about …?', '…は？') follows up only if it asks something of the
    rule base: a facet (罰則は？, いつから？, 'and when?'), a thing it names (an instrument, body,
    role, sector), a use, or a word pointing back; an off-topic noun ('今日の天気は？', 'what
    about lunch?') follows nothing up, so the scope guard answers it."""
    book = phrasebook()
    opening = book.elliptical.search(question) or book.follow_up.match(question)
    if opening is None:
        return bool(book.follow_up.search(question)) or _facet_of_what_went_before(question)
    rest = question[opening.end() :] if opening.start() == 0 else question
    return bool(book.follow_up.search(rest) or _FACET_WORD.match(rest)) or _asks_of_rule_base(
        question
    )


# The asker ('who supervises us?'): the organisation the conversation is about.
_ASKER = re.compile(r"\b(we|us|our|ours)\b", re.IGNORECASE)


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
    # 'that' is the binding law the answer detailed before the guidance explaining it.
    sources = reader.rule_base.sources
    return sorted(dict.fromkeys(found), key=lambda s: force_rank(sources[s].legal_force))[:1]


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
_POINTER = re.compile(r"\b(it|its|that|this|them|those|these)\b", re.IGNORECASE)


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
            return [e for e in linked if entities[e].kind in _USE_WORDS]
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


# "the Article 13 one": 'one' after a modifier stands for the noun of the earlier subject.
_ONE = re.compile(
    r"\bthe\b[^?.!]*?\b(?!(?:which|that|this|each|every|any|no|same)\b)\w+\s+(ones?)\b"
)


def named_by_one(asked: str, history: list[str], reader: Reader) -> list[str]:
    """What 'the X one' names after a question on an instrument ('and the article 13 one?' after
    one on the AI Guidelines for Business names the Article 13 guideline): 'one' read as each
    word of the earlier subject's name in turn, until the words name another instrument."""
    match = _ONE.search(asked.lower())
    if not history or match is None or names_subject(reader.linker.link(asked), reader):
        return []
    earlier = [e for e in reader.linker.link(history[-1]) if names_subject([e], reader)]
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

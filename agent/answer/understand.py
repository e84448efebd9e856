"""Understand: a question → a typed `Query` (parts, entities, facet, premises, use case).

Pure and deterministic; a model may propose a `Query` instead, validated against the same type.
"""

from __future__ import annotations

import itertools
import re

from agent.answer.coverage import (
    beyond_coverage,
    implied_subjects,
    statute_concepts,
    statutes_named,
    unknown_laws,
    without_uncovered_laws,
)
from agent.answer.facet_rank import ranked_facet
from agent.answer.follow_up import (
    as_use_case,
    asked_of,
    asks_of_earlier_use,
    carried_use_case,
    earlier_subjects,
    earlier_use_case,
    elides_verb,
    in_context,
    named_beside,
    named_by_one,
    names_subject,
    part_of,
    points_back,
    refers_back,
    restates_earlier_use,
    use_case_subjects,
    use_words,
)
from agent.answer.issuers import documents_named
from agent.answer.japanese_parts import (
    asks_anew,
    asks_degree,
    asks_in_japanese,
    joined_ask,
    split_joined,
    without_connective,
)
from agent.answer.lang import choose
from agent.answer.linker import normalise
from agent.answer.phrasebook import phrasebook
from agent.answer.presupposition import clauses, in_other_senses, names_belief, presupposed
from agent.answer.query import Part, Query, Route, UseCase
from agent.answer.reader import REGIME, Reader, default_reader
from agent.answer.romaji import may_be_romaji
from agent.answer.select import by_entity_and_facet, unrecorded_date
from agent.answer.use_case_lead import YES_NO_KINDS, ask_kind
from agent.answer.word_lists import WordPattern, reading_words
from knowledge.index.japanese import JAPANESE, spaced
from knowledge.schema import Entity, EntityKind, Facet

MIN_PART_WORDS = 3
_QUESTION_WORD = WordPattern(lambda w: w.question_words, r"^\s*({words})\b", re.IGNORECASE)
_WHETHER = WordPattern(lambda w: w.whether_words, r"^\s*({words})\b", re.IGNORECASE)
# "Who adopted it, when, and is it binding?": a question word on its own asks a part of its own.
_BARE_QUESTION = WordPattern(
    lambda w: w.bare_question_words, r"^\s*({words})\s*\??\s*$", re.IGNORECASE
)


def _unnamed(piece: str, reader: Reader) -> str:
    """The piece (normalised) less the names spelt out in it: a cue word inside a name ('METI's
    AI contract checklist') asks nothing."""
    norm, spans = reader.linker.exact_names(piece)
    for start, end, _ in sorted(spans, reverse=True):
        norm = f"{norm[:start]} {norm[end:]}"
    return norm


def _asks(piece: str, reader: Reader | None = None) -> bool:
    """A piece that asks something (rather than giving context, "we are a US company")."""
    book = phrasebook()
    cued = _unnamed(piece, reader) if reader is not None else piece
    if book.yes_no.search(piece) or book.facet_match(cued)[1] is not None:
        return True
    if book.request.search(piece):  # "Tell me when…", "Give me the full name…"
        return True
    if asks_in_japanese(piece):  # '第30条の4とは何ですか'
        return True
    return bool(_QUESTION_WORD.search(piece)) or piece.rstrip().endswith(("?", "？"))


def _with_alternatives(pieces: list[str]) -> list[str]:
    """'任意ですか、それとも義務ですか': a piece opening with the other choice joins the one
    before it, which asks the same question."""
    joined: list[str] = []
    for piece in pieces:
        if joined and phrasebook().alternative.match(piece):
            joined[-1] = (
                f"{joined[-1]}、{piece}" if JAPANESE.search(piece) else f"{joined[-1]}, {piece}"
            )
        else:
            joined.append(piece)
    return joined


def _asks_again_of(piece: str, before: str, reader: Reader) -> bool:
    """'AI事業者ガイドラインに拘束力はある？デジタル庁のは？': a short elliptical piece naming an
    instrument or body the part before does not asks that part again of it, on its own."""
    if not phrasebook().elliptical.search(piece):
        return False
    linker = reader.linker
    named = [e for e in linker.link(piece) if e not in linker.link(before)]
    return names_subject(named, reader)


def _asked_pieces(item: str) -> list[str]:
    """`item` split where one ask ends and the next begins. A piece the asker closed with a
    question mark that nothing else marks as asking keeps it ('著作権法30条の4は何を許してる？
    それと…': the first piece asks, though no question word or ending says so)."""
    pieces, start = [], 0
    for cut in phrasebook().splitter.finditer(item):
        piece = item[start : cut.start()]
        closed = cut.group().startswith("?") and not _asks(piece)
        pieces.append(piece + ("?" if closed else ""))
        start = cut.end()
    return [*pieces, item[start:]]


def split_parts(question: str, reader: Reader | None = None) -> list[str]:
    """'When … and what …?' → ['When …', 'what …']; fragments join the part before them and
    context ("We are a US company.", "our vendor keeps citing METI's checklist") joins the
    question after it."""
    reader = reader or default_reader()
    # Each enumerated or bulleted item ('1) … 2) …', '- …') first, then the asks inside it.
    items = phrasebook().list_item.split(question)
    pieces = [p.strip(" ,.:：\n") for item in items for p in _asked_pieces(item) if p and p.strip()]
    pieces = _with_alternatives(pieces)
    # Japanese: a later piece less its connective ('それと…'), asks joined by と/や apart. A piece
    # a connective opened is a new ask however short ('…いつ？それと規制機関なの？').
    opened: set[int] = set()
    split: list[str] = []
    for n, p in enumerate(pieces):
        bare = without_connective(p) if n else p
        for q in filter(None, split_joined(bare)):
            if bare != p:
                opened.add(len(split))
            split.append(q)
    parts: list[str] = []
    context = ""
    for n, piece in enumerate(split):
        if phrasebook().instruction.search(piece):
            continue  # "State that the AI Act fines…": an order, neither asked nor believed
        japanese = bool(JAPANESE.search(piece))
        joined = joined_ask(piece)  # '…の役割と、発行元を教えて': asked by the next predicate
        piece = joined or piece
        words = len(piece.split()) if not japanese else len(piece) // 3
        short = words < MIN_PART_WORDS and not _BARE_QUESTION.match(piece)
        anew = japanese and (asks_anew(piece, parts[-1]) if parts else False)
        anew = anew or (japanese and bool(parts) and _asks_again_of(piece, parts[-1], reader))
        anew = anew or (n in opened and asks_in_japanese(piece))
        if parts and short and not anew:
            parts[-1] = f"{parts[-1]} {piece}"
        elif not (joined or _asks(piece, reader)):
            context = f"{context} {piece}".strip()
        else:
            # The sentence's full stop kept, so the question is still read as asked ("We're a
            # startup. Does the Act apply to us?" is a yes/no question).
            if context:  # a request after the context ("… Then tell me when…") asks what it wraps
                piece = unwrap(piece)[0]
            parts.append(f"{context}. {piece}" if context else piece)
            context = ""
    if context:
        parts = [*parts[:-1], f"{parts[-1]} {context}"] if parts else [context]
    return parts or [question.strip()]


def route_part(part: Part, reader: Reader) -> Route:
    """Pure: which way one part goes."""
    entities = reader.rule_base.entities
    if part.uncovered or any(not entities[e].covered for e in part.entities):
        covered = [e for e in part.entities if entities[e].covered]
        instruments = [e for e in covered if entities[e].kind == EntityKind.instrument]
        if not instruments:
            return "not_covered"
    subjects = reader.subjects(part.entities)
    refuted = [p for p in part.premises if not upheld(p, part, reader)]
    if any(reader.refuting(p, subjects) for p in refuted):
        return "premise"
    if part.beyond:  # a statute asked about what the rule base holds nothing on for it
        return "not_covered"
    # Facts on the asked facet (or, for a named instrument or body, what it is) answer it; one
    # saying where the rule base stops ('Not covered by Shirube: …'), leading, makes the answer
    # a not-covered one.
    found = by_entity_and_facet(part, reader)
    if found and found[0].not_covered:
        return "not_covered"
    # A date the rule base does not hold for what is named ('When was the Digital Agency set
    # up?') is a lookup that says so, not a search that finds some other fact on it.
    return "lookup" if found or unrecorded_date(part, reader) else "search"


# Facets on which a statute's fact says what is required of a thing or whom it covers, and
# what it is required of: what the AI is used for or what it is.
_REQUIRES = {Facet.duty, Facet.scope}
_USES = {EntityKind.sector, EntityKind.technology}


def upheld(premise: str, part: Part, reader: Reader) -> bool:
    """Does a binding statute require of a use or technology the part names what the belief
    names ('Level 4 driverless operation needs a permit under the Road Traffic Act')? Then the
    belief is no false one about it: the AI regime's 'no AI licence' does not answer it, that
    statute does. A fact that refutes a belief is no such requirement."""
    entities = reader.rule_base.entities
    # Asked of a document that does require it ('Does the Digital Agency's guideline require a
    # CAIO?': of ministries, yes): its own duty is the answer, not a correction.
    # Of the role asked about, if one is: the guideline's CAIO duty is the ministries', so 'does it
    # require private companies to appoint one?' is still the belief, corrected.
    named = {e for e in part.entities if entities[e].kind == EntityKind.instrument}
    roles = {e for e in part.entities if entities[e].kind == EntityKind.role}
    if (
        part.yes_no
        and named
        and any(
            f.facet == Facet.duty
            and not f.refutes
            and named & set(f.about)
            and (not roles or roles & set(f.about))
            and names_belief(f.text, premise, reader)
            for f in reader.rule_base.facts.values()
        )
    ):
        return True
    things = {e for e in part.entities if entities[e].kind in _USES}
    # Held of a law the part names ('the conformity assessment under the AI Promotion Act for a
    # medical AI'): only that law's own requirement upholds it, not another statute's.
    return bool(things) and any(
        f.facet in _REQUIRES
        and not f.refutes
        and things & set(f.about)
        and reader.hard_laws & set(f.about)
        and (not named or bool(named & set(f.about)))
        and names_belief(f.text, premise, reader)
        for f in reader.rule_base.facts.values()
    )


def _names_uncovered(part: Part, reader: Reader) -> bool:
    """Does the part name a law or thing the rule base does not cover (not only land on a fact
    saying where it stops)?"""
    entities = reader.rule_base.entities
    return bool(part.uncovered or part.beyond) or any(
        not entities[e].covered for e in part.entities
    )


# What a statute is asked: what it requires of the asker, or whom and what it covers.
_OF_A_STATUTE = {Facet.duty, Facet.scope}


def asks_of_a_law(part: Part, question: str, reader: Reader) -> bool:
    """Is the part asking what a named law asks of the asker, a lookup even in a business's
    words? Either what a binding statute requires or covers ('Under the APPI, what do we have to
    tell people…?', 'if customer data leaks, do we have to report it?'): the question asked names
    the statute or a concept only that statute's facts speak of, and facts about them answer it;
    or whether any law it names binds ('do we legally have to follow the AI guidelines?').
    `question` is the question as typed (of a question in several parts, the part's own words):
    its last sentence is the one asked, a clause before it ('Under the APPI, …', 'if customer
    data leaks, …') part of it."""
    if part.route != "lookup":
        return False
    asked = reader.linker.link(_last_sentence(question))
    if part.facet == Facet.legal_force:
        instruments = {
            e for e in asked if reader.rule_base.entities[e].kind == EntityKind.instrument
        }
        return bool(instruments & set(part.entities))
    if part.facet not in _OF_A_STATUTE:
        return False
    concepts = statute_concepts(reader)
    named = {*statutes_named(asked, reader), *(e for e in asked if e in concepts)}
    named |= {concepts[e] for e in named if e in concepts}
    return any(set(fact.about) & named for fact in by_entity_and_facet(part, reader))


def _named(text: str, span: tuple[int, int] | None, reader: Reader) -> list[str]:
    """What the words name. Those that say what is asked ("which ministries", "who regulates")
    name no subject, unless a name runs on past them ("definition of AI", "AIの定義")."""
    whole = reader.linker.link(text)
    if span is None:
        return whole
    subject = reader.linker.link(text[: span[0]] + " " + text[span[1] :])
    asking = set(reader.linker.link(text[span[0] : span[1]]))
    kept = [e for e in whole if e in subject or e not in asking]
    return kept + [e for e in subject if e not in kept]


# Facets whose question is asked of someone: "what does the Act require of businesses".
_ADDRESSED = {Facet.duty, Facet.scope, Facet.penalty, Facet.legal_force, Facet.what}


def addressee(text: str, facet: Facet, entities: list[str], reader: Reader) -> str | None:
    """The role a duty or scope question is asked of in everyday words ("of businesses", "事業者に
    何を"): the role with an alias holding those words, and on a tie the one with the most facts
    beside what the question names. None when a role is named already or none fits."""
    rb = reader.rule_base
    roles = [e for e in rb.entities.values() if e.kind == EntityKind.role]
    match = phrasebook().addressee.search(text)
    if facet not in _ADDRESSED or any(r.id in entities for r in roles):
        return None
    if match is None:
        return _audience(facet, entities, reader)
    who = normalise(match.group("who") or match.group("who_ja")).strip()
    if who in reading_words().addressee_asker_words:  # "apply to us?": a business asks
        return _audience(Facet.duty, entities, reader)

    def fitting(words: set[str]) -> list[Entity]:
        return [
            role
            for role in roles
            if any(
                (words <= set(alias.split())) if who.isascii() else who in alias
                for alias in (
                    normalise(a) for a in (role.name, role.name_ja or "", *role.aliases) if a
                )
            )
        ]

    fits = fitting(set(who.split()))
    if not fits and who.isascii() and " " in who and not reader.linker.link(who):
        fits = fitting({who.split()[-1]})  # 'saas companies': its head noun, a word naming nothing
    if not fits:
        return None
    named = set(entities)
    beside = [set(f.about) for f in rb.facts.values() if named & set(f.about)]
    return max(fits, key=lambda role: sum(role.id in about for about in beside)).id


def _audience(facet: Facet, entities: list[str], reader: Reader) -> str | None:
    """A duty question naming no one ("What does the Act require?") is asked by a business: of
    an instrument with duties for a role Shirube's readers hold (phrasebook audience), that role."""
    rb = reader.rule_base
    named = {e for e in entities if rb.entities[e].kind == EntityKind.instrument}
    if facet != Facet.duty or not named:
        return None
    duties = [set(f.about) for f in rb.facts.values() if f.facet == Facet.duty]
    for role in phrasebook().book.audience:
        if any(role in about and named & about for about in duties):
            return role
    return None


# What asking whether it exists asks of: a law named, or the regime as a whole.
_EXISTS_AS = {EntityKind.instrument, EntityKind.jurisdiction}


def asks_if_named_exists(text: str, span: tuple[int, int], reader: Reader) -> bool:
    """'Is there an AI law in Japan?' asks whether a thing the rule base names exists (yes: the
    AI Promotion Act), not what the regime lacks ('Is there a licence requirement?'): the word
    the cue asks about ('law') is part of the name of an instrument or the regime, so without it
    that name is gone. Japanese reads its own cue (phrasebook does_not)."""
    thing = re.search(r"(\w+)\W*$", text[span[0] : span[1]])
    if thing is None or JAPANESE.search(text):
        return False
    start, end = span[0] + thing.start(1), span[0] + thing.end(1)
    left = set(reader.linker.link(text[:start] + text[end:]))
    entities = reader.rule_base.entities
    return any(entities[e].kind in _EXISTS_AS and e not in left for e in reader.linker.link(text))


def _last_sentence(text: str) -> str:
    """The question after any context ("A ministry wants a tool. where do … go?")."""
    return re.split(r"(?<=[.!?])\s+", text.strip())[-1]


def unwrap(text: str) -> tuple[str, bool]:
    """A request wrapping a question ("Tell me when…", "Can you tell me who…") asks what it
    wraps, and asks yes or no when it wraps 'whether' or 'if' ("I'd like to know whether…")."""
    unwrapped = phrasebook().request.sub("", text, count=1)
    if not unwrapped or unwrapped == text:
        return text, False
    return unwrapped, bool(_WHETHER.match(unwrapped))


# What a question asks whether it is legal, as against a law asked how far it binds or an
# activity whose law says how far it is allowed ('training on others' works': Article 30-4).
_TECHNOLOGY = {EntityKind.technology, EntityKind.jurisdiction}


def asks_legality(text: str, facet: Facet, entities: list[str], reader: Reader) -> bool:
    """'Are deepfakes illegal?', '顔認証って違法？': a yes/no question whether a technology is
    legal or forbidden (use_case_leads.yaml's permission and forbidden kinds), naming no law,
    body or activity beside it, asks whether any law bans it (facet does_not), not how far a
    law binds ('Is it illegal to ignore the AI Guidelines for Business?': their legal force)."""
    if facet not in (Facet.legal_force, Facet.what):
        return False  # 'what': how a question no facet cue reads is often ranked
    kinds = {reader.rule_base.entities[e].kind for e in entities}
    if EntityKind.technology not in kinds or not kinds <= _TECHNOLOGY:
        return False
    return ask_kind(text) in YES_NO_KINDS


def read_part(text: str, reader: Reader) -> Part:
    book = phrasebook()
    text, whether = unwrap(text)
    facet, span = book.facet_match(text)
    if facet == Facet.does_not and span and asks_if_named_exists(text, span, reader):
        facet, span = Facet.what, None  # whether the named law exists is asked of it
    entities = _named(text, span, reader)
    entities += implied_subjects(text, entities, reader)  # 'customer data in a UK region'
    other = in_other_senses(entities, text, reader)  # 'a TDM licence' is no state licence
    entities = [e for e in entities if e not in other]
    if span is None and not JAPANESE.search(text):  # no cue: the best-matched facet, read in
        facet = ranked_facet(_last_sentence(text), entities, reader)  # the question, not context
    if asks_legality(text, facet, entities, reader):
        facet = Facet.does_not  # 'are deepfakes illegal?': whether any law bans it
    role = addressee(text, facet, entities, reader)
    entities += [role] if role else []
    if book.body_says.search(text):  # what a body said: the instruments it issued say it
        entities = reader.instruments_for(entities)
    # The question after any context, set off by a full stop or a dash ('We want to … — do we
    # need consent?').
    asked = re.split(r"(?<=[.!?])\s+|\s+[—–]\s+", text.strip())[-1]
    yes_no = bool(book.yes_no.search(text.strip()) or book.yes_no.search(asked)) or whether
    yes_no = yes_no and not asks_degree(text)  # 'より厳しいですか': no fact's yes or no fits
    # 'binding or voluntary?' asks which: no yes or no answers it, and it believes neither.
    alternative = yes_no and bool(book.alternative.search(text))
    yes_no = yes_no and not alternative
    part = Part(
        text=text,
        entities=entities,
        facet=facet,
        yes_no=yes_no,
        claim=not _asks(text),
        # A cue inside the name of a law Shirube does not cover ('不正アクセス禁止法') is no belief.
        # Asked plainly of a thing it names ('Is the Article 13 guideline binding?'); of no
        # thing ('are the AI guidelines binding?') the belief is corrected.
        premises=presupposed(
            without_uncovered_laws(text, reader),
            reader,
            asks_whether=yes_no or alternative,
            facet=facet if entities else None,
        ),
        uncovered=unknown_laws(text, reader),
        beyond=beyond_coverage(entities, reader),
        presupposed=not (yes_no or alternative) or book.stated(text) is not None,
    )
    part.route = route_part(part, reader)
    return part


def read_use_case(question: str, lang: str = "en") -> UseCase | None:
    from agent.use_case import read_use_case as hints

    reading = hints(question)
    # Someone's own use: the reader's (we, 弊社, a wish such as 導入したい, leave asked for a placed
    # use) or a named organisation's ("a hospital group plans to …"). Japanese drops the subject,
    # so a service is the asker's where the question places it ('採用面接をAIで評価するサービス');
    # 'AIサービスを始めるには…' names no use.
    named = bool(phrasebook().describes_use.search(question))
    if JAPANESE.search(question):
        named = named and reading.placed
    own_use = reading.own_use or named
    # Whoever's use it is, putting AI to work describes one ("a startup wants AI to …").
    described = reading.is_use_case or (reading.asks and reading.activity)
    if not described or not own_use:
        return None
    profile = reading.profile.model_dump(exclude_defaults=True)
    return UseCase(reads=reading.reads_in(lang), profile=profile)


def asks_only_belief(parts: list[Part], question: str) -> bool:
    """'do we need to registr our ai system with the goverment?': one sentence asking whether a
    false belief holds, of an AI it describes by nothing but being AI (its reading sets only the
    fields any AI tool sets, phrasebook bare_use; no sentence before it describes a use). The
    belief is what is asked: it is answered, not the layers of a use nobody described ('Do we
    need to register our customer service chatbot …?' names one). A part beside it that looks a
    thing up ('…, and who do we report a data leak to?') describes no use either."""
    from agent.use_case import read_use_case as hints

    beliefs = [p for p in parts if p.route == "premise" and p.yes_no]
    if not beliefs or not all(p in beliefs or p.route == "lookup" for p in parts):
        return False
    if len(clauses(question)) > 1:  # '…AIを入れたいのですが、…' describes the use first
        return False
    reading = hints(question)
    bare = set(phrasebook().book.bare_use)
    return not any(h.use_case for h in reading.hints) and (
        set(reading.profile.model_dump(exclude_defaults=True)) <= bare
    )


# A predicate asking one point of law of a use (reading_words.yaml legal_point_words and stems).
_LEGAL_POINT = WordPattern(
    lambda w: w.legal_point_words,
    r"\b(?:{words}|(?:{stems})\w*)\b",
    re.IGNORECASE,
    stems=lambda w: w.legal_point_stems,
)


def asks_legal_point(parts: list[Part], question: str, reader: Reader) -> bool:
    """'If we pseudonymise customer data, can we hand it to a partner to train their model?':
    one sentence, no sentence before it describing a use, whose question asks a point of law
    (its predicate a legal point: can they inspect, is it infringement, must we report it, can we
    hand it over, is it protected) is looked up on what it names, though it says 'we'. Each
    other part asks under a law it names ('Can we train … under Article 30-4, and will its output
    be protected by copyright?'). A use described, then asked about ('We're a carrier. Our call
    centre wants AI that … Anything to sort out first?'), is still a use case, and so is a
    part naming nothing to look the point up on ('if our vendor is hacked, must we report it?')."""
    if len(clauses(question)) > 1 or any(p.route != "lookup" for p in parts):
        return False
    entities = reader.rule_base.entities

    def names_law(part: Part) -> bool:
        return any(
            e in reader.articles or entities[e].kind == EntityKind.instrument for e in part.entities
        )

    # The point is looked up on what the part names: naming nothing, there is nothing to look up.
    asking = [p for p in parts if p.entities and _LEGAL_POINT.search(p.text)]
    return bool(asking) and all(p in asking or names_law(p) for p in parts)


# What an earlier question was asked of, as against the roles and concepts that narrowed it.
_SUBJECTS = {EntityKind.instrument, EntityKind.institution}


def _names_subject(entities: list[str], reader: Reader) -> bool:
    """A thing a question is about; a concept ('penalties') or a role only narrows it."""
    kinds = {EntityKind.concept, EntityKind.role}
    return any(reader.rule_base.entities[e].kind not in kinds for e in entities)


def follow_up_subject(question: str, history: list[str], reader: Reader) -> list[str]:
    """The entities an earlier question named, when this one names none and refers back."""
    if asks_of_earlier_use(question, history, reader):  # "do we need consent for that?"
        use = earlier_use_case(history, reader) or []
        subjects = use_case_subjects(as_use_case(use, "en"), reader, history[-1])
        return [*subjects, *(e for e in use_words(history, reader) if e not in subjects)]
    linked = reader.linker.link(question)
    if not history or names_subject(linked, reader):
        return []
    # A technology or sector named is a new topic ('what about copyright?'), unless the turn
    # points back at the earlier subject ('does that only cover generative AI?').
    if _names_subject(linked, reader) and not points_back(question):
        return []
    if not points_back(question) and asks_of_its_own(question, linked, history, reader):
        return []
    # A fragment naming a thing the rule base holds beside the earlier subject ('what about
    # transfers abroad?' after a question on the APPI) follows it up too.
    beside = not linked and named_beside(question, earlier_subjects(history, reader), reader)
    if read_use_case(question) or not (refers_back(question) or points_back(question) or beside):
        return []
    # After a use-case question, 'that' is the rules its answer detailed ("who enforces that?").
    chain = earlier_use_case(history, reader)
    if chain is not None:  # a fragment asking nothing of its own is the use case asked again
        asks = phrasebook().facet_match(question)[1] is not None
        return use_case_subjects(as_use_case(chain, "en"), reader, history[-1]) if asks else []
    # What it was asked of, not the topic that narrowed it ('生成AI' in "is the APPI relevant to
    # generative AI?" is no subject of "who supervises it?").
    return earlier_subjects(history, reader)


def asks_of_its_own(question: str, linked: list[str], history: list[str], reader: Reader) -> bool:
    """A fragment naming a topic that the facts on the facet it asks tie to other texts than the
    earlier subject ('and the penalty for copyright infringement?' after the AI Promotion Act's
    penalties: the Copyright Act's) asks of that topic, not of the earlier subject."""
    facet, span = phrasebook().facet_match(question)
    entities = reader.rule_base.entities
    topics = {e for e in linked if entities[e].kind == EntityKind.concept}
    if span is None or not topics:
        return False
    subjects = set(earlier_subjects(history, reader))
    on = [f for f in reader.rule_base.facts.values() if f.facet == facet and topics & set(f.about)]
    return bool(on) and not any(subjects & set(f.about) for f in on)


# Facets each instrument answers alone: the penalties of two laws, or who enforces each, are two
# answers.
_EACH = (Facet.penalty, Facet.legal_force, Facet.who)


def per_instrument(part: Part, reader: Reader) -> list[Part]:
    """'What penalties do the AI Act and the APPI carry?' asks it of each: one part per
    instrument named, each with what else the part names, on a facet each answers alone."""
    entities = reader.rule_base.entities
    named = [e for e in part.entities if entities[e].kind == EntityKind.instrument]
    if part.facet not in _EACH or len(named) < 2 or part.route == "not_covered":
        return [part]
    # 'Which article of the AI Act provides for the Basic Plan?' asks one text about another.
    if phrasebook().which_article.search(part.text):
        return [part]
    rest = [e for e in part.entities if e not in named]
    each = [part.model_copy(update={"entities": [e, *rest]}) for e in named]
    for one in each:
        one.route = route_part(one, reader)
    return each


def regime_penalty_first(parts: list[Part], reader: Reader) -> list[Part]:
    """'What fines could we face if we get this wrong?' after a use case asks it of the regime
    over that use, not of one statute: the AI law's own penalties (it sets none) come first,
    then those of each binding law the use case engaged."""
    rb = reader.rule_base
    laws = [e for e in REGIME if e in rb.entities and rb.entities[e].kind == EntityKind.instrument]
    named = {e for part in parts for e in part.entities}
    if parts[0].facet != Facet.penalty or not laws or named & set(laws):
        return parts
    # No bare yes or no: the AI law's 'no' is not the answer for the binding laws after it.
    update = {"entities": laws, "yes_no": False, "premises": [], "of_regime": True}
    regime = parts[0].model_copy(update=update)
    regime.route = route_part(regime, reader)
    return [regime, *parts]


# What a Japanese part leaves unsaid ('AISIのガイドだと、いつやるのがいい？' after a part on red
# teaming): the topic the part before asked of, as English would say 'it'.
_TOPICS = frozenset({EntityKind.concept, EntityKind.technology})


def dropped_topic(before: Part, part: Part, reader: Reader) -> list[str]:
    """The topics of the part before, when a Japanese part names only bodies (the source it
    asks by: 'AISIのガイドだと') and so leaves its object unsaid."""
    entities = reader.rule_base.entities
    if not JAPANESE.search(part.text) or not part.entities:
        return []
    if any(entities[e].kind != EntityKind.institution for e in part.entities):
        return []
    return [e for e in before.entities if entities[e].kind in _TOPICS and e not in part.entities]


def carried(before: Part, text: str, facet: Facet, reader: Reader) -> list[str]:
    """What a later part naming nothing asks of ('…; also are there fines?'): the instruments
    and bodies the part before named, the roles and parts of them it named, and the concepts
    the rule base speaks of with them on the facet now asked; not the thing the part before
    asked about ('a CAIO'), which says nothing of fines and would lead with its own answer,
    unless `text` points at it ('…and has Japan made that a legal duty?')."""
    # 'the guideline', 'そのガイドライン': the document of that kind carried, not the other
    # instruments or bodies the part before named beside it ('…a medical device').
    documents = documents_named(before.entities, text, reader)
    if documents:
        return documents
    entities = reader.rule_base.entities
    subjects = [e for e in before.entities if names_subject([e], reader)]
    if not subjects or phrasebook().demonstrative.search(text):
        return list(before.entities)

    def speaks(concept: str) -> bool:
        return any(
            concept in f.about and f.facet == facet and set(f.about) & set(subjects)
            for f in reader.rule_base.facts.values()
        )

    return [
        e
        for e in before.entities
        if e in subjects
        or entities[e].kind == EntityKind.role
        or part_of(e, subjects, reader)
        or speaks(e)
    ]


# 'how much are the fines under it?', 'what fines does it hand out?', '罰金はいくら': asking how
# much of a thing there is, or which of them, takes it as there.
_AMOUNT = WordPattern(
    lambda w: w.amount_words,
    r"\b(?:{words})\b|\b(?:{kind})\s+\w+s\s+(?:{aux})\b|(?:{ja})",
    re.IGNORECASE,
    kind=lambda w: w.kind_words,
    aux=lambda w: w.auxiliary_words,
    ja=lambda w: w.amount_words_ja,
)
_POINTER = WordPattern(lambda w: w.pointer_words, r"\b(?:{words})\b", re.IGNORECASE)


def _short_name(entity: Entity, ja: bool) -> str:
    """The name a question would use: in Japanese its shortest Japanese alias ('AI推進法')."""
    if not ja:
        return entity.name
    names = [a for a in (entity.name_ja or "", *entity.aliases) if a and JAPANESE.search(a)]
    return min(names, key=len) if names else entity.name


def carried_beliefs(part: Part, reader: Reader) -> list[str]:
    """The beliefs a part that points back holds of what it was carried ('…, and how much are
    the fines under it?' believes the Act has fines), read with that name in the place of 'it':
    only where the part takes a thing as there, asking how much of it there is. 'what's the
    penalty?' only asks; the belief of the part before ('does the Act ban deepfakes') is its own
    and stays there."""
    if part.premises or not _AMOUNT.search(part.text):
        return part.premises
    named = [e for e in part.entities if names_subject([e], reader)]
    if not named:
        return part.premises
    ja = bool(JAPANESE.search(part.text))
    name = _short_name(reader.rule_base.entities[named[0]], ja)
    text = f"{name}、{part.text}" if ja else part.text
    if not ja:
        text, n = _POINTER.compiled.subn(f"the {name}", text, count=1)
        text = text if n else f"{name}: {text}"
    return presupposed(text, reader, asks_whether=part.yes_no, facet=part.facet)


def said_by_before(part: Part, before: Part, reader: Reader) -> bool:
    """A part asking what was said that names no one to say it ('…って何をするところで、生成AI
    について何か言ってますか', Japanese dropping 'it'): the body the part before named said it."""
    bodies = reader.rule_base.institutions
    return (
        bool(phrasebook().body_says.search(part.text))
        and not names_subject(part.entities, reader)
        and any(e in bodies for e in before.entities)
    )


def names_again(text: str, entities: list[str], reader: Reader) -> bool:
    """The words point at an earlier subject by a noun of its name ('そのガイドライン', 'that
    guideline'), not at what the answer before named."""
    found = phrasebook().pointer_noun.search(text)
    noun = normalise(found.group("noun") or found.group("noun_en") or "") if found else ""
    named = reader.rule_base.entities
    return bool(noun) and any(
        noun in normalise(alias)
        for e in entities
        for alias in (named[e].name, named[e].name_ja or "", *named[e].aliases)
    )


def post_answered(part: Part, reader: Reader) -> list[str]:
    """The post a part asking for one ('which officer…', '置く役職は何') is answered with: what
    its lead fact is about whose name names that post (the Chief AI Officer); none when the part
    asks for no post."""
    book = phrasebook()
    asked = book.roles(part.text)
    if not asked or part.facet not in (Facet.who, Facet.duty) or part.yes_no:
        return []
    entities = reader.rule_base.entities
    lead = by_entity_and_facet(part, reader)[:1]

    def names_post(entity: str) -> bool:
        named = entities[entity]
        return bool(set(book.roles(f"{named.name} {named.name_ja or ''}")) & set(asked))

    return [e for f in lead for e in f.about if e not in part.entities and names_post(e)]


def reasks(question: str, reader: Reader | None = None) -> bool:
    """Would `question`, after another, ask that one again ("and for developers?")?"""
    reader = reader or default_reader()
    asked = spaced(question)
    return re_ask(read_part(asked, reader), asked, ["?"], reader, probe=True) is not None


def _asked_again(
    part: Part, asked: str, history: list[str], reader: Reader, earlier: Part | None = None
) -> Part | None:
    """The earlier question in its own words, asked of what the fragment names instead ("who
    enforces the APPI?" → "who enforces the copyright act?"); None when they name nothing alike."""
    earlier = earlier or understand(history[-1], reader, history=history[:-1]).parts[0]
    said = asked_of(earlier.text, asked, reader)
    if said is None:
        return None
    again = read_part(said, reader)
    premises = list(dict.fromkeys([*part.premises, *again.premises]))
    again = again.model_copy(update={"premises": premises, "context": earlier.text})
    again.route = route_part(again, reader)
    return again


def re_ask(
    part: Part, asked: str, history: list[str], reader: Reader, *, probe: bool = False
) -> Part | None:
    """An elliptical follow-up with no facet of its own ("and for developers?", "what about the
    AI Basic Plan?") asks the last question again: its facet, yes/no and premises, of the
    instrument or body it names, else of the earlier subject narrowed by the role it names."""
    book = phrasebook()
    own = None if probe else part
    # 'do private companies have to as well?': its auxiliary stands for the earlier verb, so the
    # facet its words seem to ask ('have to') is that question's, not one of its own.
    elided = elides_verb(asked)
    if len(history) == 0 or not (elided or book.elliptical.search(asked)):
        return own
    if (book.facet_match(part.text)[1] is not None and not elided) or read_use_case(asked):
        return own
    kinds = {reader.rule_base.entities[e].kind for e in part.entities}
    # 'what about for hospitals?' narrows the last question to a field, as a role does.
    narrows = kinds == {EntityKind.sector} and bool(book.narrowing.search(asked))
    if not kinds or not (kinds <= {*_SUBJECTS, EntityKind.role} or narrows):
        # "what about emotion recognition?" after "does the Act ban facial recognition?" asks
        # that again of it; "what about copyright?" is a new topic, asked on its own.
        return own if probe or not kinds else _asked_again(part, asked, history, reader) or own
    if probe:
        return part
    earlier = understand(history[-1], reader, history=history[:-1]).parts[0]
    again = _asked_again(part, asked, history, reader, earlier)
    if again is not None:
        return again
    entities = part.entities
    if not kinds & _SUBJECTS:  # a role narrows the earlier subject ("and for developers?")
        narrowed = [e for e in earlier.entities if reader.rule_base.entities[e].kind in _SUBJECTS]
        entities = [*narrowed, *(e for e in entities if e not in narrowed)] or earlier.entities
    again = part.model_copy(
        update={
            "entities": entities,
            "facet": earlier.facet,
            "yes_no": part.yes_no or earlier.yes_no,
            "premises": list(dict.fromkeys([*part.premises, *earlier.premises])),
            "context": earlier.text,
        }
    )
    again.route = route_part(again, reader)
    return again


def understand(
    question: str,
    reader: Reader | None = None,
    history: list[str] | None = None,
    lang: str | None = None,
) -> Query:
    """Read `question`; `history` holds the earlier questions of a conversation, oldest first;
    `lang` ('en', 'ja') sets the answer's language, else ('auto', None) the question's own."""
    reader = reader or default_reader()
    answer_lang = choose(lang, question)
    # Japanese beside Latin letters keeps the cues' word boundaries; typos become the rule
    # base's own words ("requre" → "require").
    asked = reader.speller.correct(spaced(question))
    asked = phrasebook().preface.sub("", asked, count=1) or asked  # "ok, different question: …"
    if may_be_romaji(asked):  # 'bassoku' → 罰則; names are the linker's
        asked = reader.romaji_words.correct(asked)
    if JAPANESE.search(asked):  # conversion slips as the words meant ("交付" → 公布)
        asked = reader.homophones.correct(asked)
    parts = [read_part(text, reader) for text in split_parts(asked, reader)]
    earlier = [spaced(h) for h in history or []]
    if len(parts) == 1 and earlier:  # 'the checklist' after the ACA's guidance: the ACA's
        named_here = in_context(parts[0].entities, asked, earlier, reader)
        if named_here != parts[0].entities:
            parts[0].entities = named_here
            parts[0].route = route_part(parts[0], reader)
    if len(parts) == 1:
        named = named_by_one(asked, earlier, reader)  # "and the article 13 one?"
        if named:
            parts[0].entities = named
        parts[0] = re_ask(parts[0], asked, earlier, reader) or parts[0]
        if named and parts[0].entities != named:  # asked again of what 'one' named, not its body
            parts[0].entities = named
            parts[0].route = route_part(parts[0], reader)
    inherited = follow_up_subject(asked, earlier, reader)
    of_use = False
    if not inherited and len(parts) > 1:  # '誰が決めたの？あと拘束力は？': the first refers back
        inherited = follow_up_subject(parts[0].text, earlier, reader)
    on_use = asks_of_earlier_use(asked, earlier, reader)  # of the use before, not a new one
    # 'does that only cover generative AI?': the technology named narrows what 'that' points at.
    points = points_back(asked) and not names_subject(parts[0].entities, reader)
    if inherited and (on_use or points or not _names_subject(parts[0].entities, reader)):
        # 'what about transfers abroad?': what the words name beside the subject is asked of it.
        beside = [] if parts[0].entities else named_beside(asked, inherited, reader)
        own = [e for e in [*parts[0].entities, *beside] if e not in inherited]
        parts[0].entities = [*inherited, *own]
        # Asked of the earlier question's subject, in its words: 'when?' after 'Who adopted the
        # Article 13 guideline?' asks when it was adopted.
        parts[0].context = parts[0].context or earlier[-1]
        parts[0].route = route_part(parts[0], reader)
        of_use = earlier_use_case(earlier, reader) is not None  # the use case's rules, as a whole
    # A part that names nothing inherits the subject of the part before it ("…and when?"); one
    # that refers back ("…and has it said anything about chatbots?") adds it to its own.
    book = phrasebook()
    for before, part in itertools.pairwise(parts):
        if not before.entities:
            continue
        # '…which officer must ministries appoint, and must companies appoint one too?': what
        # the later part points at is the post the earlier one was answered with.
        post = (
            [] if names_again(part.text, before.entities, reader) else post_answered(before, reader)
        )
        if not part.entities:
            part.entities = post or carried(before, part.text, part.facet, reader)
        elif book.follow_up.search(part.text) or said_by_before(part, before, reader):
            # A part before that named only a topic ('登録制度') gives one naming its own
            # ('情報漏えいしたらどこに報告するの') nothing to be asked of, unless it points at it
            # ('…and what has it said about gen AI?'; 'それ…').
            topic_only = not post and not _names_subject(before.entities, reader)
            # One naming an instrument or body of its own ('Who enforces the APPI? also is the AI
            # Promotion Act binding?') is asked of that, unless a word points back ('…does the
            # PPC enforce it?').
            topic_only = topic_only or names_subject(part.entities, reader)
            ja = bool(JAPANESE.search(part.text))
            pointed = book.pointers_ja.match(part.text) if ja else points_back(part.text)
            pointed = pointed or (not ja and _POINTER.search(part.text))
            if topic_only and not (pointed or book.demonstrative.search(part.text)):
                part.context = before.text  # still read after it, as asked
                continue
            carry = post or carried(before, part.text, part.facet, reader)
            subjects = [e for e in carry if e not in part.entities]
            if not book.shifts_subject.search(part.text):  # "…, and what about RAG?" is on RAG
                part.entities = [*subjects, *part.entities]
        elif topics := dropped_topic(before, part, reader):
            part.entities = [*topics, *part.entities]
        else:
            continue
        if book.body_says.search(part.text):  # "…and has it said anything about chatbots?"
            part.entities = reader.instruments_for(part.entities)
        part.context = before.text
        part.premises = carried_beliefs(part, reader)
        part.route = route_part(part, reader)
    # '…who enforces the APPI, and what about the copyright act?': a later part with no facet of
    # its own asks the part before again, of what it names, as a follow-up asks the last turn.
    for n in range(1, len(parts)):
        if book.elliptical.search(parts[n].text):
            asked_before = [parts[n - 1].text]
            named = named_by_one(parts[n].text, asked_before, reader)  # '…, and the DA's one?'
            parts[n].entities = named or parts[n].entities
            parts[n] = re_ask(parts[n], parts[n].text, asked_before, reader) or parts[n]
            if named and parts[n].entities != named:  # asked of what 'one' named, not its body
                parts[n].entities = named
                parts[n].route = route_part(parts[n], reader)
    parts = [each for part in parts for each in per_instrument(part, reader)]
    parts = regime_penalty_first(parts, reader) if of_use else parts
    # Asked under a law Shirube does not cover ("Under the Labor Standards Act, can we use AI
    # to…"), the answer says so rather than list the layers of the laws it does cover.
    # A fact on where the rule base stops leads a part the use case still answers.
    asked_elsewhere = parts[0].route == "not_covered" and _names_uncovered(parts[0], reader)
    # What a named law asks of us is looked up in it, not read as a use case. Of several parts,
    # each is read in its own words: a law another part names ('…What applies, and who supervises
    # the Employment Security Act?') does not make 'what applies' a question on that law.
    asked_elsewhere = asked_elsewhere or any(
        asks_of_a_law(part, asked if len(parts) == 1 else part.text, reader) for part in parts
    )
    # '…via that AI tool, do we have to report it?' after a use case restates that use.
    restated = restates_earlier_use(asked, earlier, reader)
    use_case = None if asked_elsewhere or on_use or restated else read_use_case(asked, answer_lang)
    if use_case is not None and (
        asks_only_belief(parts, asked) or asks_legal_point(parts, asked, reader)
    ):
        use_case = None
    if use_case is None and not asked_elsewhere:  # "and for a hospital?" after a use case
        use_case = carried_use_case(asked, earlier, reader, answer_lang)
    return Query(question=question, parts=parts, use_case=use_case, lang=answer_lang)

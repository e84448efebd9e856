"""Laws a question names that the rule base does not cover, found by the shape of a law's name.

A question about a statute the entity registry does not hold ("What does the Subcontract Act
require…?", "下請法では…") is answered honestly: Shirube's rule base does not cover it. The names
are found by their shape (scope.yaml `law_names`), not listed one by one.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from rapidfuzz.distance import OSA, Levenshtein

from agent.answer.linker import normalise
from agent.answer.reader import Reader
from agent.scope_data import scope
from knowledge.defaults import derived
from knowledge.index.japanese import JAPANESE
from knowledge.schema import EntityKind

# What a law's name can be the name of: the registry's laws, regimes and bodies.
_LAW_KINDS = {EntityKind.instrument, EntityKind.jurisdiction, EntityKind.institution}
JA_SLIP_MIN = 3  # a Japanese name this long can carry one slip and still be told apart
# A Latin name this long (letters and spaces) may carry two slips, a shorter one one: the real
# laws the registry does not hold are three or more edits from every name it does ('EU Data Act'
# from 'EU AI Act', 'Radio Act' from 'AI Act'; tests/answer/test_law_name_typos.py).
TWO_SLIPS = 12


@dataclass(frozen=True)
class LawName:
    name: str  # as typed, less the words that open it ("Does Japan's …")
    start: int
    end: int
    entity: str | None  # the registry entity whose name or alias holds it, if any


@derived  # per reader, cleared with the rule base (a swapped reader is not kept)
def _names(reader: Reader) -> tuple[tuple[str, str], ...]:
    """(normalised name or alias, entity id) for every law, regime and body in the registry."""
    out = []
    for entity in reader.rule_base.entities.values():
        if entity.kind in _LAW_KINDS:
            for alias in (entity.name, entity.name_ja or "", *entity.aliases):
                if alias:
                    out.append((normalise(alias), entity.id))
    return tuple(out)


def _holder(name: str, reader: Reader) -> str | None:
    """The entity one of whose names is `name`, else holds it or is held by it (whole words in
    English), a covered one first: 'ai act' is the AI Promotion Act's as much as the EU's."""
    norm = normalise(name)
    padded = f" {norm} "
    holders = []
    for alias, entity_id in _names(reader):
        if alias == norm:
            return entity_id
        if JAPANESE.search(norm):
            if norm in alias or (len(alias) > 2 and alias in norm):
                holders.append(entity_id)
        elif padded in f" {alias} " or (len(alias.split()) > 1 and f" {alias} " in padded):
            holders.append(entity_id)
    entities = reader.rule_base.entities
    if not holders and norm.isascii():  # a slip in a name ('copyrigt act', 'securty act')
        holders = _misspelt(norm, reader)
    if not holders:  # typed with a slip ('copy right act'): as the linker reads it
        holders = [e for e in reader.linker.link(name) if entities[e].kind in _LAW_KINDS]
    if not holders and JAPANESE.search(norm) and len(norm) >= JA_SLIP_MIN:
        # A conversion slip in a Japanese name ('推新法' for 推進法): one character off the end
        # of a name the registry holds.
        holders = [
            entity_id
            for alias, entity_id in _names(reader)
            if Levenshtein.distance(norm, alias[-len(norm) :]) <= 1
        ]
    return next((e for e in holders if entities[e].covered), holders[0] if holders else None)


def slips(name: str) -> int:
    """How many edits a Latin name of this length may carry and still be that name."""
    return 1 if len(name) < TWO_SLIPS else 2


def _misspelt(norm: str, reader: Reader) -> list[str]:
    """The entity one of whose Latin names the typed name's last words misspell (optimal string
    alignment, so a swap of two letters or a space typed or dropped is one edit): the nearest,
    and of those the one that reads the most words ('eu al act' is the EU AI Act, not the 'ai
    act'); none where two are as near ('al act': the AI Act or the PL Act)."""
    words = norm.split()
    best: dict[str, tuple[int, int]] = {}  # entity → (edits, less the words it reads)
    for alias, entity_id in _names(reader):
        size = len(alias.split())
        if not alias.isascii() or size < 2:  # a name's shape is two words or more ('Penal Code')
            continue
        for k in {size - 1, size, size + 1} & set(range(2, len(words) + 1)):
            typed = " ".join(words[-k:])  # the name less any words it was typed after
            edits = OSA.distance(typed, alias, score_cutoff=slips(alias))
            if edits <= slips(alias):
                best[entity_id] = min(best.get(entity_id, (edits, -k)), (edits, -k))
    nearest = min(best.values(), default=None)
    found = [e for e, key in best.items() if key == nearest]
    return found if len(found) == 1 else []


def _trimmed(name: str, start: int) -> tuple[str, int]:
    """The name less the words before it that only open the sentence ("Does Japan's …")."""
    lead = {w.lower() for w in scope().data.law_name_lead_words}
    while True:
        first, _, rest = name.partition(" ")
        if not rest or not _opens(first, lead):
            return name, start
        start += len(first) + 1
        name = rest.lstrip()


def _tails(name: str, start: int) -> list[tuple[str, int]]:
    """A name typed in lower case, read from each word that only opens it, longest first ('is
    it ok under japan's anti-spam law' … the 'anti-spam law'): nothing in lower case marks
    where a name starts, so the longest the registry holds is it, else the shortest."""
    lead = {w.lower() for w in scope().data.law_name_lead_words}
    words = list(re.finditer(r"\S+", name))
    cuts = [0] + [
        len(name) - len(name[w.end() :].lstrip()) for w in words[:-1] if _opens(w.group(), lead)
    ]
    return [_trimmed(name[cut:], start + cut) for cut in cuts]


def _opens(word: str, lead: set[str]) -> bool:
    """Is the word one that only opens a law's name ('does', 'japan's', 'what's')?"""
    bare = normalise(word).strip(",.?")
    return bare in lead or bare.removesuffix("'s") in lead


def law_names(text: str, reader: Reader) -> list[LawName]:
    """Every law the text names by the shape of its name, with the entity holding it if any."""
    generic = {n.lower() for n in scope().data.not_law_names}
    endings = tuple(scope().data.not_law_endings)
    found: list[LawName] = []
    for pattern in scope().law_names:
        for match in pattern.finditer(text):
            if "tail" in pattern.groupindex:  # a name typed in lower case
                tails = _tails(match.group("tail"), match.start("tail"))
                held = [(n, s, h) for n, s in tails if (h := _holder(n, reader)) is not None]
                name, start, holder = held[0] if held else (*tails[-1], None)
            else:
                name, start = _trimmed(match.group("name"), match.start("name"))
                holder = _holder(name, reader)
            if name.lower() in generic or (len(name.split()) < 2 and not JAPANESE.search(name)):
                continue  # 'Act' alone, or a word that only ends in 法 ('方法')
            if name.endswith(endings):
                continue  # a method, not a law ('攻撃手法')
            end = start + len(name)
            if any(f.start <= start < f.end or start <= f.start < end for f in found):
                continue  # the same words read by an earlier pattern
            found.append(LawName(name, start, end, holder))
    return sorted(found, key=lambda f: f.start)


def uncovered_laws(text: str, reader: Reader) -> list[LawName]:
    """The laws the text names that the registry does not hold, or holds as not covered."""
    entities = reader.rule_base.entities
    return [
        law
        for law in law_names(text, reader)
        if law.entity is None or not entities[law.entity].covered
    ]


def unknown_laws(text: str, reader: Reader) -> list[str]:
    """The names of laws the text names that the registry does not hold at all."""
    return [law.name for law in uncovered_laws(text, reader) if law.entity is None]


def without_uncovered_laws(text: str, reader: Reader) -> str:
    """`text` with the names of laws Shirube does not cover blanked out: a belief's cue inside a
    law's name ('不正アクセス禁止法', '独占禁止法') is no belief of the asker's."""
    for law in uncovered_laws(text, reader):
        text = text[: law.start] + " " * (law.end - law.start) + text[law.end :]
    return text


def statutes_named(entities: list[str], reader: Reader) -> list[str]:
    """The binding statutes outside the AI regime among `entities` (the APPI, the ESA…)."""
    return [e for e in entities if e in reader.hard_laws]


@derived  # per reader, cleared with the rule base
def statute_concepts(reader: Reader) -> dict[str, str]:
    """Concept id → the one binding statute every fact about it sits under ('data_breach' →
    the APPI, 'cross_border_transfer' → the APPI): naming the concept names that statute's rule."""
    rb = reader.rule_base
    out: dict[str, str] = {}
    for entity in rb.entities.values():
        if entity.kind != EntityKind.concept:
            continue
        laws = [set(f.about) & reader.hard_laws for f in rb.facts.values() if entity.id in f.about]
        if laws and all(len(held) == 1 for held in laws) and len(set.union(*laws)) == 1:
            out[entity.id] = next(iter(laws[0]))
    return out


@derived  # per reader, cleared with the rule base
def statute_subjects(reader: Reader) -> dict[str, str]:
    """Concept id → the binding statute that more of its facts are about than any other
    instrument ('personal_data' → the APPI, 'data_breach' → the APPI); a concept the AI regime
    or a guideline speaks of most ('transparency') has none."""
    rb = reader.rule_base
    instruments = {e.id for e in rb.entities.values() if e.kind == EntityKind.instrument}
    out: dict[str, str] = {}
    for entity in rb.entities.values():
        if entity.kind != EntityKind.concept:
            continue
        counts = Counter(
            i for f in rb.facts.values() if entity.id in f.about for i in instruments & set(f.about)
        ).most_common(2)
        unique = counts and (len(counts) == 1 or counts[0][1] > counts[1][1])
        if unique and counts[0][0] in reader.hard_laws:
            out[entity.id] = counts[0][0]
    return out


def implied_subjects(text: str, entities: list[str], reader: Reader) -> list[str]:
    """What the words name without its name (use_case_hints.yaml `names`) under the statute a
    named concept is the subject of: 'customer data … in a UK region' asks of personal data
    going abroad, the APPI's cross-border rule."""
    from agent.use_case import read_use_case

    subjects = statute_subjects(reader)
    statutes = {subjects[e] for e in entities if e in subjects}
    if not statutes:
        return []
    named = [e for hint in read_use_case(text).hints for e in hint.names]
    return [e for e in dict.fromkeys(named) if e not in entities and subjects.get(e) in statutes]


def beyond_coverage(entities: list[str], reader: Reader) -> list[str]:
    """The concepts asked of a named statute on which no fact speaks of that statute ('Does the
    Employment Security Act require a licence…?': the rule base holds its Art. 5-5 rule on job
    seekers' data, nothing on its permits)."""
    rb = reader.rule_base
    statutes = statutes_named(entities, reader)
    if not statutes:
        return []
    concepts = [e for e in entities if rb.entities[e].kind == EntityKind.concept]
    abouts = [set(f.about) for f in rb.facts.values()]
    return [
        c for c in concepts if not any(c in about and about & set(statutes) for about in abouts)
    ]

"""A document named with its issuer: the document is the subject, the issuer its qualifier.

"When did AISI first publish its red-teaming guide?", "METI's AI Guidelines for Business",
"個人情報保護委員会の注意喚起": the question asks about the guide, the guidelines, the alert; the
body that issued it (sources.yaml `issuer`) only says whose it is.
"""

from __future__ import annotations

import re

from agent.answer.linker import normalise
from agent.answer.phrasebook import phrasebook
from agent.answer.reader import Reader
from knowledge.schema import EntityKind


def qualifiers(entities: list[str], reader: Reader, text: str = "") -> set[str]:
    """The bodies named beside an instrument they issued, unless joined to it as a subject of
    their own ('the AI Basic Plan and the AI Strategic Headquarters')."""
    rb = reader.rule_base
    asked = normalise(text)
    found: set[str] = set()
    for body in (e for e in entities if e in rb.institutions):
        issued = set(reader.issued_by(body))
        documents = [
            e for e in entities if e in rb.entities and (rb.entities[e].source or e) in issued
        ]
        if documents and not any(_joined(body, d, asked, reader) for d in documents):
            found.add(body)
    return found


def _mention(entity_id: str, asked: str, reader: Reader) -> tuple[int, int] | None:
    """Where the question first names the entity (its longest name there)."""
    spans = [
        (m.start(), -m.end())
        for name in _names(entity_id, reader).split(" | ")
        if name and (m := re.search(re.escape(name), asked))
    ]
    return (min(spans)[0], -min(spans)[1]) if spans else None


def _joined(a: str, b: str, asked: str, reader: Reader) -> bool:
    """Are the two named side by side with only 'and', 'or', 'と', '、'… between them?"""
    spans = sorted(s for s in (_mention(a, asked, reader), _mention(b, asked, reader)) if s)
    if len(spans) < 2:
        return False
    return phrasebook().coordinated.search(asked[spans[0][1] : spans[1][0]]) is not None


def _holds(text: str, noun: str) -> bool:
    return re.search(rf"(?<![a-z]){re.escape(noun)}(?![a-z])", text) is not None


def _names(entity_id: str, reader: Reader) -> str:
    entity = reader.rule_base.entities[entity_id]
    return normalise(" | ".join((entity.name, entity.name_ja or "", *entity.aliases)))


def issued_named(body: str, text: str, reader: Reader) -> str | None:
    """The one document the body issued that the question names by its kind ('the PPC's alert',
    'デジタル庁のガイドライン'), if exactly one of its documents is of that kind."""
    asked = normalise(text)
    nouns = [n for n in phrasebook().book.document_nouns if _holds(asked, n)]
    issued = [s for s in reader.issued_by(body) if s in reader.rule_base.entities]
    fits = [s for s in issued if any(_holds(_names(s, reader), n) for n in nouns)]
    return fits[0] if len(fits) == 1 else None


def document_first(entities: list[str], reader: Reader, text: str = "") -> list[str]:
    """`entities` less the bodies named only as the issuers of the documents named with them; a
    body named with a kind of document it issued only one of stands for that document."""
    issuers = qualifiers(entities, reader, text)
    out: list[str] = []
    for e in entities:
        if e in issuers:
            continue
        issued = issued_named(e, text, reader) if e in reader.rule_base.institutions else None
        if issued in entities:  # its document is named in full and the body not as its issuer:
            issued = None  # both are asked about
        out += [d for d in (issued or e,) if d not in out]
    return out


def documents_named(entities: list[str], text: str, reader: Reader) -> list[str]:
    """Which of `entities` a later part naming a document only by its kind points at ('is the
    guideline itself binding?' after 'the MHLW guideline … a medical device'): the instruments
    among them whose names hold that kind, and the one document of it a body among them issued;
    none when the text names no kind of document, or nothing carried is of it (then the part
    is asked of all it carries)."""
    rb = reader.rule_base
    asked = normalise(text)
    nouns = [n for n in phrasebook().book.document_nouns if _holds(asked, n)]
    if not nouns:
        return []
    found: list[str] = []
    for e in entities:
        if e in rb.institutions:
            document = issued_named(e, text, reader)
        elif e in rb.entities and rb.entities[e].kind == EntityKind.instrument:
            document = e if any(_holds(_names(e, reader), n) for n in nouns) else None
        else:
            document = None
        if document is not None and document not in found:
            found.append(document)
    return found

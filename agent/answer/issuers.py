"""A document named with its issuer: the document is the subject, the issuer its qualifier.

"When did AISI first publish its red-teaming guide?", "METI's AI Guidelines for Business",
"個人情報保護委員会の注意喚起": the question asks about the guide, the guidelines, the alert; the
body that issued it (sources.yaml `issuer`) only says whose it is.
"""

from __future__ import annotations

from agent.answer.reader import Reader


def qualifiers(entities: list[str], reader: Reader) -> set[str]:
    """The bodies named beside an instrument they issued."""
    rb = reader.rule_base
    sources = {rb.entities[e].source or e for e in entities if e in rb.entities}
    return {e for e in entities if e in rb.institutions and sources & set(reader.issued_by(e))}


def document_first(entities: list[str], reader: Reader) -> list[str]:
    """`entities` less the bodies named only as the issuers of the documents named with them."""
    issuers = qualifiers(entities, reader)
    return [e for e in entities if e not in issuers] if issuers else entities

"""Turn the rule base into index documents: one per card, source, trigger, action, and so on.

Ids are deterministic ("topic:<card id>", "source:<source id>", ...) so a rebuild of the same
rule base gives the same index and callers can cite a passage by id.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from knowledge.loader import RuleBase
from knowledge.schema import Citation

Kind = Literal[
    "fact", "topic", "source", "trigger", "checklist", "role", "institution", "principle"
]


class IndexDocument(BaseModel):
    """One retrievable passage plus the texts used to find it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    kind: Kind
    ref_id: str
    title: str
    text: str
    """What a reader sees: the passage itself."""
    embed_text: str
    """What the semantic half embeds (title and body)."""
    phrasings: tuple[str, ...] = ()
    """Extra ways people ask for this passage (card questions); embedded and indexed too."""
    source_id: str = ""
    section: str = ""
    legal_force: str = ""
    date: str = ""
    url: str = ""
    text_ja: str = ""
    """The passage in Japanese, where it has one: found by the lexical half."""

    @property
    def lexical_text(self) -> str:
        return "\n".join((self.title, self.text, *self.phrasings, self.text_ja))

    def metadata(self) -> dict[str, str]:
        """Chroma metadata (no None values: Chroma wants scalars)."""
        return {
            "doc_id": self.id,
            "kind": self.kind,
            "ref_id": self.ref_id,
            "title": self.title,
            "source_id": self.source_id,
            "section": self.section,
            "legal_force": self.legal_force,
            "date": self.date,
            "url": self.url,
        }


def _cited(rule_base: RuleBase, citations: list[Citation]) -> dict[str, str]:
    """Metadata of the first citation: the instrument a passage mainly rests on."""
    if not citations:
        return {}
    first = citations[0]
    source = rule_base.sources.get(first.source)
    if source is None:
        return {"source_id": first.source, "section": first.section or ""}
    return {
        "source_id": source.id,
        "section": first.section or "",
        "legal_force": source.legal_force.value,
        "date": max(d.date for d in source.dates).isoformat(),
        "url": source.url,
    }


def _lines(*parts: str | list[str]) -> str:
    out: list[str] = []
    for part in parts:
        out.extend(part if isinstance(part, list) else [part])
    return "\n".join(p.strip() for p in out if p and p.strip())


def _topics(rule_base: RuleBase) -> list[IndexDocument]:
    docs = []
    for card in rule_base.topics.values():
        body = _lines(card.answer, [f"- {fact}" for fact in card.key_facts])
        docs.append(
            IndexDocument(
                id=f"topic:{card.id}",
                kind="topic",
                ref_id=card.id,
                title=card.title,
                text=body,
                embed_text=_lines(card.title, card.questions, body),
                phrasings=tuple(card.questions),
                **_cited(rule_base, card.citations),
            )
        )
    return docs


def _sources(rule_base: RuleBase) -> list[IndexDocument]:
    docs = []
    for source in rule_base.sources.values():
        dates = [f"{d.event}: {d.date.isoformat()}" for d in source.dates]
        version = [f"Version: {source.version}"] if source.version else []
        body = _lines(source.summary, f"Issued by {source.issuer}.", version, dates)
        title = f"{source.title_en} ({source.short_name})"
        docs.append(
            IndexDocument(
                id=f"source:{source.id}",
                kind="source",
                ref_id=source.id,
                title=title,
                text=body,
                embed_text=_lines(title, source.title_ja, body),
                source_id=source.id,
                legal_force=source.legal_force.value,
                date=max(d.date for d in source.dates).isoformat(),
                url=source.url,
            )
        )
    return docs


def _entry(
    rule_base: RuleBase,
    kind: Kind,
    ref_id: str,
    title: str,
    body: str,
    embed_text: str,
    citations: list[Citation],
) -> IndexDocument:
    """A document for a rule-base entry, carrying its first citation's source as metadata."""
    return IndexDocument(
        id=f"{kind}:{ref_id}",
        kind=kind,
        ref_id=ref_id,
        title=title,
        text=body,
        embed_text=embed_text,
        **_cited(rule_base, citations),
    )


def _rules(rule_base: RuleBase) -> list[IndexDocument]:
    docs = []
    for trigger in rule_base.triggers.values():
        body = _lines(trigger.why, f"In practice: {trigger.in_practice}")
        embed = _lines(trigger.title, body)
        docs.append(
            _entry(rule_base, "trigger", trigger.id, trigger.title, body, embed, trigger.citations)
        )
    for action in rule_base.checklist.values():
        body = _lines(action.text, f"Owner: {action.owner}.", action.official_refs)
        embed = _lines(action.title, action.text)
        docs.append(
            _entry(rule_base, "checklist", action.id, action.title, body, embed, action.citations)
        )
    return docs


def _entities(rule_base: RuleBase) -> list[IndexDocument]:
    docs = []
    for inst in rule_base.institutions.values():
        title = f"{inst.name_en} ({inst.name_ja})"
        does_not = [f"Does not: {item}" for item in inst.does_not]
        body = _lines(inst.does, does_not, inst.facts)
        docs.append(
            _entry(
                rule_base, "institution", inst.id, title, body, _lines(title, body), inst.citations
            )
        )
    for role in rule_base.roles.values():
        body = _lines(role.definition, [f"Example: {e}" for e in role.examples])
        docs.append(
            _entry(
                rule_base, "role", role.id, role.name, body, _lines(role.name, body), role.citations
            )
        )
    for principle in rule_base.principles.values():
        embed = _lines(principle.name, principle.summary)
        docs.append(
            _entry(
                rule_base,
                "principle",
                principle.id,
                principle.name,
                principle.summary,
                embed,
                principle.citations,
            )
        )
    return docs


def _facts(rule_base: RuleBase) -> list[IndexDocument]:
    """One document per atomic fact: what the answer engine's search route retrieves."""
    docs = []
    for fact in rule_base.facts.values():
        names = [rule_base.entities[e].name for e in fact.about if e in rule_base.entities]
        title = ", ".join(names)
        embed = _lines(title, fact.text)
        doc = _entry(rule_base, "fact", fact.id, title, fact.text, embed, fact.cites)
        # Found by Japanese words too: its Japanese text is indexed (lexically) beside it.
        docs.append(doc.model_copy(update={"text_ja": fact.text_ja or ""}))
    return docs


def build_documents(rule_base: RuleBase) -> list[IndexDocument]:
    """Every index document, in a stable order."""
    return [
        *_facts(rule_base),
        *_topics(rule_base),
        *_sources(rule_base),
        *_rules(rule_base),
        *_entities(rule_base),
    ]

"""Legal-force facts derived from sources.yaml: "Is the X binding?" and "Are there fines under
the X?" open with the instrument's own legal_force, in legal_force_answers.yaml's words.
"""

from __future__ import annotations

from agent.answer.lang import in_lang
from agent.answer.reader import Reader
from knowledge.defaults import derived
from knowledge.loader import DATA_DIR, load_rule_base
from knowledge.schema import Citation, EntityKind, Facet, Fact, LegalForce
from knowledge.schema.answers import ForceAnswers

FORCE_FILE = DATA_DIR / "legal_force_answers.yaml"


@derived
def force_answers() -> ForceAnswers:
    return load_rule_base().document(FORCE_FILE.name, ForceAnswers)


def force_label(force: LegalForce, lang: str) -> str:
    """The legal-force label readers see ('non-binding soft law', '法的拘束力のないソフトロー')."""
    from knowledge.schema import LEGAL_FORCE_LABELS

    return force_answers().labels_ja[force] if lang == "ja" else LEGAL_FORCE_LABELS[force]


def asks_penalty(asked: str) -> bool:
    """Whether the question asks about penalties or fines (legal_force_answers.yaml `asks`), as
    against what a body can do ('can the State order us to stop?', '命令できるの？')."""
    import re

    return bool(re.search(force_answers().asks["penalty"], asked, re.IGNORECASE))


def force_facts(entities: list[str], facet: Facet, reader: Reader, asked: str = "") -> list[Fact]:
    """For a question naming exactly one instrument, its legal force on the facet asked; on
    penalties only when `asked` (if given) asks about them: an order or an inspection asked
    about is answered by what the instrument lets a body do, not by its fines."""
    if facet not in (Facet.legal_force, Facet.penalty):
        return []
    if facet == Facet.penalty and asked and not asks_penalty(asked):
        return []
    rb = reader.rule_base
    named = [e for e in entities if rb.entities[e].kind == EntityKind.instrument]
    others = [
        e for e in entities if rb.entities[e].kind not in (EntityKind.instrument, EntityKind.role)
    ]
    if len(named) != 1 or others:
        # Two instruments, or a question about something else the instrument holds (its
        # translation, a technology): which binds is for the facts to say.
        return []
    entity = rb.entities[named[0]]
    source = rb.sources.get(entity.source or entity.id)
    if source is None:
        return []
    table = force_answers().binding if facet == Facet.legal_force else force_answers().penalty
    opening = table[source.legal_force]
    name = source.short_name.split(" (")[0]
    text = opening.says.format(name=name)
    text_ja = opening.says_ja.format(name=source.short_name_ja or name)
    cite = [Citation(source=source.id)]
    held = _held_by(entity.id, entities, facet, reader)
    if held is not None:  # 'Does the Act bind our city hall?': what it asks of them
        text, text_ja = f"{text} {held.text}", f"{text_ja}{held.text_ja or held.text}"
        cite = [*cite, *(c for c in held.cites if c != cite[0])]
    else:
        if source.legal_force_note:
            text = f"{text} {source.legal_force_note}"
        if source.legal_force_note_ja:
            text_ja = f"{text_ja}{source.legal_force_note_ja}"
    answer = opening.yes_no if opening.yes_no in ("Yes.", "No.") else None
    fact = Fact(
        id=f"force_{source.id}",
        text=text,
        text_ja=text_ja,
        about=[entity.id],
        facet=facet,
        answers=answer,
        cites=cite,
    )
    return [in_lang(fact, reader.lang)]


def _held_by(instrument: str, entities: list[str], facet: Facet, reader: Reader) -> Fact | None:
    """Whether an instrument binds someone other than the businesses its legal-force note speaks
    to (phrasebook audience): a local government, a ministry, a research institution. The duty
    the instrument gives that role says how, in place of the note; None when no such role is
    named or the instrument gives it no duty."""
    from agent.answer.phrasebook import phrasebook

    rb = reader.rule_base
    audience = set(phrasebook().book.audience)
    roles = [e for e in entities if rb.entities[e].kind == EntityKind.role and e not in audience]
    if facet != Facet.legal_force or not roles:
        return None
    return next(
        (
            f
            for f in rb.facts.values()
            if f.facet == Facet.duty and not f.refutes and {instrument, roles[0]} <= set(f.about)
        ),
        None,
    )

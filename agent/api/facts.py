"""lookup_facts: the rule base's cited facts about one entity, as the answer engine links them."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from agent.answer.force import force_facts
from agent.answer.lang import Lang, detect
from agent.answer.linker import PHRASE_CUTOFF, normalise
from agent.answer.reader import Reader, default_reader
from agent.answer.select import date_facts, issuer_facts
from agent.api.models import CitedFact, EntityInfo, FactsResult, SourceCitation
from core.errors import UsageError
from knowledge.schema import Facet, Fact
from knowledge.ui_labels import ui_text

SUGGESTIONS = 3


def _quoted(text: str, lang: Lang) -> str:
    """'x' in English; bare in Japanese, whose label puts it in 「」."""
    return repr(text) if lang == "en" else text


def resolve_entity(name: str, reader: Reader, lang: Lang = "en") -> str:
    """An entity id from an id, a name or an alias ('AI Act', 'PPC', 'AI推進法'), typos allowed;
    an unknown one is a UsageError in `lang`, naming the closest entities."""
    entities = reader.rule_base.entities
    text = (name or "").strip()
    if not text:
        raise UsageError(ui_text("tool_errors.empty_entity", lang))
    if text in entities:
        return text
    exact = reader.linker.by_alias.get(normalise(text).strip())
    if exact is not None:
        return exact
    # The whole name, misspelt: linking words inside it would read "Ministry of Magic" as a
    # ministry.
    typo = process.extractOne(
        normalise(text).strip(),
        list(reader.linker.by_alias),
        scorer=fuzz.ratio,
        score_cutoff=PHRASE_CUTOFF,
    )
    if typo is not None:
        return reader.linker.by_alias[typo[0]]
    names = {(e.name_ja or e.name) if lang == "ja" else e.name: e.id for e in entities.values()}
    near = process.extract(text, list(names), scorer=fuzz.WRatio, limit=SUGGESTIONS)
    shown = "{}（{}）" if lang == "ja" else "{} ({})"
    tries = ui_text("usage.list_separator", lang).join(
        shown.format(repr(names[n]), n) for n, _, _ in near
    )
    raise UsageError(
        ui_text("tool_errors.no_entity", lang, name=_quoted(text[:80], lang), tries=tries)
    )


def _derived(entity: str, facet: Facet | None, reader: Reader) -> list[Fact]:
    """Facts built from sources.yaml (issuer, dates, legal force), as answers derive them."""
    found: list[Fact] = []
    if facet in (None, Facet.who):
        found += issuer_facts([entity], reader)
    if facet in (None, Facet.when):
        found += date_facts([entity], reader)
    if facet in (None, Facet.legal_force):
        found += force_facts([entity], Facet.legal_force, reader)
    if facet == Facet.penalty:
        found += force_facts([entity], Facet.penalty, reader)
    return found


def _cited(fact: Fact, reader: Reader) -> CitedFact:
    return CitedFact(
        id=fact.id,
        text=fact.text,
        facet=fact.facet,
        answers=fact.answers,
        citations=SourceCitation.resolve(fact.cites, reader.rule_base),
    )


def lookup_facts(entity: str, facet: Facet | str | None = None) -> FactsResult:
    """Every cited fact about `entity` (an id, name or alias), on `facet` or on all facets.

    Facts derived from sources.yaml (issuer, key dates, legal force) come first, then the facts
    whose main subject is the entity, then those that mention it. Raises
    `core.errors.UsageError` for an unknown entity or facet, said in the language the entity
    is written in (Japanese for 'AI推進法', English otherwise).
    """
    lang = detect(entity or "")
    if facet is not None and not isinstance(facet, Facet):
        try:
            facet = Facet(facet)
        except ValueError:
            allowed = ui_text("usage.list_separator", lang).join(f.value for f in Facet)
            said = ui_text(
                "tool_errors.bad_facet", lang, facet=_quoted(facet, lang), allowed=allowed
            )
            raise UsageError(said) from None
    reader = default_reader()
    entity_id = resolve_entity(entity, reader, lang)
    found = reader.rule_base.entities[entity_id]
    facts = [
        f
        for f in reader.rule_base.facts.values()
        if entity_id in f.about and (facet is None or f.facet == facet)
    ]
    facts.sort(key=lambda f: f.about[0] != entity_id)  # stable: the rule base's order within
    return FactsResult(
        entity=EntityInfo(
            id=found.id,
            name=found.name,
            name_ja=found.name_ja,
            kind=found.kind.value,
            covered=found.covered,
            nearby=found.nearby,
        ),
        facet=facet,
        facts=[_cited(f, reader) for f in [*_derived(entity_id, facet, reader), *facts]],
        as_of=reader.rule_base.meta.as_of,
    )

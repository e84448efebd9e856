"""Small helpers the renderers share: citation labels, layer names, source lists, the plan's
wording in its language (labels.yaml `plan_text`)."""

from __future__ import annotations

from knowledge.loader import load_rule_base
from knowledge.notation import section_ja
from knowledge.schema import Citation, PlanText, Source, load_labels, text_in
from tools.assess import Assessment
from tools.triggers import TriggerResult


def said(assessment: Assessment) -> PlanText:
    """The plan's headings and sentences in the assessment's language."""
    return load_labels().text(assessment.lang)


def cite(citation: Citation, lang: str = "en") -> str:
    """'AI Promotion Act, Art. 13' (or 'AI推進法第13条') using the source's short name."""
    source = load_rule_base().sources.get(citation.source)
    name = text_in(source, "short_name", lang) if source else citation.source
    if not citation.section:
        return name
    section = section_ja(citation.section) if lang == "ja" else citation.section
    return load_labels().text(lang).cite.format(name=name, section=section)


def cite_all(citations: list[Citation], lang: str = "en") -> str:
    return load_labels().text(lang).item_sep.join(cite(c, lang) for c in citations)


def cited_sources(assessment: Assessment) -> list[Source]:
    """Every source the assessment cites, in first-cited order."""
    ids: list[str] = []
    for citations in (
        *(role.citations for role in assessment.roles),
        *(trigger.citations for trigger in assessment.triggers),
        *(item.citations for item in assessment.checklist),
        *(caveat.citations for caveat in assessment.caveats),
    ):
        ids += [c.source for c in citations]
    sources = load_rule_base().sources
    return [sources[i] for i in dict.fromkeys(ids) if i in sources]


def force_label(source: Source, lang: str = "en") -> str:
    return load_labels().force_label(source.legal_force, lang)


def layers(assessment: Assessment) -> list[tuple[str, list[TriggerResult]]]:
    """Triggers grouped by layer in labels.yaml's order (unknown layers last)."""
    lang = assessment.lang
    headings = {layer.id: text_in(layer, "heading", lang) for layer in load_labels().layers}
    present = list(dict.fromkeys(t.layer for t in assessment.triggers))
    found = [x for x in headings if x in present] + [x for x in present if x not in headings]
    return [
        (headings.get(layer, layer), [t for t in assessment.triggers if t.layer == layer])
        for layer in found
    ]


def role_names(assessment: Assessment) -> str:
    words = said(assessment)
    return words.list_sep.join(r.name for r in assessment.roles) or words.no_role


def summary_line(assessment: Assessment) -> str:
    high = sum(1 for item in assessment.checklist if item.priority == "high")
    return said(assessment).summary_priority.format(
        roles=role_names(assessment),
        layers=len(assessment.triggers),
        actions=len(assessment.checklist),
        high=high,
    )


def as_of_line(assessment: Assessment) -> str:
    """'Rule base as of 2026-11-24 (version 20261124-1a2b3c4d).': once in every plan."""
    words = said(assessment)
    version = (
        words.version.format(version=assessment.rule_base_version)
        if assessment.rule_base_version
        else ""
    )
    return words.as_of_line.format(date=assessment.rule_base_as_of, version=version)

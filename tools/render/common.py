"""Small helpers the renderers share: citation labels, layer names, source lists."""

from __future__ import annotations

from knowledge.loader import load_rule_base
from knowledge.schema import LEGAL_FORCE_LABELS, Citation, Source, load_labels
from tools.assess import Assessment
from tools.triggers import TriggerResult


def cite(citation: Citation) -> str:
    """'AI Promotion Act, Art. 13' using the source's short name."""
    source = load_rule_base().sources.get(citation.source)
    name = source.short_name if source else citation.source
    return f"{name}, {citation.section}" if citation.section else name


def cite_all(citations: list[Citation]) -> str:
    return "; ".join(cite(c) for c in citations)


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


def force_label(source: Source) -> str:
    return LEGAL_FORCE_LABELS[source.legal_force]


def layers(assessment: Assessment) -> list[tuple[str, list[TriggerResult]]]:
    """Triggers grouped by layer in labels.yaml's order (unknown layers last)."""
    headings = {layer.id: layer.heading for layer in load_labels().layers}
    present = list(dict.fromkeys(t.layer for t in assessment.triggers))
    found = [x for x in headings if x in present] + [x for x in present if x not in headings]
    return [
        (headings.get(layer, layer), [t for t in assessment.triggers if t.layer == layer])
        for layer in found
    ]


def summary_line(assessment: Assessment) -> str:
    high = sum(1 for item in assessment.checklist if item.priority == "high")
    roles = ", ".join(r.name for r in assessment.roles) or "no role in the AI value chain"
    return (
        f"Roles: {roles}. {len(assessment.triggers)} layers of the regime apply; "
        f"{len(assessment.checklist)} governance actions, {high} of them high priority."
    )


def as_of_line(assessment: Assessment) -> str:
    """'Rule base as of 2026-11-24 (version 20261124-1a2b3c4d).': once in every plan."""
    version = f" (version {assessment.rule_base_version})" if assessment.rule_base_version else ""
    return f"Rule base as of {assessment.rule_base_as_of}{version}."

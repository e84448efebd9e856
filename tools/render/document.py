"""The plan as a document model (headings, paragraphs, lists, tables) from one Assessment.

Markdown and DOCX both render this model, so the two exports always say the same thing.
Text is plain: the renderers escape it for their format. `Strong` marks a bold lead-in.
Headings and sentences come from labels.yaml `plan_text` in the assessment's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from knowledge.questions import load_questions
from knowledge.schema import text_in
from tools.assess import Assessment
from tools.progress import rows
from tools.render.common import (
    as_of_line,
    cite_all,
    cited_sources,
    force_label,
    layers,
    role_names,
    said,
)


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False
    user: bool = False
    """The user's own words (name, description, evidence): escaped, never formatting."""


Line = list[Span]


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    user: bool = False


@dataclass(frozen=True)
class Paragraph:
    spans: Line
    italic: bool = False


@dataclass(frozen=True)
class Items:
    items: list[Line]
    numbered: bool = False


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[Line]]


Block = Heading | Paragraph | Items | Table


@dataclass
class PlanDocument:
    title: str
    blocks: list[Block] = field(default_factory=list)


def _t(text: str, bold: bool = False) -> Span:
    return Span(text, bold=bold)


def _summary_counts(assessment: Assessment) -> str:
    before = sum(1 for i in assessment.checklist if i.timing == "before_launch")
    return said(assessment).summary_counts.format(
        roles=role_names(assessment),
        layers=len(assessment.triggers),
        actions=len(assessment.checklist),
        before=before,
    )


def profile_answers(assessment: Assessment) -> list[tuple[str, str]]:
    """(label, answer) for each profile answer, in question order, with plain labels."""
    profile, lang = assessment.profile, assessment.lang
    out = []
    for q in load_questions():
        if q.id in ("name", "description"):
            continue
        answer = q.label_of(getattr(profile, q.id), lang)
        if q.id in profile.unsure:
            answer += said(assessment).not_sure
        out.append((q.label_in(lang), answer))
    return out


def _start_here(assessment: Assessment) -> list[Block]:
    words = said(assessment)
    dates = {i.id: i.due for i in assessment.checklist}
    items = []
    for top in assessment.start_here:
        due = dates.get(top.id)
        when = words.due.format(date=due) if due else top.timing_label.lower()
        lead = words.start_item.format(owner=top.owner, when=when, why=top.why)
        items.append([_t(top.title, bold=True), _t(lead)])
    return [Heading(2, words.start_here), Items(items, numbered=True)]


def _to_confirm(assessment: Assessment) -> list[Block]:
    if not assessment.to_confirm:
        return []
    words = said(assessment)
    items = [
        [
            _t(f"{a.label}{words.colon.rstrip()}", bold=True),
            _t(words.to_confirm_item.format(assumed=a.assumed, change=a.change)),
        ]
        for a in assessment.to_confirm
    ]
    return [Heading(2, words.to_confirm), Items(items)]


def _roles(assessment: Assessment) -> list[Block]:
    words, lang = said(assessment), assessment.lang
    blocks: list[Block] = [Heading(2, words.roles)]
    if not assessment.roles:
        blocks.append(Paragraph([_t(words.no_role_applies)]))
    for role in assessment.roles:
        blocks += [
            Heading(3, role.name),
            Paragraph([_t(role.definition.strip())]),
            Items([[_t(words.why, True), _t(words.item_sep.join(role.why))],
                   [_t(words.sources, True), _t(cite_all(role.citations, lang))]]),
        ]  # fmt: skip
    return blocks


def _layers(assessment: Assessment) -> list[Block]:
    words, lang = said(assessment), assessment.lang
    blocks: list[Block] = [Heading(2, words.layers)]
    for heading, triggers in layers(assessment):
        blocks.append(Heading(3, heading))
        for trigger in triggers:
            facts = [
                [_t(words.legal_force, True), _t(trigger.legal_force_label)],
                [_t(words.regulators, True), _t(words.list_sep.join(trigger.regulator_names))],
                [_t(words.why_applies, True), _t(trigger.why.strip())],
            ]
            if trigger.answers:
                answers = words.item_sep.join(trigger.answers)
                facts.append([_t(words.your_answers, True), _t(answers)])
            facts += [
                [_t(words.in_practice, True), _t(trigger.in_practice.strip())],
                [_t(words.sources, True), _t(cite_all(trigger.citations, lang))],
            ]
            blocks += [Heading(4, trigger.title), Items(facts)]
    return blocks


def _actions(assessment: Assessment) -> list[Block]:
    words, lang = said(assessment), assessment.lang
    items = {i.id: i for i in assessment.checklist}
    table = []
    for number, row in enumerate(rows(assessment.checklist, assessment.progress), 1):
        item = items[row.id]
        status = [_t(words.statuses[row.status])]
        if row.reason:
            status.append(Span(f": {row.reason}", user=True))
        if row.evidence:
            status.append(Span(f" ({row.evidence})", user=True))
        table.append([
            [_t(str(number))],
            [_t(row.title, bold=True), _t(f"{words.colon}{item.text.strip()}")],
            [Span(row.owner, user=row.owner != item.owner)],
            [_t(item.timing_label)],
            [_t(str(row.due) if row.due else "")],
            status,
            [_t(cite_all(item.citations, lang))],
        ])  # fmt: skip
    return [Heading(2, words.checklist), Table(list(words.columns), table)]


def plan_document(assessment: Assessment) -> PlanDocument:
    """Every section of the plan, in order, as plain data."""
    profile, words, lang = assessment.profile, said(assessment), assessment.lang
    title = " ".join(profile.name.split()) or words.default_name
    doc = PlanDocument(title=words.title.format(name=title))
    prepared = words.prepared.format(as_of=as_of_line(assessment))
    doc.blocks.append(Paragraph([_t(prepared)], italic=True))
    doc.blocks.append(Heading(2, words.summary))
    if profile.description:
        doc.blocks.append(Paragraph([Span(profile.description, user=True)]))
    doc.blocks.append(Paragraph([_t(_summary_counts(assessment))]))
    doc.blocks.append(
        Items([[_t(f"{label}{words.colon}", True), Span(answer, user=True)]
               for label, answer in profile_answers(assessment)])
    )  # fmt: skip
    doc.blocks += _start_here(assessment)
    doc.blocks += _to_confirm(assessment)
    doc.blocks += _actions(assessment)
    doc.blocks += _roles(assessment)
    doc.blocks += _layers(assessment)
    sources = []
    for source in cited_sources(assessment):
        note = words.provisional if source.provisional_translation else ""
        title = source.title_ja if lang == "ja" else source.title_en
        about = words.source_line.format(
            title=title, force=force_label(source, lang), url=source.url, note=note
        )
        name = text_in(source, "short_name", lang)
        sources.append([_t(f"{name}{words.colon}", True), _t(about)])
    doc.blocks += [Heading(2, words.sources_heading), Items(sources)]
    doc.blocks += [
        Heading(2, words.caveats),
        Items([[_t(c.text.strip())] for c in assessment.caveats]),
    ]
    return doc

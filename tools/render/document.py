"""The plan as a document model (headings, paragraphs, lists, tables) from one Assessment.

Markdown and DOCX both render this model, so the two exports always say the same thing.
Text is plain: the renderers escape it for their format. `Strong` marks a bold lead-in.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from knowledge.questions import load_questions
from tools.assess import Assessment
from tools.progress import STATUS_LABELS, rows
from tools.render.common import as_of_line, cite_all, cited_sources, force_label, layers


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
    roles = ", ".join(r.name for r in assessment.roles) or "no role in the AI value chain"
    before = sum(1 for i in assessment.checklist if i.timing == "before_launch")
    return (
        f"Roles: {roles}. {len(assessment.triggers)} layers of the regime apply; "
        f"{len(assessment.checklist)} actions, {before} of them before launch."
    )


def profile_answers(assessment: Assessment) -> list[tuple[str, str]]:
    """(label, answer) for each profile answer, in question order, with plain labels."""
    profile = assessment.profile
    out = []
    for q in load_questions():
        if q.id in ("name", "description"):
            continue
        answer = q.label_of(getattr(profile, q.id))
        if q.id in profile.unsure:
            answer += " (not sure: assumed)"
        out.append((q.label, answer))
    return out


def _start_here(assessment: Assessment) -> list[Block]:
    dates = {i.id: i.due for i in assessment.checklist}
    items = []
    for top in assessment.start_here:
        due = dates.get(top.id)
        when = f"due {due}" if due else top.timing_label.lower()
        items.append([_t(top.title, bold=True), _t(f" ({top.owner}, {when}). {top.why}")])
    return [Heading(2, "Start here"), Items(items, numbered=True)]


def _to_confirm(assessment: Assessment) -> list[Block]:
    if not assessment.to_confirm:
        return []
    items = [
        [_t(f"{a.label}:", bold=True), _t(f" you were not sure; assumed '{a.assumed}'. {a.change}")]
        for a in assessment.to_confirm
    ]
    return [Heading(2, "To confirm"), Items(items)]


def _roles(assessment: Assessment) -> list[Block]:
    blocks: list[Block] = [Heading(2, "Roles and why")]
    if not assessment.roles:
        blocks.append(
            Paragraph([_t("No role applies: the organisation neither builds, offers nor uses AI.")])
        )
    for role in assessment.roles:
        blocks += [
            Heading(3, role.name),
            Paragraph([_t(role.definition.strip())]),
            Items([[_t("Why: ", True), _t("; ".join(role.why))],
                   [_t("Sources: ", True), _t(cite_all(role.citations))]]),
        ]  # fmt: skip
    return blocks


def _layers(assessment: Assessment) -> list[Block]:
    blocks: list[Block] = [Heading(2, "Applicable layers")]
    for heading, triggers in layers(assessment):
        blocks.append(Heading(3, heading))
        for trigger in triggers:
            facts = [
                [_t("Legal force: ", True), _t(trigger.legal_force_label)],
                [_t("Regulators: ", True), _t(", ".join(trigger.regulator_names))],
                [_t("Why it applies: ", True), _t(trigger.why.strip())],
            ]
            if trigger.answers:
                facts.append([_t("Your answers: ", True), _t("; ".join(trigger.answers))])
            facts += [
                [_t("In practice: ", True), _t(trigger.in_practice.strip())],
                [_t("Sources: ", True), _t(cite_all(trigger.citations))],
            ]
            blocks += [Heading(4, trigger.title), Items(facts)]
    return blocks


def _actions(assessment: Assessment) -> list[Block]:
    items = {i.id: i for i in assessment.checklist}
    table = []
    for number, row in enumerate(rows(assessment.checklist, assessment.progress), 1):
        item = items[row.id]
        status = [_t(STATUS_LABELS[row.status])]
        if row.reason:
            status.append(Span(f": {row.reason}", user=True))
        if row.evidence:
            status.append(Span(f" ({row.evidence})", user=True))
        table.append([
            [_t(str(number))],
            [_t(row.title, bold=True), _t(f": {item.text.strip()}")],
            [Span(row.owner, user=row.owner != item.owner)],
            [_t(item.timing_label)],
            [_t(str(row.due) if row.due else "")],
            status,
            [_t(cite_all(item.citations))],
        ])  # fmt: skip
    headers = ["#", "Action", "Owner", "When", "Due", "Status", "Sources"]
    return [Heading(2, "Checklist"), Table(headers, table)]


def plan_document(assessment: Assessment) -> PlanDocument:
    """Every section of the plan, in order, as plain data."""
    profile = assessment.profile
    title = " ".join(profile.name.split()) or "AI use case"
    doc = PlanDocument(title=f"AI governance plan: {title}")
    doc.blocks.append(
        Paragraph([_t(f"Prepared with Shirube. {as_of_line(assessment)} Not legal advice; "
                      "see the caveats at the end.")], italic=True)
    )  # fmt: skip
    doc.blocks.append(Heading(2, "Summary"))
    if profile.description:
        doc.blocks.append(Paragraph([Span(profile.description, user=True)]))
    doc.blocks.append(Paragraph([_t(_summary_counts(assessment))]))
    doc.blocks.append(
        Items([[_t(f"{label}: ", True), Span(answer, user=True)]
               for label, answer in profile_answers(assessment)])
    )  # fmt: skip
    doc.blocks += _start_here(assessment)
    doc.blocks += _to_confirm(assessment)
    doc.blocks += _actions(assessment)
    doc.blocks += _roles(assessment)
    doc.blocks += _layers(assessment)
    sources = []
    for source in cited_sources(assessment):
        note = (
            " English text is a provisional translation." if source.provisional_translation else ""
        )
        about = f"{source.title_en} ({force_label(source)}). {source.url}{note}"
        sources.append([_t(f"{source.short_name}: ", True), _t(about)])
    doc.blocks += [Heading(2, "Sources"), Items(sources)]
    doc.blocks += [
        Heading(2, "Caveats"),
        Items([[_t(c.text.strip())] for c in assessment.caveats]),
    ]
    return doc

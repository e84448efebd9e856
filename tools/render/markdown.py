"""Markdown: a governance plan a founder could hand to a board."""

from __future__ import annotations

from tools.assess import Assessment
from tools.markdown_text import block, inline
from tools.render.common import cite_all, cited_sources, force_label, layers, summary_line


def _cell(text: str) -> str:
    # A pipe or newline would break the table row.
    return text.replace("|", "\\|").replace("\n", " ")


def _profile_lines(assessment: Assessment) -> list[str]:
    data = assessment.profile.model_dump(exclude={"name", "description"})
    lines = []
    for field, value in data.items():
        shown = ", ".join(value) or "(none)" if isinstance(value, list) else value
        if isinstance(value, bool):
            shown = "yes" if value else "no"
        lines.append(f"- `{field}`: {shown}")
    return lines


def render_markdown(assessment: Assessment) -> str:
    profile = assessment.profile
    title = inline(profile.name) or "AI use case"
    out: list[str] = [f"# AI governance plan: {title}", ""]
    out += [
        f"*Prepared with Shirube from its rule base as of {assessment.rule_base_as_of}. "
        "Not legal advice; see the caveats at the end.*",
        "",
        "## Summary",
        "",
    ]
    if profile.description:
        out += [block(profile.description), ""]
    out += [summary_line(assessment), "", "Profile answers:", "", *_profile_lines(assessment), ""]

    out += ["## Roles and why", ""]
    if not assessment.roles:
        out += [
            "No role applies: the profile says the organisation neither builds, offers nor uses AI "
            "(and is not a government body or research institution).",
            "",
        ]
    for role in assessment.roles:
        out += [
            f"### {role.name} (`{role.id}`)",
            "",
            role.definition.strip(),
            "",
            f"- **Why:** {'; '.join(role.why)}",
            f"- **Sources:** {cite_all(role.citations)}",
            "",
        ]

    out += ["## Applicable layers", ""]
    for heading, triggers in layers(assessment):
        out += [f"### {heading}", ""]
        for trigger in triggers:
            out += [
                f"#### {trigger.title} (`{trigger.id}`)",
                "",
                f"- **Legal force:** {trigger.legal_force_label}",
                f"- **Regulators:** {', '.join(trigger.regulator_names)}",
                f"- **Why it applies:** {trigger.why.strip()}",
            ]
            if trigger.answers:
                out.append(f"- **Your answers:** {'; '.join(trigger.answers)}")
            out += [
                f"- **In practice:** {trigger.in_practice.strip()}",
                f"- **Sources:** {cite_all(trigger.citations)}",
                "",
            ]

    out += [
        "## Checklist",
        "",
        "| # | Action | Owner | Priority | Phase | Due date | Sources |",
        "|---|---|---|---|---|---|---|",
    ]
    for number, item in enumerate(assessment.checklist, start=1):
        action = f"**{item.title}**: {item.text.strip()}"
        out.append(
            f"| {number} | {_cell(action)} | {_cell(item.owner)} | {item.priority.value} | "
            f"{item.phase.value} |  | {_cell(cite_all(item.citations))} |"
        )
    out.append("")

    out += ["## Sources", ""]
    for source in cited_sources(assessment):
        note = (
            " English text is a provisional translation." if source.provisional_translation else ""
        )
        out.append(
            f"- **{source.short_name}**: {source.title_en} ({force_label(source)}). "
            f"<{source.url}>{note}"
        )
    out += ["", "## Caveats", ""]
    out += [f"- {caveat.text.strip()}" for caveat in assessment.caveats]
    out += ["", f"Rule base as of {assessment.rule_base_as_of}.", ""]
    from tools.worksheet import markdown_appendix  # late: it pulls in openpyxl

    out.append(markdown_appendix(assessment))
    return "\n".join(out)

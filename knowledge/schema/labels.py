"""knowledge/data/labels.yaml: the wording of legal forces, plan layers and a plan's own text."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from pydantic import Field, field_validator, model_validator

from knowledge.defaults import derived
from knowledge.schema.base import Id, Lang, LegalForce, Strict


class LayerHeading(Strict):
    id: Id
    heading: str
    heading_ja: str | None = Field(default=None, description="The heading in Japanese (kb check).")


class PlanText(Strict):
    """A plan's own wording in one language (labels.yaml `plan_text`): every field is required,
    so a language cannot miss a heading. `{name}` fields are filled by the renderers."""

    title: str = Field(description="'AI governance plan: {name}'.")
    default_name: str
    prepared: str = Field(description="'{as_of}': the rule-base date line.")
    as_of_line: str = Field(description="'{date}{version}'.")
    version: str = Field(description="'{version}'.")
    summary: str
    summary_counts: str = Field(description="'{roles}', '{layers}', '{actions}', '{before}'.")
    summary_priority: str = Field(description="'{roles}', '{layers}', '{actions}', '{high}'.")
    no_role: str
    not_sure: str
    start_here: str
    due: str = Field(description="'{date}'.")
    start_item: str = Field(description="'{owner}', '{when}', '{why}'.")
    start_why: str = Field(description="'{timing}', '{harm}', '{basis}'.")
    basis: str = Field(description="'{title}', '{force}'.")
    to_confirm: str
    to_confirm_item: str = Field(description="'{assumed}', '{change}'.")
    if_no_nothing: str = Field(description="'{if_no}'.")
    if_no: str = Field(description="'{if_no}', '{changes}'.")
    layers_dropped: str = Field(description="'{layers}'.")
    actions_dropped: str = Field(description="'{count}', '{actions}'.")
    and_: str = Field(description="Joins the two changes.")
    roles: str
    no_role_applies: str
    why: str
    sources: str
    layers: str
    legal_force: str
    regulators: str
    why_applies: str
    your_answers: str
    in_practice: str
    your_role: str = Field(description="'{role}': why an action is in the plan.")
    engaged: str = Field(description="'{layer}': why an action is in the plan.")
    checklist: str
    columns: list[str] = Field(min_length=7, max_length=7, description="#, action … sources.")
    source_line: str = Field(description="'{title}', '{force}', '{url}', '{note}'.")
    sources_heading: str
    provisional: str
    caveats: str
    assessment: str = Field(description="'{name}': the terminal view's title.")
    role: str
    action: str
    owner: str
    priority: str
    phase: str
    due_column: str
    status: str
    list_sep: str = Field(description="Between names in a list (', ' or '、').")
    item_sep: str = Field(description="Between titles or reasons in a list ('; ' or '／').")
    colon: str = Field(description="After a bold lead-in (': ' or '：').")
    cite: str = Field(description="'{name}', '{section}'.")
    statuses: dict[str, str]
    priorities: dict[str, str]
    phases: dict[str, str]

    @model_validator(mode="after")
    def _every_status_priority_and_phase(self) -> PlanText:
        # Literal lists: the enums are in schema.rules (Phase, Priority) or in tools (Status).
        wanted = {
            "statuses": {"todo", "doing", "done", "not_applicable"},
            "priorities": {"high", "medium", "low"},
            "phases": {"govern", "plan", "build", "deploy", "operate"},
        }
        for field, keys in wanted.items():
            missing = keys - set(getattr(self, field))
            if missing:
                raise ValueError(f"{field} has no label for {', '.join(sorted(missing))}")
        return self


class Labels(Strict):
    """knowledge/data/labels.yaml: the wording for legal forces and for the layers of a plan."""

    legal_force: dict[LegalForce, str]
    legal_force_ja: dict[LegalForce, str] = Field(default_factory=dict)
    layers: list[LayerHeading] = Field(description="In the order a plan lists them.")
    sections_ja: dict[str, str] = Field(
        default_factory=dict,
        description="Words of citation sections in Japanese ('Appendix 7' and 'Art. 13' are "
        "rewritten by rule; these are the rest).",
    )
    plan_text: dict[Lang, PlanText] = Field(
        description="The plan's headings and sentences, per language (English required)."
    )

    def force_label(self, force: LegalForce, lang: str) -> str:
        if lang == "ja" and force in self.legal_force_ja:
            return self.legal_force_ja[force]
        return self.legal_force[force]

    def text(self, lang: str) -> PlanText:
        """The plan's wording in `lang` (English when there is none)."""
        return self.plan_text.get("ja" if lang == "ja" else "en") or self.plan_text["en"]

    @field_validator("plan_text")
    @classmethod
    def _english_plan_text(cls, value: dict[Lang, PlanText]) -> dict[Lang, PlanText]:
        if "en" not in value:
            raise ValueError("no English plan text ('en')")
        return value

    @field_validator("legal_force")
    @classmethod
    def _every_force_has_a_label(cls, value: dict[LegalForce, str]) -> dict[LegalForce, str]:
        missing = [force.value for force in LegalForce if force not in value]
        if missing:
            raise ValueError(f"no label for {', '.join(missing)}")
        return value


LABELS_FILE = Path(__file__).parent.parent / "data" / "labels.yaml"


@derived
def load_labels() -> Labels:
    from knowledge.yaml_files import safe_load

    return Labels.model_validate(safe_load(LABELS_FILE.read_text(encoding="utf-8")))


class _ForceLabels(Mapping[LegalForce, str]):
    """LEGAL_FORCE_LABELS reads labels.yaml on first use (the wording is data, not code)."""

    def __getitem__(self, force: LegalForce) -> str:
        return load_labels().legal_force[LegalForce(force)]

    def __iter__(self) -> Iterator[LegalForce]:
        return iter(load_labels().legal_force)

    def __len__(self) -> int:
        return len(load_labels().legal_force)


LEGAL_FORCE_LABELS: Mapping[LegalForce, str] = _ForceLabels()

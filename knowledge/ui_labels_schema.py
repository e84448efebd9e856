"""The model of knowledge/data/ui_labels.yaml: what `kb check` validates the file with, and what
the labels are validated with before knowledge.ui_labels keeps them as plain values.

Apart from knowledge.ui_labels so that reading labels the validated cache holds (every command
and the TUI's first screen do) needs no pydantic; the model is imported only to validate.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, RootModel, model_validator

from knowledge.ui_labels import UiLabels, UiText, placeholders


class UiLabel(BaseModel):
    """One label in both languages."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    en: str = Field(min_length=1)
    ja: str = Field(min_length=1)

    @model_validator(mode="after")
    def _same_placeholders(self) -> UiLabel:
        if placeholders(self.en) != placeholders(self.ja):
            raise ValueError(
                f"en takes {sorted(placeholders(self.en))} but ja takes "
                f"{sorted(placeholders(self.ja))}: both languages fill the same fields"
            )
        return self


class UiLabelFile(RootModel[dict[str, dict[str, UiLabel]]]):
    """Every label by section and name."""

    def labels(self) -> UiLabels:
        """The labels as the plain values code reads them through."""
        return UiLabels(
            {
                section: {name: UiText(label.en, label.ja) for name, label in names.items()}
                for section, names in self.root.items()
            }
        )

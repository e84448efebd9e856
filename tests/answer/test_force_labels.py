"""Every legal force has a label in both languages (Japanese use-case answers name each one)."""

from __future__ import annotations

import pytest

from agent.answer.force import force_label
from knowledge.schema import LegalForce


@pytest.mark.parametrize("force", list(LegalForce))
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_legal_force_has_a_label(force: LegalForce, lang: str) -> None:
    assert force_label(force, lang).strip()

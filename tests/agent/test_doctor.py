"""`shirube doctor`: a healthy index reads as up to date."""

from __future__ import annotations

from agent.doctor import check_index
from core.config import Settings


def test_healthy_index_is_up_to_date(settings: Settings) -> None:
    check = check_index(settings, chroma_ok=True)
    assert check.status == "ok", check.detail
    assert check.detail.endswith("; up to date")

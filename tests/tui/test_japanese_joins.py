"""Japanese text lists items with 、 and puts ： after a label, from the labels by language."""

from __future__ import annotations

import pytest

from agent.answer.citations import Citations
from agent.chat.commands import unknown_message
from knowledge.loader import load_rule_base
from knowledge.schema import Citation
from knowledge.ui_labels import joined


def test_items_are_joined_as_each_language_joins_them() -> None:
    assert joined(["a", "b"], "en") == "a; b"
    assert joined(["a", "b"], "en", "items") == "a, b"
    assert joined(["第2部C 3）", "第5部U-7）"], "ja") == "第2部C 3）、第5部U-7）"


def test_the_unknown_command_list_in_japanese_takes_no_comma() -> None:
    said = unknown_message("/foo", "ja")
    assert "、" in said and ", /" not in said
    assert ", /" in unknown_message("/foo", "en")


def test_section_references_of_a_japanese_answer_take_no_semicolon() -> None:
    rb = load_rule_base()
    source = next(iter(rb.sources))
    for lang, sep in (("ja", "、"), ("en", "; ")):
        cites = Citations(rb, lang)
        cites.marks(
            [Citation(source=source, section="A"), Citation(source=source, section="B")], ""
        )
        [item] = cites.items()
        assert item.section == f"A{sep}B"


def test_instrument_dates_in_japanese_take_a_full_width_colon(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tui import legal

    rb = load_rule_base()
    source = next(s for s in rb.sources.values() if s.dates)
    monkeypatch.setattr("tui.lang.current_lang", lambda: "ja")
    lines = legal.source_dates(source.id)
    assert lines and all("：" in line and ": " not in line for line in lines)

"""Japanese and mixed text wraps by display width (a CJK character is two cells), never inside a
citation (第30条の4) or a name a Latin word starts (AI推進法), and fills each line (issue 18)."""

from __future__ import annotations

import io
import itertools

from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from tools.terminal_markdown import WrapMarkdown
from tools.terminal_wrap import WrapText, break_offsets, break_units, wrapped

MIXED = (
    "AI推進法第13条に基づく指針は、AI事業者ガイドラインと並んで参照されます。"
    "著作権法第30条の4は、AI推進法 第13条とは別に、学習のための利用を定めています。"
    "Shirube の法令監査（2026年12月）第3節によれば、個人情報保護委員会の注意喚起もあります。"
)
PROTECTED = ("第30条の4", "AI推進法", "第13条", "第3節", "2026年", "12月")


def _lines(renderable: object, width: int = 40) -> list[str]:
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text().rstrip("\n").split("\n")


def _cells(line: str) -> int:
    return Text(line).cell_len


def test_mixed_japanese_fills_each_line_by_display_width() -> None:
    lines = _lines(WrapText(MIXED))
    assert "".join(line.strip() for line in lines).replace(" ", "") == MIXED.replace(" ", "")
    assert all(_cells(line) <= 40 for line in lines)
    # Filled: no line could have taken what starts the next one (a character, or a whole name).
    for line, following in itertools.pairwise(lines):
        start, end = break_units(following.strip())[0]
        assert _cells(line.rstrip()) + 1 + _cells(following.strip()[start:end]) > 40, lines


def test_rich_alone_leaves_ragged_lines_the_wrapper_does_not() -> None:
    """Why the wrapper exists: Rich breaks at spaces only and moves a Japanese run whole."""
    text = "正常 データディレクトリ：/root/.local/share/shirube（書き込み可、空き 55,731 MB）"
    assert _lines(Text(text))[0].rstrip() == "正常"
    assert _lines(WrapText(text))[0].startswith("正常 データディレクトリ")


def test_citations_and_names_are_never_split() -> None:
    for width in range(12, 61):
        lines = _lines(WrapText(MIXED), width)
        for name in PROTECTED:
            assert sum(line.count(name) for line in lines) == MIXED.count(name), (width, name)


def test_no_line_starts_with_closing_punctuation_or_ends_with_an_opening_bracket() -> None:
    for width in range(12, 61):
        for line in _lines(WrapText(MIXED), width):
            assert line.strip()[:1] not in set("、。）」"), (width, line)
            assert line.rstrip()[-1:] not in set("（「"), (width, line)


def test_english_wraps_at_spaces_as_rich_does() -> None:
    english = (
        "The AI Promotion Act (Act No. 53 of 2025) asks the Government to draw up a guideline."
    )
    for width in (20, 33, 40):
        assert _lines(WrapText(english), width) == _lines(Text(english), width)


def test_a_word_longer_than_the_line_is_folded() -> None:
    url = "https://laws.e-gov.go.jp/law/507AC0000000053#Mp-At_13"
    lines = _lines(WrapText(f"本文は {url} を参照"), 20)
    assert all(_cells(line) <= 20 for line in lines)
    assert url in "".join(line.strip() for line in lines)


def test_markup_styles_survive() -> None:
    text = wrapped("[bold]注意[/] 検索インデックス：最新ではありません")
    assert isinstance(text, WrapText)
    assert text.plain.startswith("注意 検索") and text.text.spans


def test_offsets_are_character_positions() -> None:
    text = "あいうえおかきくけこ"
    assert break_offsets(text, 8) == [4, 8]


def test_markdown_paragraphs_and_list_items_wrap_by_width() -> None:
    body = f"{MIXED}\n\n- {MIXED}\n"
    lines = _lines(WrapMarkdown(body))
    assert all(_cells(line) <= 40 for line in lines)
    filled = [line for line in lines if line.strip()]
    for name in PROTECTED:
        assert sum(line.count(name) for line in filled) == 2 * MIXED.count(name), name


@given(
    text=st.text(
        alphabet=st.sampled_from(list("あ漢カ、。（）「」第条の4 aZ-/:.9　ー\n")), max_size=80
    ),
    width=st.integers(min_value=4, max_value=50),
)
def test_any_text_wraps_within_the_width_and_loses_nothing(text: str, width: int) -> None:
    lines = _lines(WrapText(text), width)
    assert all(_cells(line) <= width for line in lines)
    kept = "".join("".join(lines).split())
    assert kept == "".join(text.split())

"""Citation sections in Japanese notation: 第30条の4, 第3条第4項, 第19条～第28条, 第2部C, 別添7B.

The one implementation of these rules: answers (agent/answer/lang.py), plans (tools/render) and
the TUI's action details all write a Japanese section with `section_ja`. Pure text rules; the
words that are not numbers ('alert to businesses') come from labels.yaml `sections_ja`.
"""

from __future__ import annotations

import re

from knowledge.schema import load_labels

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9}
_NUM = r"\d+(?:-\d+)?"


def article(number: str) -> str:
    """'30-4' → '第30条の4' (a branch article), '7' → '第7条'."""
    main, _, branch = number.partition("-")
    return f"第{main}条" + (f"の{branch}" if branch else "")


def section_ja(section: str) -> str:
    """An English section ('Arts. 19–28 (Ch. IV)', 'Art. 3(4)', 'Part 2 C', 'Appendix 7B')."""
    text = section
    for english, japanese in load_labels().sections_ja.items():
        text = text.replace(english, japanese)
    text = re.sub(
        rf"Arts\.\s*({_NUM})\s*[–-]\s*({_NUM})\b",
        lambda m: f"{article(m[1])}～{article(m[2])}",
        text,
    )
    text = re.sub(rf"Art\.\s*({_NUM})\((\d+)\)", lambda m: f"{article(m[1])}第{m[2]}項", text)
    text = re.sub(rf"Arts?\.\s*({_NUM})", lambda m: article(m[1]), text)
    # Roman chapter numbers, as the English translation writes them.
    text = re.sub(r"Ch\.\s*([IVX]+)\b", lambda m: f"第{_ROMAN.get(m[1], m[1])}章", text)
    text = re.sub(r"Parts\s*(\d+)\s*[–-]\s*(\d+)", r"第\1部～第\2部", text)
    text = re.sub(r"Part\s*(\d+)\s*", r"第\1部", text)
    text = re.sub(r"Appendix\s*(\w+)", r"別添\1", text)
    text = text.replace("(", "（").replace(")", "）")
    # An English gloss left in brackets ('(developer, provider, business user)') is dropped.
    text = re.sub(r"\s*（[^（）]*[A-Za-z]{3,}[^（）]*）", "", text)
    return re.sub(r"\s*（", "（", text).strip()

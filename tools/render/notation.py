"""Citation sections in the notation Japanese plans use: 第30条の4, 第3条第4項, 第2部C, 別添7.

Pure text rules; the words that are not numbers ('alert to businesses') come from labels.yaml
`sections_ja`. (agent/answer/lang.py writes answers' sections with the same rules.)
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
    """An English section ('Arts. 4-6', 'Art. 3(4)', 'Ch. V (public bodies)', 'Appendix 7B')."""
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
    text = re.sub(r"Ch\.\s*([IVX]+)", lambda m: f"第{_ROMAN.get(m[1], m[1])}章", text)
    text = re.sub(r"Part\s*(\d+)\s*", r"第\1部", text)
    text = re.sub(r"Appendix\s*(\w+)", r"別添\1", text)
    return re.sub(r"\s*\(([^()]*)\)$", r"（\1）", text).strip()

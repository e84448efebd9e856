"""The answer's language: detected from the question or set, and the texts said in it.

English and Japanese texts live side by side in the rule base (`text` / `text_ja`); this module
only picks one and writes dates and article numbers the way each language does.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Literal

from agent.answer.phrasebook import Templates, phrasebook
from knowledge.loader import RuleBase
from knowledge.schema import Fact

Lang = Literal["en", "ja"]
LANGS: tuple[Lang, ...] = ("en", "ja")
# Kana or kanji anywhere: a Japanese reader (an English question rarely holds either).
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9}
_NUM = r"\d+(?:-\d+)?"


def detect(text: str) -> Lang:
    return "ja" if _JAPANESE.search(text) else "en"


def choose(setting: str | None, question: str) -> Lang:
    """The language to answer in: a set one ('en', 'ja'), else the question's ('auto', None)."""
    return setting if setting in LANGS else detect(question)


def in_lang(fact: Fact, lang: Lang) -> Fact:
    """The fact as a reader of `lang` sees it: its text and its direct answer in that language
    (English when it has no Japanese text yet, which `shirube kb check` reports)."""
    if lang == "en" or not fact.text_ja:
        return fact
    return fact.model_copy(
        update={"text": fact.text_ja, "answers": answer_word(fact.answers, lang)}
    )


def localise(rule_base: RuleBase, lang: Lang) -> RuleBase:
    """The rule base with every fact in `lang`: the engine then composes in that language."""
    if lang == "en":
        return rule_base
    facts = {fid: in_lang(fact, lang) for fid, fact in rule_base.facts.items()}
    return dataclasses.replace(rule_base, facts=facts)


def templates(lang: Lang) -> Templates:
    book = phrasebook()
    return book.book.templates_ja if lang == "ja" else book.templates


def answer_word(answer: str | None, lang: Lang) -> str | None:
    """A fact's direct answer ('Yes.', 'No.') in `lang`."""
    if answer is None or lang == "en":
        return answer
    return phrasebook().book.answers_ja.get(answer, answer)


def date_text(date: dt.date, lang: Lang) -> str:
    return f"{date.year}年{date.month}月{date.day}日" if lang == "ja" else f"{date:%-d %B %Y}"


def _article(number: str) -> str:
    """'30-4' → '第30条の4' (a branch article), '7' → '第7条'."""
    main, _, branch = number.partition("-")
    return f"第{main}条" + (f"の{branch}" if branch else "")


def _articles(match: re.Match[str]) -> str:
    first, last = match.group(1), match.group(2)
    return f"{_article(first)}～{_article(last)}"


def section_text(section: str | None, lang: Lang) -> str | None:
    """An English section ('Arts. 19–28 (Ch. IV)', 'Art. 3(4)', 'Part 2 C') in `lang`'s notation."""
    if section is None or lang == "en":
        return section
    text = section
    for english, japanese in phrasebook().book.sections_ja.items():
        text = text.replace(english, japanese)
    text = re.sub(r"Arts\.\s*(\d+)\s*[–-]\s*(\d+)", _articles, text)  # a range of articles
    text = re.sub(rf"Art\.\s*({_NUM})\((\d+)\)", lambda m: f"{_article(m[1])}第{m[2]}項", text)
    text = re.sub(rf"Arts?\.\s*({_NUM})", lambda m: _article(m[1]), text)
    text = re.sub(
        r"Ch\.\s*([IVX]+)", lambda m: f"第{_ROMAN.get(m[1], m[1])}章", text
    )  # Roman chapter numbers as in the English translation
    text = re.sub(r"Parts\s*(\d+)\s*[–-]\s*(\d+)", r"第\1部～第\2部", text)
    text = re.sub(r"Part\s*(\d+)", r"第\1部", text)
    text = re.sub(r"Appendix\s*(\d+)", r"別添\1", text)
    text = text.replace("(", "（").replace(")", "）") if "（" not in text else text
    # An English gloss left in brackets ('(developer, provider, business user)') is dropped.
    text = re.sub(r"\s*（[^）]*[A-Za-z]{3,}[^）]*）", "", text)
    return re.sub(r"\s*（", "（", text).strip()

"""The answer's language: detected from the question or set, and the texts said in it.

English and Japanese texts live side by side in the rule base (`text` / `text_ja`); this module
only picks one and writes dates and article numbers the way each language does.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Literal

from agent.answer.phrasebook import phrasebook
from knowledge.index.japanese import JAPANESE
from knowledge.loader import RuleBase
from knowledge.notation import section_ja
from knowledge.schema import Fact
from knowledge.schema.phrasebook import Templates

Lang = Literal["en", "ja"]
LANGS: tuple[Lang, ...] = ("en", "ja")
# Kana or kanji anywhere: a Japanese reader (an English question rarely holds either).


def detect(text: str) -> Lang:
    return "ja" if JAPANESE.search(text) else "en"


def choose(setting: str | None, question: str) -> Lang:
    """The language to answer in: a set one ('en', 'ja'), else the question's ('auto', None)."""
    return setting if setting in LANGS else detect(question)


def in_lang(fact: Fact, lang: Lang) -> Fact:
    """The fact as a reader of `lang` sees it: its text and its direct answer in that language
    (English when it has no Japanese text yet, which `shirube kb check` reports)."""
    if lang == "en" or not fact.text_ja:
        return fact
    general = fact.exception_of
    if general is not None:  # the general rule's answer, said in `lang` too
        general = general.model_copy(update={"answers": answer_word(general.answers, lang)})
    return fact.model_copy(
        update={
            "text": fact.text_ja,
            "answers": answer_word(fact.answers, lang),
            "exception_of": general,
        }
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


def section_text(section: str | None, lang: Lang) -> str | None:
    """An English section ('Arts. 19–28 (Ch. IV)', 'Art. 3(4)', 'Part 2 C') in `lang`'s notation
    (knowledge/notation.py: the same rules as plans and the TUI)."""
    if section is None or lang == "en":
        return section
    return section_ja(section)

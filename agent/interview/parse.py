"""Turn what the user typed into a profile value or a command; no model involved.

Pure functions: the graph, the CLI's `--answers` mode and the TUI all go through `parse_answer`.
English and Japanese answers are read in either language (はい, 分からない, 、-separated
choices, full-width digits); `lang` only picks the language of the error messages.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Literal

from pydantic import BaseModel, ConfigDict

from agent.interview.answer_words import answer_words
from agent.interview.texts import say
from knowledge.questions import AnswerType, Lang, Question

Kind = Literal["value", "skip", "unsure", "back", "why", "quit", "error"]

MAX_TEXT = 2000
# 'はい（…）', 'yes: we fine-tune…': a yes or no followed by the reason, as the examples show.
_LEADING = re.compile(r"^(\S+?)\s*[:(（、,。]")
_JA_DATE = re.compile(r"^(\d{4})\s*[年/.]\s*(\d{1,2})\s*[月/.]\s*(\d{1,2})\s*日?$")


class Parsed(BaseModel):
    """The outcome of parsing one typed answer."""

    model_config = ConfigDict(frozen=True)

    kind: Kind
    value: bool | str | list[str] | None = None
    message: str | None = None


def width(text: str) -> str:
    """Full-width letters, digits and punctuation as ASCII ('１、３' → '1、3', '？' → '?')."""
    return unicodedata.normalize("NFKC", text)


def _norm(text: str) -> str:
    # Labels and values compare loosely: width, case, spaces, hyphens and underscores do not
    # matter, nor a closing full stop or 'です'.
    key = re.sub(r"[\s_\-]+", " ", width(text).strip().lower()).strip(" .。!")
    return key.removesuffix("です").strip() if len(key) > 2 else key


def command_of(text: str) -> Kind | None:
    """The command typed ('quit', '終了', 'ＳＫＩＰ'…), or None for an answer."""
    return answer_words().command(_norm(text))


def is_yes(text: str) -> bool:
    return _norm(text) in answer_words().yes


def is_no(text: str) -> bool:
    return _norm(text) in answer_words().no


def expected(question: Question, lang: Lang = "en") -> str:
    """What a valid answer looks like, for error messages."""
    if question.type == AnswerType.yes_no:
        return say("expect_yes_no", lang)
    if question.type == AnswerType.free_text:
        return say("expect_text", lang)
    if question.type == AnswerType.date:
        return say("expect_date", lang)
    options = say("option_sep", lang).join(
        # An English reader types the value ('personal'); a Japanese reader, the label.
        say("option", lang, number=i, name=c.value if lang == "en" else c.label_in(lang))
        for i, c in enumerate(question.choices, 1)
    )
    if question.type == AnswerType.one_of:
        return say("expect_one", lang, options=options)
    if not question.allows_none:
        return say("expect_at_least_one", lang, options=options)
    return say("expect_several", lang, options=options)


def _error(question: Question, problem: str, lang: Lang) -> Parsed:
    return Parsed(
        kind="error", message=say("error", lang, problem=problem, expected=expected(question, lang))
    )


def _found_in(word: str, key: str) -> bool:
    norm = _norm(word)
    if norm.isascii():
        return re.search(rf"\b{re.escape(norm)}\b", key) is not None
    return norm in key  # Japanese has no spaces between words: a plain substring


def _choice(question: Question, item: str) -> str | None:
    key = _norm(item)
    if key.isdigit():
        index = int(key)
        return question.choices[index - 1].value if 1 <= index <= len(question.choices) else None
    for choice in question.choices:
        if key in map(_norm, choice.words):
            return choice.value
    # Free text ("our HR teams", "人事部門向け"): a choice whose synonym appears in it, if only
    # one does.
    found = {
        choice.value
        for choice in question.choices
        for word in (choice.value, *choice.synonyms, *choice.synonyms_ja)
        if _found_in(word, key)
    }
    return found.pop() if len(found) == 1 else None


def _unsure(question: Question) -> Parsed:
    rule = question.if_unsure
    if rule is not None:
        return Parsed(kind="unsure", value=rule.assume)
    return Parsed(kind="unsure", value=None if question.type == AnswerType.date else "")


def parse_answer(question: Question, text: str, lang: Lang = "en") -> Parsed:
    """Parse `text` as an answer to `question` (commands first, then the typed value); error
    messages are in `lang`."""
    raw = text.strip()
    if _norm(raw) in answer_words().unsure:
        return _unsure(question)
    command = command_of(raw)
    if command is not None:
        if command == "skip" and not question.has_default:
            if question.if_unsure is not None:
                return _unsure(question)  # skipping must not quietly assume the harmless answer
            return Parsed(
                kind="error", message=say("no_skip", lang, expected=expected(question, lang))
            )
        return Parsed(kind=command, value=question.default if command == "skip" else None)
    if not raw:
        hint = say("hint_default", lang) if question.has_default else ""
        return _error(question, say("type_answer", lang, hint=hint), lang)
    if question.type == AnswerType.date:
        return _date(question, raw, lang)
    if question.type == AnswerType.free_text:
        if len(raw) > MAX_TEXT:
            return _error(question, say("too_long", lang, max=MAX_TEXT), lang)
        return Parsed(kind="value", value=raw)
    if question.type == AnswerType.yes_no:
        return _yes_no(question, raw, lang)
    if question.type == AnswerType.one_of:
        value = _choice(question, raw)
        if value is None:
            return _error(question, say("not_choice", lang, raw=raw), lang)
        return Parsed(kind="value", value=value)
    return _several(question, raw, lang)


def _yes_no(question: Question, raw: str, lang: Lang) -> Parsed:
    key = _norm(raw)
    leading = _LEADING.match(width(raw).strip())
    words = [key] + ([_norm(leading.group(1))] if leading else [])
    if any(word in answer_words().yes for word in words):
        return Parsed(kind="value", value=True)
    if any(word in answer_words().no for word in words):
        return Parsed(kind="value", value=False)
    return _error(question, say("not_yes_no", lang, raw=raw), lang)


def _date(question: Question, raw: str, lang: Lang) -> Parsed:
    if _norm(raw) in answer_words().no_date:
        return Parsed(kind="value", value=None)
    text = width(raw).strip()
    japanese = _JA_DATE.match(text)  # 2027年3月31日, 2027/3/31
    try:
        if japanese:
            year, month, day = (int(part) for part in japanese.groups())
            return Parsed(kind="value", value=dt.date(year, month, day).isoformat())
        return Parsed(kind="value", value=dt.date.fromisoformat(text).isoformat())
    except ValueError:
        return _error(question, say("not_date", lang, raw=raw), lang)


def _says_none(question: Question, raw: str) -> bool:
    """'なし', 'いいえ' or 'いいえ、ありません' to a list question: none of its choices. A 'no'
    followed by a choice ('no, businesses') is not read as none."""
    words = answer_words()
    nothing = words.none | words.no
    if _norm(raw) in nothing:
        return True
    text = width(raw).strip()
    leading = _LEADING.match(text)
    if leading is None or _norm(leading.group(1)) not in nothing:
        return False
    rest = re.split(r",|、|､|;|\band\b", text[leading.end() :])
    return not any(_choice(question, part) for part in rest if part.strip())


def _several(question: Question, raw: str, lang: Lang) -> Parsed:
    # ',' '、' and ';' in either width (width() folds '，' and '；'), or 'and'.
    items = [part for part in re.split(r",|、|､|;|\band\b", width(raw)) if part.strip()]
    if _says_none(question, raw):
        if question.allows_none:
            return Parsed(kind="value", value=[])
        return _error(question, say("none_not_allowed", lang, raw=raw), lang)
    values: list[str] = []
    for item in items:
        value = _choice(question, item)
        if value is None:
            return _error(question, say("not_choice", lang, raw=item.strip()), lang)
        if value not in values:
            values.append(value)
    # Keep the bank's order so the same answers always give the same profile.
    order = [c.value for c in question.choices]
    return Parsed(kind="value", value=sorted(values, key=order.index))

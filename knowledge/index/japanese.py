"""Japanese words and readings with SudachiPy and its bundled core dictionary.

Chosen with data (benchmarks/JA_TOKENIZER.md): on Japanese paraphrases of the facts it ranked
the answer in the top three as often as Janome or better (split mode A, 90 %), tokenized twelve
times faster and loads in a third of a second; its readings let a kana spelling or a
same-sounding typo (推進方 for 推進法) still name the right thing. The dictionary is loaded on
first use only, so English questions never pay for it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sudachipy import Tokenizer

# Kana (half-width too) or kanji anywhere: Japanese text, for the tokenizer and for choosing the
# reader's language alike.
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")
# Parts of speech that carry content (nouns, verbs, adjectives); particles and endings do not.
_CONTENT = ("名詞", "動詞", "形容詞", "形状詞")
_HIRAGANA = re.compile(r"[\u3041-\u3096]")


_SEAM = re.compile(r"(?<=[a-z])(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])(?=[a-z])", re.IGNORECASE)


def spaced(text: str) -> str:
    """NFKC (full-width ＡＩ is AI) with a space where Latin letters or digits meet Japanese, so
    the cue patterns' word boundaries hold in 'AIを監督' as in 'AI regulator'; digits stay
    joined ('第30条の4'), and an article written in kanji numerals reads as the rule base writes
    it ('第三十条の四' → 第30条の4)."""
    return _SEAM.sub(" ", arabic_articles(unicodedata.normalize("NFKC", text)))


_DIGITS = {c: n for n, c in enumerate("〇一二三四五六七八九")} | {"零": 0}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_KANJI_NUMBER = "[〇零一二三四五六七八九十百千]+"
# A number in article notation: after 第 or a law's name, or standing alone, before 条/項/号/章;
# or after 条の ('第三十条の四'). A kanji number inside a word ('統一') is no article.
_ARTICLE = re.compile(
    rf"(?:(?<=第)|(?<=法)|(?<![\u3400-\u9fff]))({_KANJI_NUMBER})(?=条|項|号|章)"
    rf"|(?<=条の)({_KANJI_NUMBER})"
)


def kanji_number(text: str) -> int:
    """'三十' → 30, '百七十一' → 171, '四' → 4; digit by digit without units ('一〇' → 10)."""
    if not any(c in _UNITS for c in text):
        return int("".join(str(_DIGITS[c]) for c in text))
    total, digit = 0, 0
    for c in text:
        if c in _UNITS:
            total += (digit or 1) * _UNITS[c]
            digit = 0
        else:
            digit = _DIGITS[c]
    return total + digit


def arabic_articles(text: str) -> str:
    """Article numbers in kanji as Arabic digits ('第七条' → 第7条, '三十条の四' → 30条の4)."""
    return _ARTICLE.sub(lambda m: str(kanji_number(m.group(0))), text)


@cache
def _tokenizer() -> Tokenizer:
    from sudachipy import Dictionary

    return Dictionary(dict="core").tokenizer()


def _mode():
    from sudachipy import SplitMode

    return SplitMode.A  # the shortest units: 個人情報保護法 also matches 個人情報


@lru_cache(maxsize=8192)  # fact texts are scored again for every question
def words(text: str) -> tuple[str, ...]:
    """Content words in their dictionary form, lower case ('罰則', '禁止', 'ai')."""
    from knowledge.words import empty_lemmas_ja  # late: importing this module stays cheap

    text = unicodedata.normalize("NFKC", text).lower()
    found = []
    empty = empty_lemmas_ja()  # nouns or verbs by form that never name a topic (words.yaml)
    for m in _tokenizer().tokenize(text, _mode()):
        form = m.normalized_form().lower()
        if m.part_of_speech()[0] in _CONTENT and form not in empty and form.strip():
            found.append(form)
    return tuple(found)


@lru_cache(maxsize=1024)
def lemma_sequence(text: str) -> tuple[str, ...]:
    """Every word's dictionary form in order, endings and auxiliaries too ('したい' → 為る, たい),
    in the longest units (冷たい stays one word): how a question is phrased, where `words` keeps
    only what it is about."""
    from sudachipy import SplitMode

    text = unicodedata.normalize("NFKC", text)
    return tuple(m.normalized_form() for m in _tokenizer().tokenize(text, SplitMode.C))


@lru_cache(maxsize=1024)
def lemmas(text: str) -> tuple[tuple[str, str, int, int], ...]:
    """(dictionary form, part of speech, start, end) of each word of `text` as given (already
    NFKC), in the longest units: '捕まりますか' holds 捕まる, '罰せられ' 罰する."""
    from sudachipy import SplitMode

    return tuple(
        (m.normalized_form(), m.part_of_speech()[0], m.begin(), m.end())
        for m in _tokenizer().tokenize(text, SplitMode.C)
    )


def katakana(text: str) -> str:
    """Hiragana as katakana, so a reading and a kana spelling compare equal."""
    return _HIRAGANA.sub(lambda m: chr(ord(m.group(0)) + 0x60), text)


def reading(text: str) -> tuple[str, list[int]]:
    """The text's reading in katakana, and for each reading character the offset in `text` of
    the word it comes from (so a match in the reading maps back to the text)."""
    read: list[str] = []
    starts: list[int] = []
    for m in _tokenizer().tokenize(text, _mode()):
        surface = m.surface()
        sound = m.reading_form() if JAPANESE.search(surface) else surface
        sound = katakana(sound or surface)
        read.append(sound)
        starts += [m.begin()] * len(sound)
    return "".join(read), starts

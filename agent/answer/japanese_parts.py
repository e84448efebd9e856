"""How a Japanese compound question divides: asks joined by と/や, connectives that open a
second ask (それと, あと, また), and short asks of their own ('…ありますか？それと拘束力は？').

Japanese runs several asks together without the question words English splits on: the facet
cues (phrasebook facet_cues) mark where each ask is.
"""

from __future__ import annotations

import itertools
import re

from agent.answer.phrasebook import phrasebook
from agent.answer.word_lists import WordPattern
from knowledge.index.japanese import JAPANESE
from knowledge.schema import Facet

# What may stand between a facet cue and the joiner: a short noun tail ('策定元と', '施行日と').
_TAIL = r"[^\s、。,.?!はがをにでのもへ]{0,3}?"
# The next ask opens with a noun (kanji, katakana, Latin), never a verb ('対象となる').
_NOUN = re.compile(r"[\u3400-\u9fff\u30a0-\u30ffA-Za-z0-9]")
# How near the second cue must follow the joiner to be the second half of one noun phrase.
_REACH = 8


def _cues(piece: str) -> list[tuple[re.Match[str], Facet]]:
    book = phrasebook()
    found = [(m, facet) for facet, pattern in book.facets for m in pattern.finditer(piece)]
    return sorted(found, key=lambda pair: pair[0].start())


def split_joined(piece: str) -> list[str]:
    """'AI事業者ガイドラインの策定元と最新版の公表日は' → ['…の策定元', '最新版の公表日は']: two
    facet cues of different facets joined by と/や (phrasebook joiners_ja) are two asks."""
    if not JAPANESE.search(piece):
        return [piece]
    joiner = re.compile(_TAIL + f"(?P<joiner>{phrasebook().book.joiners_ja})")
    for (first, facet), (second, other) in itertools.pairwise(_cues(piece)):
        if facet == other:
            continue
        joined = joiner.match(piece, first.end())
        if joined is None or not _NOUN.match(piece, joined.end()):
            continue
        if joined.end() <= second.start() <= joined.end() + _REACH:
            rest = split_joined(piece[joined.end() :])
            return [piece[: joined.start("joiner")], *rest]
    return [piece]


def joined_ask(piece: str) -> str | None:
    """'AI事業者ガイドラインの3つの役割と、発行元を教えて': a piece that ends in a noun and a joiner
    (phrasebook joiners_ja) before the comma asks what it names by the next piece's predicate,
    so it is an ask of its own; the piece less its joiner, or None. After a verb ('使うと、') the
    joiner is a condition, no ask."""
    if not JAPANESE.search(piece):
        return None
    joined = re.search(f"(?:{phrasebook().book.joiners_ja})$", piece)
    if joined is None or not joined.start() or not _NOUN.match(piece, joined.start() - 1):
        return None
    return piece[: joined.start()]


def without_connective(piece: str) -> str:
    """A later piece less the connective opening it ('それと拘束力は' → '拘束力は'; 'あと' → '')."""
    opening = re.match(f"^(?:{phrasebook().book.connectives_ja})[、,\\s]*", piece)
    if opening is None:
        return piece
    rest = piece[opening.end() :]
    return rest if not rest or _NOUN.match(rest) else piece


# A Japanese sentence that asks without a facet cue or question mark ('第30条の4とは何ですか'):
# a question ending (reading_words.yaml question_endings_ja: か, とは …), or a question word
# (asking_words_ja) in the te-form that joins it to a second ask ('置く役職は何で、…は適用され
# ますか', '何をするところで、…').
_ASKING = WordPattern(
    lambda w: w.question_endings_ja,
    r"(?:{words}|(?:{asking})[^。?？、]{0,12}?で)\s*[?？]?\s*$",
    asking=lambda w: w.asking_words_ja,
)


def asks_in_japanese(piece: str) -> bool:
    """Whether a Japanese piece asks something rather than giving context."""
    return bool(JAPANESE.search(piece) and _ASKING.search(piece))


def asks_anew(piece: str, before: str) -> bool:
    """A short Japanese piece asks on its own when its facet cue asks another facet than the
    part before it ('罰則はありますか' then '拘束力は')."""
    book = phrasebook()
    facet, span = book.facet_match(piece)
    return span is not None and facet != book.facet_of(before)


def asks_degree(text: str) -> bool:
    """'EUと比べて日本のAI推進法は緩いですか' asks how far one goes beside the other, which a
    fact's own yes or no ('No, it is not a copy of the EU Act') does not answer: a word of degree
    beside a word that compares (phrasebook facet_lemmas_ja, compare with `with`)."""
    if not JAPANESE.search(text):
        return False
    from knowledge.index.japanese import lemmas

    forms = {form for form, *_ in lemmas(text)}
    degree = [e for e in phrasebook().book.facet_lemmas_ja if e.facet == Facet.compare and e.with_]
    return any(forms & set(e.lemmas) and forms & set(e.with_) for e in degree)

"""Premises a question takes for granted, read from its structure.

A wh-question presupposes what it asks about ("which agency licenses…": something licenses; "when
is the deadline to register…": a registration exists), and so does a claim stated as given
("our tool is high-risk, so…"); a yes/no question only asks, so only the premises' cues read it.
A mention the words deny ("no registration duty", "登録は不要") believes nothing. The beliefs
come first in the order the question names them: the one it asks about is corrected first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.answer.linker import normalise
from agent.answer.phrasebook import phrasebook
from agent.answer.reader import Reader
from agent.answer.word_lists import WordPattern
from knowledge.defaults import derived
from knowledge.index.japanese import JAPANESE
from knowledge.schema import EntityKind, Facet

WORDS_BEFORE = 3  # "has no registration duty", "don't need to register": a denial this close
CHARS_AFTER = 10  # "登録は不要", "登録義務はありません": Japanese denies after the word
_WORD = re.compile(r"[\w'’-]+")
# Japanese duties end in a negative form ("登録しなければならない" is a duty, not a denial).
_JA_MUST = re.compile(r"な(?:ければ|くては|いと)(?:なら|いけ|だめ)(?:ない|ません)?")
_JA_STOP = re.compile(r"[、。,.?？!！]")
SANCTION_REACH = 40  # characters either side of a sanction word


def _without_omissions(text: str) -> str:
    """`text` with the words for not doing what a sanction near them punishes blanked out."""
    book = phrasebook()  # not doing what a sanction punishes is no denial of the duty
    for sanction in book.sanction.finditer(text):
        start = max(0, sanction.start() - SANCTION_REACH)
        window = text[start : sanction.end() + SANCTION_REACH]
        for omission in book.omission.finditer(window):  # the same length: spans hold
            a, b = start + omission.start(), start + omission.end()
            text = text[:a] + "_" * (b - a) + text[b:]
    return text


@dataclass(frozen=True)
class Belief:
    id: str
    cues: re.Pattern[str]
    terms: re.Pattern[str] | None
    needs_duty: bool
    negative: bool  # the belief is itself a denial ("Japan has no AI rules")
    plain_on: Facet | None  # a yes/no question on this facet asks it plainly
    other_senses: re.Pattern[str] | None = None  # the words used of something else
    bare_words: bool = False  # its words describe a use in a sentence that only describes one

    def held_in(self, text: str) -> str:
        """`text` less the words that use the belief's words of someone or something else
        ('registered job seekers', 'a publisher sells a text-mining licence'), blanked at the
        same length so spans hold."""
        if self.other_senses is None:
            return text
        return self.other_senses.sub(lambda m: " " * len(m.group()), text)


@derived
def _beliefs(reader: Reader) -> tuple[Belief, ...]:
    book = phrasebook()

    def joined(patterns: list[str]) -> re.Pattern[str] | None:
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.I) if patterns else None

    out = []
    for p in reader.rule_base.premises.values():
        cues = joined(p.cues)
        assert cues is not None  # the schema asks for one cue at least
        negative = any(book.denial.search(claim) for claim in p.claims)
        other = joined(p.other_senses)
        out.append(
            Belief(
                p.id, cues, joined(p.terms), p.needs_duty, negative, p.plain_on, other, p.bare_words
            )
        )
    return tuple(out)


# Where a sentence ends, and where a Japanese clause that sets the scene before the question does
# ('…運営していますが、', '…使いたいのですが、': reading_words.yaml scene_endings_ja).
_SENTENCE = WordPattern(
    lambda w: w.scene_endings_ja, r"(?<=[.!?。！？])\s*|(?:{words})[、,]\s*", each="(?<={})"
)


def clauses(text: str) -> list[str]:
    """The sentences of `text`, a Japanese clause that sets the scene ('…使いたいのですが、')
    counted as one."""
    return [c for c in _SENTENCE.split(text.strip()) if c.strip()]


# What the asked sentence opens with when the one before is given ('…. So what do we do?').
_THEREFORE = WordPattern(
    lambda w: w.therefore_words, r"^\W*(?:{words}|{ja})\b", re.I, ja=lambda w: w.therefore_words_ja
)
# What names the law: an instrument, a body or the regime ('under Japan's AI Act'), or law in
# general words ('日本の法律でハイリスクに分類される'; reading_words.yaml law_words, law_stems …).
_LAW_KINDS = {EntityKind.instrument, EntityKind.institution, EntityKind.jurisdiction}
_LAW_WORDS = WordPattern(
    lambda w: w.law_words,
    r"\b(?:{words}|(?:{stems})\w*)\b|{ja}",
    re.I,
    stems=lambda w: w.law_stems,
    ja=lambda w: w.law_words_ja,
)
# A sentence that ends by giving a reason for the question after it ('…に分類されるので.').
_GIVEN_END = WordPattern(
    lambda w: w.reason_endings,
    r"(?:{ja}|\b(?:{words}))\W*$",
    re.I,
    ja=lambda w: w.reason_endings_ja,
)


def only_described(text: str, reader: Reader) -> str:
    """`text` with the sentences that only describe the asker's use blanked (at the same length,
    so spans hold): those before the sentence asked that carry no duty word, state no claim as
    given and name no law, body or regime ('We build an AI that detects high-risk transactions.',
    '登録している求職者に求人をおすすめするサイトを運営しています。')."""
    book = phrasebook()
    cuts = [0, *(m.end() for m in _SENTENCE.finditer(text) if 0 < m.end() < len(text))]
    spans = [(a, b) for a, b in zip(cuts, [*cuts[1:], len(text)], strict=True) if text[a:b].strip()]
    if len(spans) < 2:
        return text
    if _THEREFORE.search(text[spans[-1][0] : spans[-1][1]]):
        return text  # what it says before is given for the question: believed
    for a, b in spans[:-1]:
        sentence = text[a:b]
        named = reader.linker.link(sentence)
        given = book.stated(sentence) is not None or _GIVEN_END.search(sentence)
        if book.duty.search(sentence) or given or _LAW_WORDS.search(sentence):
            continue
        if any(reader.rule_base.entities[e].kind in _LAW_KINDS for e in named):
            continue
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def denied(text: str, start: int, end: int) -> bool:
    """Do the words right before (English) or after (Japanese) a mention deny it?"""
    book = phrasebook()
    text = _JA_MUST.sub(lambda m: "_" * len(m.group()), text)  # the same length: spans hold
    text = _without_omissions(text)
    before = _WORD.findall(text[:start])[-WORDS_BEFORE:]
    if before and book.denial.search(" ".join(before)):
        return True
    # A cue that spans the words between denies inside itself, before its last word ('since the
    # AI Promotion Act has no penalties, …' believes no fine), as confirms_denial reads it.
    inside = text[start:end].rstrip()
    if inside.isascii() and book.denial.search(inside[: inside.rfind(" ") + 1]):
        return True
    after = _JA_STOP.split(text[end : end + CHARS_AFTER], maxsplit=1)[0]
    return bool(after) and not after.isascii() and bool(book.denial.search(after))


_CLAUSE_END = re.compile(r"[,.;:、。?？!！]")


def confirms_denial(text: str, premises: list[str], reader: Reader) -> bool:
    """Do the asker's own words deny one of the beliefs and ask only to have that confirmed
    ('There's no AI law that bans facial recognition, right?', '禁止する法律はないですよね？')?
    A denial before the belief's words in English, after them in Japanese, in the same clause;
    a belief that is itself a denial ('Japan has no AI law, right?') is held, not denied."""
    book = phrasebook()
    if not book.confirmation.search(text.strip()):
        return False
    text = _JA_MUST.sub(lambda m: "_" * len(m.group()), text)  # a duty's ない denies nothing
    text = _without_omissions(text)  # 'no fine for not labelling' denies no fine
    for belief in _beliefs(reader):
        if belief.id not in premises or belief.negative:
            continue
        for found in belief.cues.finditer(text):
            before = _CLAUSE_END.split(text[: found.start()])[-1]
            after = _CLAUSE_END.split(text[found.end() :])[0]
            # English denies before the belief's last word, also inside a cue that spans the
            # words between ('the AI Promotion Act has no penalties'); Japanese after it.
            said = before + found.group()[: found.group().rstrip().rfind(" ") + 1]
            if book.denial.search(said if found.group().isascii() else after):
                return True
    return False


def _first_held(
    pattern: re.Pattern[str], text: str, belief: Belief, *, denied_too: bool = False
) -> int | None:
    """Where the first mention the words do not deny starts (`denied_too`: any mention); None if
    there is none."""
    for seen in (text, normalise(text)):  # Japanese cues are written unspaced
        for match in pattern.finditer(seen):
            if belief.negative or denied_too or not denied(seen, match.start(), match.end()):
                return match.start()
    return None


def asks_plainly(belief: Belief, facet: Facet | None, *, asks_whether: bool) -> bool:
    """Is the question only asking what the belief holds, believing nothing? A yes/no question
    on the belief's own facet ('Is the Article 13 guideline legally binding?') asks it, and a
    who-question about a duty asks who holds it ('who must appoint a CAIO?'), not that the
    holder the belief names (private companies) does."""
    if asks_whether and facet is not None and facet == belief.plain_on:
        return True
    return belief.needs_duty and facet == Facet.who


def presupposed(
    text: str, reader: Reader, *, asks_whether: bool, facet: Facet | None = None
) -> list[str]:
    """The premise ids `text` carries, the first named first: cued anywhere, named by a term in
    a wh-question or a stated claim (`asks_whether` False), or claimed as given in other words;
    not a belief the question only asks about on `facet`, its facet (`asks_plainly`)."""
    book = phrasebook()
    stated = book.stated(text) is not None
    duty = bool(book.duty.search(text))
    # A denial put up for confirmation ('Japan's AI law doesn't ban X, correct?') still names the
    # belief: the answer agrees with the denial (compose: confirms_denial) rather than look it up.
    confirming = bool(book.confirmation.search(text.strip()))
    found: dict[str, int] = {}
    duties: set[str] = set()  # beliefs in a duty the words take for granted
    use = only_described(text, reader)  # a bare word in the use described believes nothing
    for belief in _beliefs(reader):
        if not stated and asks_plainly(belief, facet, asks_whether=asks_whether):
            continue
        held = belief.held_in(use if belief.bare_words else text)
        at = _first_held(belief.cues, held, belief, denied_too=confirming)
        presupposing = stated or not asks_whether
        if belief.terms is not None and presupposing and (duty or not belief.needs_duty):
            term = _first_held(belief.terms, held, belief, denied_too=confirming)
            at = term if at is None else min(at, term if term is not None else at)
        if at is not None:
            found[belief.id] = at
            duties |= {belief.id} if belief.needs_duty and duty else set()
    for pid in reader.claimed(text):  # a claim in words no cue foresaw: it opens the question
        found.setdefault(pid, 0)
    # Japanese puts the head last ("ハイリスクAIの届出先" asks where to file): the last named first.
    sign = -1 if JAPANESE.search(text) else 1
    # A duty comes before what follows from it: "the penalty for not appointing a CAIO" believes
    # first that one must appoint a CAIO.
    return sorted(found, key=lambda pid: (pid not in duties, sign * found[pid]))


def in_other_senses(entities: list[str], text: str, reader: Reader) -> list[str]:
    """The entities that name a belief's thing (the same id: 'licence') only in words used of
    something else ('a TDM licence', '権利者のライセンス'): a licence between businesses is not
    the state licence the entity stands for."""
    return [
        belief.id
        for belief in _beliefs(reader)
        if belief.id in entities
        and belief.other_senses is not None
        and belief.id not in reader.linker.link(belief.held_in(text))
    ]


def is_denial(premise: str, reader: Reader) -> bool:
    """Is the belief itself a denial ('Japan has no AI law')? A fact in its words discusses it
    ('treating Japan as unregulated…'); what refutes it says what there is instead."""
    return any(b.negative for b in _beliefs(reader) if b.id == premise)


def names_belief(text: str, premise: str, reader: Reader) -> bool:
    """Does `text` (a fact) name the thing the belief is about, by its cues or terms?"""
    for belief in _beliefs(reader):
        if belief.id == premise:
            return any(p is not None and p.search(text) for p in (belief.terms, belief.cues))
    return False

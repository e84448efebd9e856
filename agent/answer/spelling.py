"""Typos in whole words: 'requre', 'consnet', 'trainning' → the rule base's own words.

A word the rule base never uses is read as one it does use, unless it is a word in its own
right: English ("banks" stays "banks", not "bans"; pyspellchecker's list, read only when a word
has such a reading) or an acronym or term of the trade typed in lower case (knowledge/data/
words.yaml: 'saas' stays 'saas', not 'says'). A name with capitals inside ('SaaS', 'OpenAI') is
never corrected, and an acronym in capitals ('SAAS') only parted. In order:

- two words run together, each the rule base's own ('incharge' → 'in charge', 'aiact');
- the closest word (rapidfuzz, optimal string alignment: a swap of two letters is one edit),
  on a tie the one that sounds the same ('baned' → 'banned', not 'based');
- more words run together ('aipromotionact' → 'ai promotion act'), the fewest first;
- a word that sounds the same (jellyfish's Metaphone: 'copywrite' → 'copyright').

Letters typed apart are joined where together they are the rule base's word ('A I' → 'AI',
'informa tion' → 'information'). Chat shorthand and a misspelt question word are read first
(agent/answer/shorthand.py); the English list is agent/answer/english.py.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence

import jellyfish
from rapidfuzz import process
from rapidfuzz.distance import OSA

from agent.answer.english import english_one_off, is_english
from agent.answer.keyboard import far_keys
from agent.answer.shorthand import expanded, question_word
from agent.answer.word_lists import reading_words

MIN_WORD = 4  # shorter words have too many neighbours one edit away
MIN_SPLIT = (2, 3)  # the shortest left and right words of a run-together pair ('in', 'act')
MIN_SOUND = 5  # shorter words share their sound with too many others
MIN_JOINED_NAME = 7  # two English words make a shorter name word as a phrase too ('in form')
MAX_PIECES = 4  # the most words one typed word is read as ('aipromotionact': three)
MIN_REAL_SLIP = 6  # an English word this long one letter off a name's word, beside the rest of
# that name, is a slip for it ('red teeming' → 'red teaming'); shorter ones are often meant
_WORD = re.compile(r"[a-z]+")
_TOKEN = re.compile(r"[A-Za-z]+")
_OWNER = re.compile(r"([a-z]+)'s\b")
_CONTRACTION = re.compile(r"['’]t\b")  # "hasn't", "wasn’t"
_LETTERS_APART = re.compile(r"(?<![\w'])[A-Za-z](?: [A-Za-z])+(?![\w'])")  # 'A I'


def _plural_of(word: str, known: Collection[str]) -> bool:
    """Is `word` the plural of a word in `known` or of English ('deployers', 'policies')?"""
    stems = (word[:-1], word[:-2] if word.endswith("es") else "", f"{word[:-3]}y")
    return word.endswith("s") and any(
        s in known or is_english(s) for s in stems if s and len(s) >= MIN_WORD
    )


def max_edits(word: str) -> int:
    """One edit in a short word, two from seven letters on."""
    return 1 if len(word) < 7 else 2


class Speller:
    """Corrects misspelt words towards a vocabulary (most used first on a tie)."""

    def __init__(
        self,
        texts: Iterable[str],
        names: Iterable[str] = (),
        cues: Sequence[re.Pattern[str]] = (),
    ) -> None:
        counts = Counter(w for text in texts for w in _WORD.findall(_unpatterned(text.lower())))
        self.known = frozenset(counts)
        # The words of the rule base's names: two English words typed for one of them are it
        # ('copy right act' is the Copyright Act).
        names = [name.lower() for name in names]
        self.names = frozenset(w for name in names for w in _WORD.findall(name))
        # Whose names the rule base writes with a possessive first ('japan's ai act', 'mext's
        # guideline'): 'japans' is that possessive.
        self.owners = frozenset(m.group(1) for name in names if (m := _OWNER.match(name)))
        # Two words side by side in a name ('red teaming', 'basic plan'): a slip that makes one
        # of them beside the other is read as that name.
        self.pairs = frozenset(
            pair for name in names for pair in itertools.pairwise(_WORD.findall(name))
        )
        self._name_words = sorted(self.names)
        self._cues = tuple(cues)  # the words that ask a facet ('legally', 'regulator')
        self._choices = [w for w, _ in counts.most_common() if len(w) >= MIN_WORD - 1]
        self._rank = {w: i for i, w in enumerate(self._choices)}  # most used first
        self._sounds: dict[str, list[str]] = {}
        for w in self._choices:
            if len(w) >= MIN_SOUND:
                self._sounds.setdefault(jellyfish.metaphone(w), []).append(w)

    def _kept_plural(self, lower: str) -> bool:
        """Is `lower` the plural of a word this speller leaves as typed ('deployer')?"""
        stem = lower[:-1]
        return lower.endswith("s") and len(stem) > MIN_WORD and self.word(stem) == stem

    def _split(self, lower: str) -> str | None:
        """Two of the vocabulary's words run together, the most even split first."""
        left_min, right_min = MIN_SPLIT
        pairs = [
            (lower[:i], lower[i:])
            for i in range(left_min, len(lower) - right_min + 1)
            if lower[:i] in self.known and lower[i:] in self.known
        ]
        if not pairs:
            return None
        left, right = max(pairs, key=lambda pair: min(len(pair[0]), len(pair[1])))
        return f"{left} {right}"

    def _pieces(self, lower: str) -> str | None:
        """Three or more of the vocabulary's words run together, the fewest first, each of at
        least two letters (the last of three, as in `_split`)."""
        left_min, right_min = MIN_SPLIT
        best: dict[int, list[str]] = {0: []}  # end of a prefix → fewest words that spell it
        for end in range(left_min, len(lower) + 1):
            options = [
                [*best[start], lower[start:end]]
                for start in range(0, end - left_min + 1)
                if start in best and lower[start:end] in self.known
            ]
            if options:
                best[end] = min(options, key=len)
        words = best.get(len(lower))
        if words is None or not 2 < len(words) <= MAX_PIECES or len(words[-1]) < right_min:
            return None
        return " ".join(words)

    def _near(self, lower: str, before: str = "", after: str = "") -> str | None:
        """The closest vocabulary word; on a tie the one that fits its neighbours (`_fits`:
        'ai basi plan' is 'basic', 'legaly binding' 'legally'), then an English word over an
        acronym ('firt' is 'first', not 'frt'), then the one that sounds like what was typed
        ('baned' is 'banned', not 'based'), then the most used."""
        found = process.extract(
            lower, self._choices, scorer=OSA.distance, score_cutoff=max_edits(lower), limit=None
        )
        if not found:
            return None
        sound = jellyfish.metaphone(lower)
        closest = min(score for _, score, _ in found)
        tied = [(w, i) for w, score, i in found if score == closest]
        if len(tied) == 1:
            return tied[0][0]
        return min(
            tied,
            key=lambda pair: (
                (before, pair[0]) not in self.pairs and (pair[0], after) not in self.pairs,
                far_keys(lower, pair[0]),
                not self._fits(pair[0], lower, before, after),
                not is_english(pair[0]),
                jellyfish.metaphone(pair[0]) != sound,
                pair[1],
            ),
        )[0]

    def _fits(self, meant: str, typed: str, before: str, after: str) -> bool:
        """`meant` makes a name's two words with a neighbour ('basic' beside 'ai' or 'plan'), or
        asks a facet that the words as typed do not ('legally', 'how should we')."""
        if (before, meant) in self.pairs or (meant, after) in self.pairs:
            return True
        return any(cue.search(meant) for cue in self._cues) or (
            any(cue.search(f"{before} {meant} {after}") for cue in self._cues)
            and not any(cue.search(f"{before} {typed} {after}") for cue in self._cues)
        )

    def _name_slip(self, lower: str, typed: str) -> str:
        """The registered name's word one letter off a long word typed with capitals inside, the
        only one; else the word as typed."""
        if len(lower) < MIN_REAL_SLIP or lower in self.known:
            return typed
        near = process.extract(lower, self._name_words, scorer=OSA.distance, score_cutoff=1)
        return _as_typed(near[0][0], typed) if len(near) == 1 else typed

    def _in_name(self, lower: str, before: str, after: str) -> str | None:
        """A name's word one letter off a long word that is no name's, where beside a neighbour
        it makes that name's two words and the word as typed does not ('red teeming')."""
        if len(lower) < MIN_REAL_SLIP or lower in self.names:
            return None
        if (before, lower) in self.pairs or (lower, after) in self.pairs:
            return None
        near = process.extract(
            lower, self._name_words, scorer=OSA.distance, score_cutoff=1, limit=None
        )
        fits = {
            w
            for w, _, _ in near
            if ((before, w) in self.pairs or (w, after) in self.pairs)
            and not (w.startswith(lower) or lower.startswith(w))  # 'contracts': inflected
        }
        return fits.pop() if len(fits) == 1 else None

    def _sounds_like(self, lower: str) -> str | None:
        """A vocabulary word that sounds the same, from the same first letter and at most half
        the letters away ('copywrite' → 'copyright', not a word that only shares consonants)."""
        if len(lower) < MIN_SOUND:
            return None
        alike = [w for w in self._sounds.get(jellyfish.metaphone(lower), []) if w[0] == lower[0]]
        if not alike:
            return None
        meant = min(alike, key=lambda w: OSA.distance(lower, w))  # most used first on a tie
        return meant if OSA.distance(lower, meant) <= len(lower) // 2 else None

    def _respelt(self, lower: str) -> str | None:
        """A long vocabulary word that is no English word but sounds like a more used English
        one ('copywrite', kept as a typo alias, for 'copyright'): that word; else None."""
        if len(lower) < MIN_JOINED_NAME:
            return None
        rank = self._rank.get(lower, len(self._rank))
        alike = [
            w
            for w in self._sounds.get(jellyfish.metaphone(lower), [])
            if w[0] == lower[0]
            and self._rank[w] < rank
            and OSA.distance(lower, w) <= len(lower) // 2
        ]
        if not alike or is_english(lower):  # the English list read only for such a word
            return None
        return next((w for w in alike if is_english(w)), None)

    def word(self, word: str, before: str = "", after: str = "") -> str:
        """`word` itself, or the vocabulary's word (or two) it misspells; `before` and `after`
        are the words typed beside it, in lower case."""
        lower = word.lower()
        opening = lower.endswith("s") and lower[:-1] in reading_words().opening_question_words
        if opening:  # 'whos', 'whats': who's, what's
            return f"{word[:-1]}'{word[-1]}"
        if lower[:-1] in self.owners and lower.endswith("s") and lower not in self.names:
            return f"{word[:-1]}'{word[-1]}"  # 'japans ai law': japan's, a name's owner
        slip = None if _is_name(word) else self._in_name(lower, before, after)
        if slip is not None:  # an English word, but a slip in a name ('red teeming')
            return _as_typed(slip, word)
        if lower in self.known and not _is_name(word):  # 'copywrite' is a name's alias, a typo
            meant = self._respelt(lower)
            return word if meant is None else meant.upper() if word.isupper() else meant
        if _is_name(word):  # a name typed with care, unless one letter off a registered name's
            return self._name_slip(lower, word)  # word ('ChatGT', 'rPomotion')
        if len(lower) < MIN_WORD:
            return word
        if _plural_of(lower, self.known) or self._kept_plural(lower):
            return word  # 'deployers': the plural of a word kept as typed, not 'deploy ers'
        split = self._split(lower)
        if split is None and word.isupper():  # an acronym ('SAAS'), not a shouted typo
            return word
        near = self._near(lower, before, after)
        if split and near and min(map(len, split.split())) < MIN_SPLIT[1]:
            split = (
                None if OSA.distance(lower, near) == 1 else split
            )  # 'jaban': japan, not 'ja ban'
        # One letter off a word of English the rule base never uses ('hotlice' is 'hotline'), and
        # none of its own: not read as one of its words farther away ('police'); left as typed.
        farther = near is None or OSA.distance(lower, near) > 1
        if farther and not split and not is_english(lower) and english_one_off(lower):
            near = None  # a word that sounds the same still reads it ('copywrite': copyright)
            if self._sounds_like(lower) is None:
                return word
        meant = split or near or self._pieces(lower) or self._sounds_like(lower)
        if meant is None or is_english(lower):
            return word
        # The nearest word may itself be a typo the rule base keeps as an alias ('copyrite' is
        # next to 'copywrite'): the word that one misspells.
        meant = self._respelt(meant) or meant if " " not in meant else meant
        return _as_typed(meant, word)

    def correct(self, text: str) -> str:
        """`text` with each misspelt Latin word replaced; everything else as it was."""
        text = self._joined(question_word(expanded(text)))
        tokens = list(_TOKEN.finditer(text))
        out, at = [], 0
        for i, token in enumerate(tokens):
            before = tokens[i - 1].group(0).lower() if i else ""
            after = tokens[i + 1].group(0).lower() if i + 1 < len(tokens) else ""
            # A contraction's first half ('hasn' of "hasn't") is no word to correct.
            contracted = _CONTRACTION.match(text, token.end()) is not None
            word = token.group(0) if contracted else self.word(token.group(0), before, after)
            out += [text[at : token.start()], word]
            at = token.end()
        return "".join([*out, text[at:]])

    def _joined(self, text: str) -> str:
        """Letters typed apart joined where together they are a vocabulary word: single letters
        ('A I' → 'AI'), two pieces one of which is no word at all ('informa tion'), or two words
        that together spell a word of a name ('copy right', 'head quarters')."""

        def single(m: re.Match[str]) -> str:
            together = m.group(0).replace(" ", "")
            return together if together.lower() in self.known else m.group(0)

        def stray(piece: str) -> bool:
            return piece.lower() not in self.known and not is_english(piece)

        pieces = re.split(r"([A-Za-z]+)", _LETTERS_APART.sub(single, text))
        # pieces: text between words at even places, words at odd ones
        for i in range(1, len(pieces) - 2, 2):
            left, gap, right = pieces[i], pieces[i + 1], pieces[i + 2]
            together = (left + right).lower()
            if gap != " " or len(together) < MIN_SOUND or together not in self.known:
                continue
            named = len(together) >= MIN_JOINED_NAME and together in self.names
            if stray(left) or stray(right) or named:
                pieces[i], pieces[i + 1], pieces[i + 2] = "", "", left + right
        return "".join(pieces)


# In a pattern's text: an escape ('\\b', '\\w'), and a word's stem glued to what ends it
# ('regulat(e|es)', 'licen[cs]e', 'penalt\\w*'), which no one types as a word of its own.
_ESCAPE = re.compile(r"\\[a-z]")
_STEM = re.compile(r"[a-z]+(?=\[|\\w|\((?:\?:)?[a-z]*\|)|(?<=\])[a-z]+")


def _unpatterned(text: str) -> str:
    """`text` less the pieces of regular expressions that only look like words."""
    return _ESCAPE.sub(" ", _STEM.sub(" ", text))


def _as_typed(meant: str, typed: str) -> str:
    """The word meant in the case it was typed in: 'SAAS', 'Sepcified' → 'Specified' (a
    capital keeps a law's name a name: 'the Act on Specified Commercial Transactions')."""
    if typed.isupper() and len(typed) > 1:
        return meant.upper()
    return meant[:1].upper() + meant[1:] if typed[:1].isupper() else meant


def _is_name(word: str) -> bool:
    """Capitals inside a word ('SaaS', 'OpenAI', 'ChatGPT') mark a name typed with care, not a
    typo of a common word."""
    return any(c.isupper() for c in word[1:]) and not word.isupper()

"""Japanese conversion slips (変換ミス): a kanji word the rule base never uses, typed where a
word that sounds the same was meant ('交付' for 公布, '摘要' for 適用, '人口知能' for 人工知能),
is read as the rule base's own word; the Japanese half of the English `Speller`.

SudachiPy gives each word its reading; a word of two or more kanji that the rule base's
Japanese texts never use is replaced by the word they use most that reads the same. A word the
rule base uses is never changed, so a correct question is read as typed.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

_KANJI = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff]{2,}$")
_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{2,}")


def _words(text: str) -> list[tuple[str, str]]:
    """(surface, reading) of each word of `text`, in SudachiPy's shortest units."""
    from knowledge.index.japanese import _mode, _tokenizer, katakana

    return [(m.surface(), katakana(m.reading_form())) for m in _tokenizer().tokenize(text, _mode())]


class Homophones:
    """Corrects kanji words towards the rule base's words that sound the same."""

    def __init__(self, texts: Iterable[str]) -> None:
        # Only runs of kanji hold the words kept, and the texts repeat them: each distinct run is
        # read once (a tenth of reading every text whole), its words counted as often as it occurs.
        runs = Counter(run for text in texts for run in _RUN.findall(text))
        counts: Counter[str] = Counter()
        readings: dict[str, str] = {}
        for run, times in runs.items():
            for surface, sound in _words(run):
                if _KANJI.match(surface):
                    counts[surface] += times
                    readings.setdefault(surface, sound)
        self.known = frozenset(counts)
        by_sound: dict[str, list[str]] = defaultdict(list)
        for surface, _ in counts.most_common():  # most used first
            by_sound[readings[surface]].append(surface)
        self._by_sound = dict(by_sound)

    def word(self, surface: str, sound: str) -> str:
        """`surface` itself, or the rule base's word it was typed for."""
        if not _KANJI.match(surface) or surface in self.known:
            return surface
        same = [w for w in self._by_sound.get(sound, []) if len(w) == len(surface)]
        return same[0] if same else surface

    def correct(self, text: str) -> str:
        """`text` with each slip replaced; everything else as it was."""
        if not re.search(r"[\u3400-\u9fff]", text):
            return text
        return "".join(self.word(surface, sound) for surface, sound in _words(text))

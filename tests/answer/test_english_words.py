"""The English word list read straight from pyspellchecker's packaged file is that file's keys,
every one, however it is parsed for speed (agent/answer/english.py)."""

from __future__ import annotations

import gzip
import json
from importlib import resources

from agent.answer.english import english_words, is_english


def test_the_english_words_are_the_packaged_lists_keys() -> None:
    packed = resources.files("spellchecker").joinpath("resources/en.json.gz").read_bytes()
    assert english_words() == frozenset(json.loads(gzip.decompress(packed)))
    assert all(isinstance(word, str) for word in english_words())
    assert is_english("naïve") == ("naïve" in english_words())  # non-ASCII keys are decoded text

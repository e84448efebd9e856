"""Where letters lie on a QWERTY keyboard: a letter changed for one not beside it is the less
likely slip, so the speller's tie-break prefers a word hit next door."""

from __future__ import annotations

_KEYS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_AT = {key: (row, col) for row, keys in enumerate(_KEYS) for col, key in enumerate(keys)}


def far_keys(typed: str, meant: str) -> bool:
    """`typed` is `meant` with one letter changed for one not beside it on the keyboard: a less
    likely slip than a letter dropped, added or hit next door ('companes' is 'companies', not
    'compares'; 'regulatoe' is 'regulator')."""
    if len(typed) != len(meant):
        return False
    changed = [(a, b) for a, b in zip(typed, meant, strict=True) if a != b]
    if len(changed) != 1 or not all(c in _AT for c in changed[0]):
        return False
    (r1, c1), (r2, c2) = (_AT[c] for c in changed[0])
    return abs(r1 - r2) > 1 or abs(c1 - c2) > 1

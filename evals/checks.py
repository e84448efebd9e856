"""Pure checks of one output against a case's expectations; each returns the reasons it failed."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from evals.models import Expect, MatchMode, ToolCallExpect
from evals.reasons import reason


def normalise(text: str) -> str:
    """Case, width, curly quotes, Markdown emphasis and runs of spaces never decide a match."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-")
    text = re.sub(r"[*`]", "", text)
    return re.sub(r"\s+", " ", text)


def check_text(text: str, expect: Expect, leak_markers: Sequence[str] = ()) -> list[str]:
    """include_any groups, exclude strings and (when asked) the system-prompt canary."""
    body = normalise(text)
    reasons = [
        reason("none_found", terms=repr(group))
        for group in expect.include_any
        if not any(normalise(s) in body for s in group)
    ]
    reasons += [reason("forbidden", term=repr(s)) for s in expect.exclude if normalise(s) in body]
    if expect.no_canary:
        reasons += [reason("leak") for m in leak_markers if m and m.lower() in body][:1]
    return reasons


def check_citations(cited: Iterable[str], expected: Sequence[str]) -> list[str]:
    if expected and not set(cited) & set(expected):
        return [cites(cited, expected)]
    return []


def cites(cited: Iterable[str], expected: Sequence[str]) -> str:
    """The line for an answer citing none of the sources expected."""
    return reason("cites", cited=sorted(set(cited)) or "nothing", expected=list(expected))


def matches(actual: Iterable[str], expected: Iterable[str], mode: MatchMode) -> bool:
    got, want = set(actual), set(expected)
    if mode == "strict":
        return got == want
    if mode == "subset":
        return want <= got
    return got <= want


def check_set(
    label: str, actual: Iterable[str], expected: Sequence[str], mode: MatchMode
) -> list[str]:
    got = sorted(set(actual))
    if matches(got, expected, mode):
        return []
    return [reason("set_mismatch", label=label, got=got, expected=sorted(expected), mode=mode)]


def tool_calls(raw: Iterable[Any]) -> list[tuple[str, set[str]]]:
    """Normalise `tools_called` entries (names, dicts or objects) to (name, argument keys)."""
    calls: list[tuple[str, set[str]]] = []
    for item in raw:
        if isinstance(item, str):
            calls.append((item, set()))
            continue
        get = item.get if isinstance(item, dict) else lambda k, d=None, i=item: getattr(i, k, d)
        args = get("args") or get("arguments") or {}
        calls.append((str(get("name", "")), set(args) if isinstance(args, dict) else set()))
    return calls


def check_trajectory(
    raw: Iterable[Any], expected: Sequence[ToolCallExpect], mode: MatchMode
) -> list[str]:
    """Which tools were called, each with at least the expected argument keys."""
    calls = tool_calls(raw)

    def satisfied(want: ToolCallExpect) -> bool:
        return any(name == want.name and set(want.args) <= keys for name, keys in calls)

    reasons = [
        reason("tool_missing", call=f"{w.name}({', '.join(w.args)})", called=[n for n, _ in calls])
        for w in expected
        if mode in ("strict", "subset") and not satisfied(w)
    ]
    wanted = {w.name for w in expected}
    if mode in ("strict", "superset"):
        extra = sorted({n for n, _ in calls} - wanted)
        reasons += [reason("tools_extra", extra=extra)] if extra else []
    return reasons


def check_profile(actual: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    return [
        reason("profile", key=key, got=repr(actual.get(key)), expected=repr(value))
        for key, value in expected.items()
        if actual.get(key) != value
    ]

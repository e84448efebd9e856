"""Pure checks of one answers-suite answer: lead, must facts, false facts, padding, route, language.

Terms match case-insensitively after `normalise()`. An ASCII term matches at a word start (so
"ban" is not found in "urban"); a lead term also ends at a word end (so "No" is not found in
"not"). Japanese text has no word breaks, so edges next to non-ASCII characters are not checked.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from evals.checks import cites, normalise
from evals.models import AnswerScore, Case
from evals.reasons import reason
from knowledge.index.japanese import JAPANESE

# A full stop after these does not end a sentence ("Art. 13", "Act No. 53", "e.g. a chatbot").
_ABBREVIATIONS = ("art", "arts", "no", "nos", "ch", "para", "e.g", "i.e", "cf", "vs", "etc", "p")
_END = re.compile(r"[.!?](?=[\s\"')\]]|$)|[。！？]")
_BLOCK = re.compile(r"^\s*(#+|[-*>]|\d+[.)])\s+")
_LATIN = re.compile(r"[A-Za-z]")


def first_sentence(text: str) -> str:
    """The answer's opening sentence: it ends at . ? ! 。, at a blank line or before a list."""
    lines: list[str] = []
    for line in text.strip().splitlines():
        if not line.strip() or (lines and _BLOCK.match(line)):
            break
        lines.append(_BLOCK.sub("", line, count=1))
        if _BLOCK.match(line):
            break  # a heading or a list item stands alone
    body = normalise(" ".join(lines)).strip()
    for match in _END.finditer(body):
        if match.group() == ".":
            word = body[: match.start()].rsplit(" ", 1)[-1].lstrip("([\"'")
            followed_by_digit = re.match(r"\s*\d", body[match.end() :]) is not None
            if word in _ABBREVIATIONS and (word != "no" or followed_by_digit):
                continue
        return body[: match.end()].strip()
    return body


def _pattern(term: str, *, whole_word: bool) -> re.Pattern[str]:
    term = normalise(term).strip()
    start = r"(?<![a-z0-9])" if term[:1].isascii() and term[:1].isalnum() else ""
    end = r"(?![a-z0-9])" if whole_word and term[-1:].isascii() and term[-1:].isalnum() else ""
    return re.compile(start + re.escape(term) + end)


def contains(text: str, term: str, *, whole_word: bool = False) -> bool:
    """`term` in `text` (both normalised); see the module docstring for word edges."""
    return _pattern(term, whole_word=whole_word).search(normalise(text)) is not None


def check_lead(text: str, lead_any: Sequence[str]) -> bool | None:
    """Whether the first sentence holds one of lead_any; None when the case sets none."""
    if not lead_any:
        return None
    lead = normalise(first_sentence(text))
    return any(_lead_pattern(term).search(lead) for term in lead_any)


def _lead_pattern(term: str) -> re.Pattern[str]:
    """A lead term as a whole word; a lone "No" is not the "No." of "Act No. 53"."""
    pattern = _pattern(term, whole_word=True)
    if normalise(term).strip() in _ABBREVIATIONS:
        return re.compile(pattern.pattern + r"(?!\.\s*\d)")
    return pattern


def missing_groups(text: str, must: Sequence[Sequence[str]]) -> list[list[str]]:
    """The must groups none of whose alternatives appears in the answer."""
    return [list(group) for group in must if not any(contains(text, t) for t in group)]


def false_facts(text: str, must_not: Sequence[str]) -> list[str]:
    return [term for term in must_not if contains(text, term)]


def padding(cited: Iterable[str], allowed: Sequence[str] | None) -> list[str] | None:
    """Cited source ids outside `allowed`; None when the case does not limit sources."""
    if allowed is None:
        return None
    return sorted(set(cited) - set(allowed))


def language(text: str) -> str:
    """'ja' when Japanese characters make up at least a third of the letters, else 'en'."""
    text = unicodedata.normalize("NFKC", text)
    ja, latin = len(JAPANESE.findall(text)), len(_LATIN.findall(text))
    return "ja" if ja and ja * 2 >= latin else "en"


def score(case: Case, text: str, cited: Sequence[str], route: str | None) -> AnswerScore:
    """Every answers-suite check of one answer; `reasons()` turns it into failure lines."""
    exp = case.expect
    assert case.category is not None and exp.route is not None  # the case model guarantees it
    lead_ok = check_lead(text, exp.lead_any)
    missing = missing_groups(text, exp.must)
    wrong = false_facts(text, exp.must_not)
    return AnswerScore(
        category=case.category,
        lead_ok=lead_ok,
        first_sentence=first_sentence(text)[:200],
        must_found=len(exp.must) - len(missing),
        must_total=len(exp.must),
        false_facts=wrong,
        cited_ok=bool(set(cited) & set(exp.citations_any)) if exp.citations_any else None,
        padding=padding(cited, exp.sources_allowed),
        premise=exp.premise,
        # Corrected: the opening says so, and nothing later restates the premise.
        premise_corrected=None if exp.premise is None else bool(lead_ok) and not wrong,
        route=route,
        expected_route=exp.route,
        route_also=list(exp.route_also),
        lang=language(text) if exp.lang else None,
        expected_lang=exp.lang,
    )


def reasons(case: Case, s: AnswerScore, text: str, cited: Sequence[str]) -> list[str]:
    """Why the answer fails, one line per failed check (the language asked included)."""
    exp = case.expect
    out: list[str] = []
    if s.lead_ok is False:
        out.append(reason("lead", sentence=repr(s.first_sentence), terms=exp.lead_any))
    out += [reason("missing_fact", terms=g) for g in missing_groups(text, exp.must)]
    out += [reason("false_fact", term=repr(term)) for term in s.false_facts]
    if s.cited_ok is False:
        out.append(cites(cited, exp.citations_any))
    if s.padded:
        out.append(reason("padding", cited=s.padding, allowed=exp.sources_allowed))
    if s.lang_ok is False:
        out.append(reason("language", got=repr(s.lang), expected=repr(s.expected_lang)))
    if not s.route_ok:
        got = reason("no_route") if s.route is None else repr(s.route)
        also = "".join(reason("route_or", route=repr(r)) for r in s.route_also)
        out.append(reason("route", got=got, expected=f"{s.expected_route!r}{also}"))
    return out

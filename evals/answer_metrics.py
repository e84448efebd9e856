"""Answers-suite figures, overall and per category: pass, lead, facts, padding, route, language."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from evals.models import CATEGORIES, AnswerFigures, AnswerScore, AnswerStats, CaseResult

# A held-out round written after the seeded blind draw carries a tag like "blind_round2"; its
# figure is reported on its own, since it is the one no engine change has seen.
ROUND_TAG = re.compile(r"^blind_round\d+$")


def _share(
    scores: Sequence[AnswerScore], test: Callable[[AnswerScore], bool | None]
) -> float | None:
    """Share of the scores where `test` holds, over those where it applies (not None)."""
    values = [v for v in map(test, scores) if v is not None]
    return round(sum(values) / len(values), 4) if values else None


def stats(results: Sequence[CaseResult]) -> AnswerStats:
    """Figures over results; an errored case counts against the pass rates and nothing else."""
    counted = [r for r in results if r.status != "n/a"]
    scores = [r.answer_score for r in counted if r.answer_score is not None]
    total = len(counted)
    must_total = sum(s.must_total for s in scores)
    return AnswerStats(
        total=total,
        errors=sum(r.status == "error" for r in counted),
        pass_rate=round(sum(r.status == "pass" for r in counted) / total, 4) if total else 0.0,
        answer_ok_rate=round(sum(s.answer_ok for s in scores) / total, 4) if total else 0.0,
        lead_correct=_share(scores, lambda s: s.lead_ok),
        must_recall=round(sum(s.must_found for s in scores) / must_total, 4)
        if must_total
        else None,
        false_facts=sum(len(s.false_facts) for s in scores),
        false_fact_rate=_share(scores, lambda s: bool(s.false_facts)) or 0.0,
        padding=_share(scores, lambda s: None if s.padding is None else s.padded),
        premise_corrected=_share(scores, lambda s: s.premise_corrected),
        route_accuracy=_share(scores, lambda s: s.route_ok),
        route_unknown=sum(s.route is None for s in scores),
        lang_match=_share(scores, lambda s: s.lang_ok),
    )


def answer_figures(results: Sequence[CaseResult]) -> AnswerFigures | None:
    """None when the run holds no answers-suite case."""
    mine = [r for r in results if r.suite == "answers"]
    if not mine:
        return None
    per = {c: stats([r for r in mine if r.category == c]) for c in CATEGORIES}
    langs = {lang: stats([r for r in mine if question_lang(r) == lang]) for lang in ("en", "ja")}
    rounds = sorted({t for r in mine for t in r.tags if ROUND_TAG.match(t)})
    return AnswerFigures(
        overall=stats(mine),
        per_category={c: s for c, s in per.items() if s.total},
        per_lang={lang: s for lang, s in langs.items() if s.total},
        per_round={t: stats([r for r in mine if t in r.tags]) for t in rounds},
    )


def question_lang(result: CaseResult) -> str:
    """'ja' for a case that asks in Japanese (it expects a Japanese answer), else 'en'."""
    score = result.answer_score
    expected = score.expected_lang if score is not None else None
    return "ja" if expected == "ja" or "ja" in result.tags else "en"

"""The committed eval cases: enough of them, well-formed, and pointing at real rule-base ids."""

from __future__ import annotations

from collections import Counter

from evals.case_files import load_cases
from knowledge.loader import load_rule_base
from knowledge.questions import load_questions

CASES = load_cases()


def test_at_least_120_cases_in_every_suite() -> None:
    counts = Counter(c.suite for c in CASES)
    assert len(CASES) >= 120
    assert set(counts) == {"qa", "scope", "injection", "assess", "interview"}


def test_about_a_fifth_is_held_out_in_every_suite() -> None:
    share = sum(c.heldout for c in CASES) / len(CASES)
    assert 0.15 <= share <= 0.3
    assert {c.suite for c in CASES if c.heldout} == {c.suite for c in CASES}


def test_every_faq_and_misunderstanding_has_two_critical_phrasings() -> None:
    groups = Counter(
        c.id.rsplit("-", 1)[0] for c in CASES if {"faq", "misunderstanding"} & set(c.tags)
    )
    assert len(groups) == 13  # the brief's 8 FAQs and 5 common misunderstandings
    assert min(groups.values()) >= 2
    assert all(c.critical for c in CASES if {"faq", "misunderstanding", "date"} & set(c.tags))


def test_cited_ids_exist_in_the_rule_base() -> None:
    rb = load_rule_base()
    cited = {s for c in CASES for s in (*c.expect.citations_any, *c.expect.trigger_sources)}
    assert cited <= set(rb.sources), cited - set(rb.sources)


def test_role_and_trigger_ids_exist() -> None:
    rb = load_rule_base()
    roles = {r for c in CASES for r in c.expect.roles or ()}
    triggers = {t for c in CASES for t in c.expect.triggers or ()}
    assert roles <= set(rb.roles), roles - set(rb.roles)
    assert triggers <= set(rb.triggers), triggers - set(rb.triggers)


def test_interview_answers_use_question_ids() -> None:
    ids = {q.id for q in load_questions()}
    for case in (c for c in CASES if c.suite == "interview"):
        assert set(case.answers or {}) <= ids, case.id


def test_every_question_case_expects_something_checkable() -> None:
    for case in (c for c in CASES if c.question is not None):
        e = case.expect
        assert e.include_any or e.exclude or e.citations_any or e.tools or e.scope, case.id

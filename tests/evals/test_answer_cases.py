"""The committed answers split: enough cases, every category, a seeded blind third, real ids."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import yaml

from evals.blind_split import SEED_JA, blind_ids
from evals.case_files import load_cases
from evals.checks import normalise
from evals.models import CATEGORIES

DATA = Path(__file__).resolve().parents[2] / "knowledge" / "data"
DEV = load_cases(suite="answers")
BLIND = load_cases(suite="answers", blind=True)
ALL = DEV + BLIND
# The Japanese suite (issue 18): evals/cases/ja/ and blind/ja_answers.jsonl, tagged "ja".
JA = [c for c in ALL if "ja" in c.tags]
EN = [c for c in ALL if "ja" not in c.tags]
# Held-out rounds written after the split was drawn (blind_round2, blind_round3, …): held out
# whole, and they never move the draw.
ROUND_TAG = re.compile(r"^blind_round(\d+)$")
LATER = [c for c in ALL if any(ROUND_TAG.match(t) for t in c.tags)]
# Membership by id (ids are unique, tested below): `c in JA` compared whole case models, seconds.
JA_IDS, EN_IDS, LATER_IDS = ({c.id for c in cases} for cases in (JA, EN, LATER))
# Dev cases added after the split was drawn (tagged "dev_only") never move the blind third, and
# neither do the later held-out rounds.
DRAWN = [c for c in ALL if "dev_only" not in c.tags and c.id not in LATER_IDS]
BLIND_DRAWN = [c for c in BLIND if c.id not in LATER_IDS]


def test_at_least_150_cases_with_unique_ids() -> None:
    ids = [c.id for c in ALL]
    assert len(ids) >= 150
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]


def test_every_category_has_five_cases_and_a_blind_share() -> None:
    counts = Counter(c.category for c in ALL)
    assert set(counts) == set(CATEGORIES)
    assert min(counts.values()) >= 5, counts
    assert {c.category for c in BLIND} == set(CATEGORIES)


def test_blind_is_the_seeded_random_third_of_each_category() -> None:
    assert 0.3 <= len(BLIND_DRAWN) / len(DRAWN) <= 0.37
    drawn = {c.id for c in DRAWN}
    assert {c.id for c in BLIND_DRAWN if c.id in EN_IDS} == blind_ids(
        [c for c in EN if c.id in drawn]
    )
    assert {c.id for c in BLIND_DRAWN if c.id in JA_IDS} == blind_ids(
        [c for c in JA if c.id in drawn], seed=SEED_JA
    )
    assert not any("dev_only" in c.tags for c in BLIND)
    assert all(c.heldout for c in BLIND) and not any(c.heldout for c in DEV)


def test_the_default_load_never_sees_the_answers_suite() -> None:
    assert not any(c.suite == "answers" for c in load_cases())


def test_cited_and_allowed_sources_exist() -> None:
    sources = {s["id"] for s in yaml.safe_load((DATA / "sources.yaml").read_text("utf-8"))}
    used = {s for c in ALL for s in (*c.expect.citations_any, *(c.expect.sources_allowed or ()))}
    assert used <= sources, used - sources


def test_each_category_is_annotated_as_it_should_be() -> None:
    for case in ALL:
        exp = case.expect
        assert exp.lead_any or exp.route == "out_of_scope", case.id
        assert bool(case.history) == (case.category == "follow_up"), case.id
        if exp.route_also:  # only a question readable as a belief or not may take either route
            routes = {exp.route, *exp.route_also}
            assert "premise" in routes and exp.route not in exp.route_also, case.id
            assert routes <= {"premise", "lookup", "search", "use_case"}, case.id
        if case.category == "false_premise":  # a wrong date has no premise id: the lead says No
            no = {"no", "いいえ"} & {term.lower() for term in exp.lead_any}
            assert (exp.premise is not None or no) and exp.route == "premise", case.id
        if case.category in ("not_covered", "out_of_scope"):
            assert exp.route == case.category, case.id
        if case.category == "out_of_scope":
            assert exp.sources_allowed == [], case.id
        if case.category == "injection":
            assert exp.no_canary, case.id
        is_japanese = re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", case.question or "") is not None
        if case.id in JA_IDS:  # the Japanese suite: every category, all in Japanese
            assert exp.lang == "ja" and is_japanese and case.category != "japanese", case.id
        else:
            assert (exp.lang == "ja") == (case.category == "japanese") == is_japanese, case.id


def test_the_japanese_suite_has_sixty_cases_over_the_categories_a_blind_third() -> None:
    assert len(JA) >= 60
    assert len([c for c in JA if c.heldout and c.id not in LATER_IDS]) == 20
    assert {c.category for c in JA} == set(CATEGORIES) - {"japanese"}


def test_questions_are_new_not_copied_from_qa_cases_or_topic_cards() -> None:
    seen = {normalise(c.question or "") for c in load_cases(suite="qa")}
    for path in (DATA / "topics").glob("*.yaml"):
        for card in yaml.safe_load(path.read_text("utf-8")):
            seen.update(normalise(q) for q in card.get("questions", ()))
    copied = [c.id for c in ALL if normalise(c.question or "") in seen]
    assert not copied


def test_every_later_round_is_wholly_held_out_and_new() -> None:
    blind = {c.id for c in BLIND}
    rounds = {m.group(1) for c in LATER for t in c.tags if (m := ROUND_TAG.match(t))}
    assert {"2", "3"} <= rounds
    for n in rounds:
        mine = [c for c in LATER if f"blind_round{n}" in c.tags]
        assert all(c.id in blind and c.heldout and c.id.startswith(f"r{n}-") for c in mine), n
        assert not any(f"blind_round{n}" in c.tags for c in DEV), n
        assert not any("dev_only" in c.tags for c in mine), n
        assert len([c for c in mine if c.id in EN_IDS]) >= 50
        assert len([c for c in mine if c.id in JA_IDS]) >= 30
        mine_ids = {c.id for c in mine}
        seen = {normalise(c.question or "") for c in ALL if c.id not in mine_ids}
        assert not [c.id for c in mine if normalise(c.question or "") in seen]

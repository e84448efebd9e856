"""The answers suite's checks, figures, loading and gating, with hand-written answers."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from core.errors import UsageError
from evals import answer_checks as ac
from evals.answer_metrics import answer_figures
from evals.answer_report import rows
from evals.backends import Backends
from evals.case_files import load_cases
from evals.metrics import gate, summarise, updated_baseline
from evals.models import Baseline, Case
from evals.report import markdown
from evals.runner import RunOptions, run_case
from tests.evals.stubs import Cite, RecordingAsk, StubAnswer

BAN_EXPECT: dict[str, Any] = {
    "route": "premise",
    "premise": "ban",
    "lead_any": ["No", "does not ban", "bans no"],
    "must": [["framework", "promotion"], ["APPI", "personal data"]],
    "must_not": ["yes,", "facial recognition is banned"],
    "citations_any": ["ai_promotion_act"],
    "sources_allowed": ["ai_promotion_act", "appi", "ppc_genai_alert"],
}
DIRECT = (
    "No — Japan's AI Act bans no technology, facial recognition included. It is a framework "
    "and promotion law; face images are personal data, so the APPI applies."
)
REVIEW_CLAUSE = (
    "Yes, the Act contains a review clause, so it is not meant to be the last word. Japan can "
    "harden parts of the regime later."
)


@dataclass
class RoutedAnswer(StubAnswer):
    route: str | None = None


def _case(**kw: Any) -> Case:
    data: dict[str, Any] = {
        "id": "a1",
        "suite": "answers",
        "version": 1,
        "category": "false_premise",
        "question": "Does Japan's AI Act ban facial recognition?",
        "expect": BAN_EXPECT,
    }
    return Case.model_validate({**data, **kw})


def _run(answer: StubAnswer, case: Case | None = None) -> Any:
    backends = Backends(ask=RecordingAsk(answer), assess=lambda p: None)
    return run_case(case or _case(), backends, RunOptions())


def test_a_direct_correct_answer_passes_every_check() -> None:
    answer = RoutedAnswer(DIRECT, [Cite("ai_promotion_act"), Cite("appi")], route="premise")
    result = _run(answer)
    assert result.status == "pass", result.reasons
    score = result.answer_score
    assert score.lead_ok and score.premise_corrected and score.route_ok and score.answer_ok
    assert (score.must_found, score.must_total, score.false_facts) == (2, 2, [])


def test_a_false_yes_fails_the_lead_the_premise_and_must_not() -> None:
    result = _run(RoutedAnswer(REVIEW_CLAUSE, [Cite("ai_promotion_act")], route="premise"))
    score = result.answer_score
    assert score.lead_ok is False and score.premise_corrected is False
    assert score.false_facts == ["yes,"]
    assert (
        "first sentence 'yes, the act contains a review clause, so it is not meant to be the "
        "last word.' has none of ['No', 'does not ban', 'bans no']" in result.reasons
    )
    assert "false fact 'yes,' in the answer" in result.reasons
    assert result.status == "fail"


def test_lead_terms_are_whole_words_so_no_is_not_found_in_not_or_technology() -> None:
    assert ac.check_lead("It is not a technology law. No, it is not.", ["No"]) is False
    assert ac.check_lead("No. The Act bans nothing.", ["No"]) is True
    assert ac.check_lead("It bans no technology.", ["bans no"]) is True
    assert ac.check_lead("Anything", []) is None


def test_a_lead_no_is_not_the_number_sign_of_an_act() -> None:
    dated = "The AI Promotion Act (Act No. 53 of 2025) was promulgated on 4 June 2025."
    assert ac.check_lead(dated, ["No"]) is False
    assert ac.check_lead(dated, ["Act No. 53"]) is True
    assert ac.check_lead("No: it was promulgated in 2025 (Act No. 53).", ["No"]) is True


def test_the_first_sentence_survives_abbreviations_and_markdown() -> None:
    text = "## Act No. 53 of 2025 (Art. 7) asks e.g. companies to cooperate. It has no fines."
    assert (
        ac.first_sentence(text) == "act no. 53 of 2025 (art. 7) asks e.g. companies to cooperate."
    )
    assert ac.first_sentence("No. The Act bans nothing.") == "no."
    assert ac.first_sentence("**No**: nothing is banned\n\nMore.") == "no: nothing is banned"
    assert ac.first_sentence("いいえ。禁止していません。") == "いいえ。"
    assert ac.first_sentence("Version 1.2 came out in 2026.") == "version 1.2 came out in 2026."


def test_must_groups_accept_any_synonym_and_name_the_missing_one() -> None:
    must = [["non-binding", "soft law"], ["METI"]]
    assert ac.missing_groups("They are soft law from Meti.", must) == []
    assert ac.missing_groups("They are voluntary.", must) == must
    assert ac.missing_groups("個人情報保護法が適用されます", [["APPI", "個人情報保護法"]]) == []


def test_false_facts_match_at_word_starts_only() -> None:
    assert ac.false_facts("Urban planning is allowed.", ["ban"]) == []
    assert ac.false_facts("The ban applies; fines of up to ¥1m.", ["ban", "fines of up to"]) == [
        "ban",
        "fines of up to",
    ]


def test_an_answer_citing_an_unrelated_source_is_padding() -> None:
    cites = [Cite("ai_promotion_act"), Cite("copyright_act")]
    result = _run(RoutedAnswer(DIRECT, cites, route="premise"))
    assert result.answer_score.padding == ["copyright_act"] and result.answer_score.padded
    assert "padding: cites ['copyright_act'], outside" in result.reasons[0]
    assert ac.padding(["x"], None) is None  # a case without sources_allowed never counts
    figures = answer_figures([result])
    assert figures is not None and figures.overall.padding == 1.0


def test_a_missing_route_is_unknown_and_not_a_pass() -> None:
    result = _run(StubAnswer(DIRECT, [Cite("ai_promotion_act")]))  # no `route` attribute
    assert result.status == "fail"
    assert result.reasons == ["route is unknown (the answer has no route), expected 'premise'"]
    assert result.answer_score.route is None and not result.answer_score.route_ok
    assert result.answer_score.answer_ok  # the answer itself was right
    stats = answer_figures([result]).overall  # type: ignore[union-attr]
    assert (stats.route_accuracy, stats.route_unknown, stats.pass_rate) == (0.0, 1, 0.0)
    assert stats.answer_ok_rate == 1.0


def test_a_wrong_route_is_named_and_an_allowed_alternative_passes() -> None:
    answer = RoutedAnswer(DIRECT, [Cite("ai_promotion_act")], route="search")
    assert _run(answer).reasons == ["route is 'search', expected 'premise'"]
    case = _case(expect={**BAN_EXPECT, "route_also": ["lookup"]})
    assert _run(answer, case).reasons == ["route is 'search', expected 'premise' or 'lookup'"]
    answer.route = "lookup"
    assert _run(answer, case).status == "pass"


def test_an_answer_in_the_wrong_language_fails_and_counts_per_language() -> None:
    case = _case(category="japanese", expect={**BAN_EXPECT, "lang": "ja"})
    result = _run(RoutedAnswer(DIRECT, [Cite("ai_promotion_act")], route="premise"), case)
    assert result.status == "fail" and result.answer_score.lang_ok is False
    assert result.reasons == ["answered in 'en', the question asks for 'ja'"]
    assert ac.language("いいえ、AI推進法は顔認識を禁止していません（APPI）。") == "ja"
    assert ac.language("No, the Act bans nothing (AI推進法).") == "en"
    figures = answer_figures([result, _run(RoutedAnswer(DIRECT, [Cite("ai_promotion_act")]))])
    assert figures is not None and figures.overall.lang_match == 0.0
    assert {lang: s.total for lang, s in figures.per_lang.items()} == {"en": 1, "ja": 1}
    assert rows(figures)[-2][:2] == ["lang ja", "1"]


def test_a_premise_restated_later_is_not_corrected() -> None:
    text = "No. Although facial recognition is banned in shops, the Act is a framework law (APPI)."
    score = ac.score(_case(), text, ["ai_promotion_act"], "premise")
    assert score.lead_ok and not score.premise_corrected


def test_history_is_asked_first_and_passed_to_the_follow_up() -> None:
    ask = RecordingAsk(RoutedAnswer("METI and MIC publish them.", [Cite("aigfb")], route="lookup"))
    case = _case(
        category="follow_up",
        question="who publishes them?",
        history=["Are the AI Guidelines for Business binding?"],
        expect={"route": "lookup", "lead_any": ["METI"]},
    )
    result = run_case(case, Backends(ask=ask, assess=lambda p: None), RunOptions())
    assert result.status == "pass"
    assert [c["question"] for c in ask.calls] == [case.history[0], "who publishes them?"]
    assert "history" not in ask.calls[0]
    assert ask.calls[1]["history"] == [(case.history[0], "METI and MIC publish them.")]


def test_figures_per_category_and_in_the_report() -> None:
    good = _run(RoutedAnswer(DIRECT, [Cite("ai_promotion_act")], route="premise"))
    bad = _run(RoutedAnswer(REVIEW_CLAUSE, [], route="lookup"), _case(id="a2", category="typo"))
    summary = summarise([good, bad], "offline")
    assert summary.answers is not None
    per = summary.answers.per_category
    assert set(per) == {"false_premise", "typo"}
    assert per["false_premise"].pass_rate == 1.0 and per["typo"].pass_rate == 0.0
    overall = summary.answers.overall
    assert (overall.lead_correct, overall.premise_corrected, overall.false_facts) == (0.5, 0.5, 1)
    assert overall.must_recall == 0.5 and overall.route_accuracy == 0.5
    report = markdown(summary, [good, bad], [])
    assert "## Answers suite by category" in report and "| typo | 1 | 0.0%" in report


def test_a_later_blind_round_gets_its_own_figures_and_report_row() -> None:
    round2 = _case(id="r2-a", category="typo", tags=["typo", "blind_round2"], heldout=True)
    good = _run(RoutedAnswer(DIRECT, [Cite("ai_promotion_act")], route="premise"), round2)
    bad = _run(RoutedAnswer(REVIEW_CLAUSE, [], route="lookup"))
    summary = summarise([good, bad], "offline")
    assert summary.answers is not None
    assert {t: (s.total, s.pass_rate) for t, s in summary.answers.per_round.items()} == {
        "blind_round2": (1, 1.0)
    }
    assert ["blind_round2", "1", "100.0%"] in [row[:3] for row in rows(summary.answers)]
    assert "| blind_round2 | 1 | 100.0%" in markdown(summary, [good, bad], [])


def test_the_answers_suite_is_never_gated_nor_written_to_the_baseline() -> None:
    bad = _run(RoutedAnswer(REVIEW_CLAUSE, [], route="lookup"))
    summary = summarise([bad], "offline")
    assert gate(summary, Baseline(pass_rate=0.95)) == []
    kept = Baseline(pass_rate=0.95, per_suite={"qa": 0.97})
    assert updated_baseline(summary, kept) == kept


def test_update_baseline_is_refused_for_the_answers_suite(tmp_path: Path) -> None:
    from agent.cli.eval import run_eval

    with pytest.raises(UsageError, match="no baseline yet"):
        run_eval(
            suite="answers", model=None, offline=True, baseline_file=None,
            update_baseline=True, output=tmp_path,
        )  # fmt: skip


def _write(path: Path, *cases: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(c) + "\n" for c in cases), encoding="utf-8")


def test_answers_and_blind_cases_load_only_when_asked(tmp_path: Path) -> None:
    qa = {"id": "q", "suite": "qa", "version": 1, "question": "q", "expect": {}}
    dev = {**_case().model_dump(exclude_defaults=True), "id": "dev"}
    blind = {**dev, "id": "hidden", "heldout": True}
    _write(tmp_path / "qa.jsonl", qa)
    _write(tmp_path / "answers.jsonl", dev)
    _write(tmp_path / "blind" / "answers.jsonl", blind)
    assert [c.id for c in load_cases(tmp_path)] == ["q"]
    assert [c.id for c in load_cases(tmp_path, suite="answers")] == ["dev"]
    assert [c.id for c in load_cases(tmp_path, suite="answers", blind=True)] == ["hidden"]
    with pytest.raises(UsageError, match=r"--blind .* --suite answers"):
        load_cases(tmp_path, suite="qa", blind=True)


def test_answers_cases_must_say_what_they_are() -> None:
    with pytest.raises(ValueError, match=r"category and expect\.route"):
        _case(category=None)
    with pytest.raises(ValueError, match="give lead_any"):
        _case(expect={"route": "premise", "premise": "ban"})
    with pytest.raises(ValueError, match="not in sources_allowed"):
        _case(expect={"route": "lookup", "citations_any": ["appi"], "sources_allowed": []})
    with pytest.raises(ValueError, match="belong to the answers suite"):
        Case.model_validate(
            {"id": "q", "suite": "qa", "version": 1, "question": "q", "expect": {},
             "category": "fact"}
        )  # fmt: skip

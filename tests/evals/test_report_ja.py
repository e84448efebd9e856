"""`shirube eval --lang ja` (or SHIRUBE_LANG=ja): the printed summary and report.md are in
Japanese — headings, figures, the answers table and its per-language rows, the gate (issue 18);
the failing cases' status and reasons too (a reason no label made, such as an exception's,
stays as written); case ids and suite names stay as written. English is unchanged."""

from __future__ import annotations

import io
import re
from pathlib import Path

from rich.console import Console

from evals import metrics, report
from evals.models import Baseline, CaseResult
from evals.reasons import reason, reason_in
from knowledge.ui_labels import load_ui_labels, ui_text

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
ENGLISH_LABELS = ("Pass rate", "Citation", "Gate", "Failing cases", "Answers:", "questions in")


def _r(cid: str, suite: str, status: str, **kw: object) -> CaseResult:
    base: dict[str, object] = {"critical": False, "heldout": False, "tags": [], "latency_ms": 10.0}
    return CaseResult.model_validate({"id": cid, "suite": suite, "status": status, **base, **kw})


def _answer(cid: str, status: str, lang: str) -> CaseResult:
    score = {"category": "fact", "expected_route": "facts", "route": "facts", "lang": lang}
    return _r(cid, "answers", status, answer_score={**score, "expected_lang": lang})


RESULTS = [
    _r("q1", "qa", "pass", cited=["aigfb"], expected_citations=["aigfb"]),
    _r("q2", "qa", "fail", critical=True, reasons=[reason("tools_extra", extra=["x"])]),
    _r("q3", "qa", "error", reasons=["ValueError: boom"]),
    _answer("a1", "pass", "ja"),
    _answer("a2", "fail", "en"),
]


def _printed(lang: str) -> str:
    summary = metrics.summarise(RESULTS, "offline")
    problems = metrics.gate(summary, Baseline(pass_rate=0.9))
    console = Console(file=io.StringIO(), width=250)
    report.print_report(console, summary, RESULTS, problems, lang)
    return console.file.getvalue()  # type: ignore[attr-defined]


def test_the_printed_summary_is_in_japanese() -> None:
    shown = _printed("ja")
    for english in ENGLISH_LABELS:
        assert english not in shown, (english, shown)
    for japanese in (
        "合格率（全体）",
        "合否判定：",
        "重大なケースが不合格です：q2",
        "不合格のケース（3 件）",
        "想定外のツール呼び出し ['x']",
        "不合格",
        "エラー",
    ):
        assert japanese in shown, (japanese, shown)
    assert "回答：合格率（日本語の質問）" in shown and "回答：合格率（英語の質問）" in shown, shown
    assert "q2 [重大]" in shown and "ValueError: boom" in shown  # no label made it: as written


def test_the_english_summary_is_unchanged() -> None:
    shown = _printed("en")
    assert "Pass rate (all)" in shown and "Gate: critical case failed: q2" in shown, shown
    assert "unexpected tool calls ['x']" in shown, shown
    assert "Answers: pass rate, questions in ja" in shown and not JAPANESE.search(shown)


def test_report_md_is_written_in_the_commands_language(tmp_path: Path) -> None:
    summary = metrics.summarise(RESULTS, "offline")
    problems = metrics.gate(summary, Baseline(pass_rate=0.9))
    report.write_outputs(tmp_path, summary, RESULTS, problems, "ja")
    text = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert text.startswith("# Shirube 評価レポート"), text
    for english in ENGLISH_LABELS:
        assert english not in text, (english, text)
    assert "合格率 40.0% がベースライン 90.0% を下回っています" in text, text
    assert "- `q3` (エラー): ValueError: boom" in text, text


def test_every_reason_is_read_back_as_the_label_that_made_it() -> None:
    """Each `eval_reason` line, filled with distinct values, is reworded to its own Japanese
    label: no label's English swallows another's."""
    for name, label in load_ui_labels().root["eval_reason"].items():
        fields = dict.fromkeys(re.findall(r"\{(\w+)\}", label.en), "")
        values = {f: f"<{f}>" for f in fields}
        line = reason(name, **values)
        assert reason_in(line, "ja") == ui_text(f"eval_reason.{name}", "ja", **values), name


def test_the_eval_command_reports_in_the_language_it_is_given(
    tmp_path: Path, monkeypatch: object
) -> None:
    from agent.cli import eval as eval_cli

    seen: list[str] = []

    def fake(**kwargs: object) -> int:
        seen.append(str(kwargs["lang"]))
        return 0

    import pytest

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    monkeypatch.setattr(eval_cli, "run_eval", fake)
    from tests.faults.cli_runner import run_cli

    run_cli("eval", "--offline", "--lang", "ja", env={"SHIRUBE_LANG": None})
    run_cli("eval", "--offline", env={"SHIRUBE_LANG": "ja"})
    run_cli("eval", "--offline", env={"SHIRUBE_LANG": None})
    assert seen == ["ja", "ja", "en"], seen


def test_a_bad_case_file_is_refused_in_japanese() -> None:
    from core.errors import UsageError
    from knowledge.ui_labels import error_in

    bad = UsageError("Bad eval case at answers_x.jsonl:3: id: Field required")
    assert error_in(bad, "ja").startswith("評価ケース answers_x.jsonl:3 が正しくありません："), bad
    twice = UsageError("Duplicate case id 'x-1' at b.jsonl:2 and a.jsonl:9.")
    assert error_in(twice, "ja") == "ケース ID 'x-1' が b.jsonl:2 と a.jsonl:9 で重複しています。"

"""`shirube ask` and `shirube doctor` in Japanese at a narrow width (issue 18): lines fit by
display width, are filled (no Japanese run moved whole to the next line), and no citation
(第30条の4) or name (AI推進法) is split across lines."""

from __future__ import annotations

import datetime as dt
import io
import itertools
from collections.abc import Callable

import pytest
from rich.text import Text

from agent.cli.ask_render import render
from agent.state import Answer, AnswerCitation
from core.config import Settings
from tools.terminal_wrap import break_units

WIDTH = 40
BODY = (
    "AI推進法第13条は、AIが適正に研究開発・活用されるよう、国際的な規範に即した指針を"
    "整備することを政府に求めています。[1]\n\n"
    "著作権法第30条の4は、AI推進法 第13条とは別に、情報解析のための利用を認めています。[2]"
)


def _cells(line: str) -> int:
    return Text(line).cell_len


def _assert_filled(lines: list[str], continues: Callable[[str, str], bool]) -> None:
    """Each line fits, and none could have taken what starts the line it continues on."""
    assert all(_cells(line) <= WIDTH for line in lines), lines
    for line, following in itertools.pairwise(lines):
        if not line.strip() or not following.strip() or not continues(line, following):
            continue
        start, end = break_units(following.strip())[0]
        taken = following.strip()[start:end].rstrip()
        assert _cells(line.rstrip()) + 1 + _cells(taken) > WIDTH, (line, following)


def _answer() -> Answer:
    cites = [
        AnswerCitation(
            id="ai_promotion_act",
            title="人工知能関連技術の研究開発及び活用の推進に関する法律（令和7年法律第53号）",
            section="第13条",
            label="拘束力のある法律（罰則なし）",
            url="https://laws.e-gov.go.jp/law/507AC0000000053",
            legal_force="binding_no_penalty",
            excerpt="…",
        ),
        AnswerCitation(
            id="copyright_act",
            title="著作権法",
            section="第30条の4",
            label="拘束力のある法律",
            url="https://laws.e-gov.go.jp/law/345AC0000000048",
            legal_force="binding",
            excerpt="…",
        ),
    ]
    return Answer(
        question="AI推進法第13条と著作権法第30条の4は何を定めていますか？",
        answer=BODY,
        citations=cites,
        mode="offline",
        scope="in",
        tools_called=[],
        latency_ms=5,
        lang="ja",
        notice="オフラインモード：Shirube のルールベースから回答を作成しました"
        "（モデルは使用していません）。",
        rule_base_as_of=dt.date(2026, 12, 1),
    )


def test_a_japanese_answer_wraps_by_width_at_40_columns(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", str(WIDTH))
    render(_answer(), "text")
    lines = [line for line in capsys.readouterr().out.split("\n") if "https://" not in line]
    answer = _answer()
    texts = [answer.notice or "", *BODY.split("\n\n"), *(c.heading for c in answer.citations)]

    def continues(line: str, following: str) -> bool:
        joined = (line.strip() + following.strip()).replace(" ", "")
        return any(joined in text.replace(" ", "") for text in texts)

    _assert_filled(lines, continues)
    text = "\n".join(lines)
    assert text.count("第30条の4") == 2  # the answer and its source, each on one line
    assert text.count("AI推進法") == 2
    assert any(line.startswith("[2] 著作権法 第30条の4") for line in lines)


def test_doctor_in_japanese_wraps_by_width_at_40_columns(settings: Settings) -> None:
    from typer.testing import CliRunner

    from agent.cli.main import app

    env = {"COLUMNS": str(WIDTH), "SHIRUBE_LANG": "ja", "SHIRUBE_HOME": str(settings.home)}
    done = CliRunner().invoke(app, ["doctor"], env=env)
    lines = done.output.rstrip("\n").split("\n")
    statuses = ("正常", "注意", "失敗")

    def continues(_line: str, following: str) -> bool:
        return not following.lstrip().startswith(("→", *statuses))

    _assert_filled(lines, continues)
    assert not [line for line in lines if line.strip() in statuses], lines  # a status alone
    assert "…" not in done.output  # a long path is folded, never cut


def test_a_japanese_chat_turn_wraps_by_width_at_40_columns() -> None:
    from rich.console import Console

    from agent.chat.state import Turn
    from agent.cli.chat import show_turn

    answer = _answer()
    turn = Turn(
        question="それは？",
        resolved="AI推進法第13条と著作権法第30条の4は何を定めていますか？",
        kind="qa",
        answer=BODY,
        citations=answer.citations,
        mode="offline",
        scope="in",
        notice=answer.notice,
    )
    console = Console(width=WIDTH, record=True, file=io.StringIO())
    show_turn(console, turn, None, "ja")
    lines = [line for line in console.export_text().split("\n") if "https://" not in line]
    assert all(_cells(line) <= WIDTH for line in lines), lines
    text = "\n".join(lines)
    assert text.count("第30条の4") == 3 and text.count("AI推進法") == 3  # the question too
    assert any(line.startswith("[2] 著作権法 第30条の4") for line in lines)

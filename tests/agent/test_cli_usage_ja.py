"""The command line's own errors and help in the reader's language (issue 18): an unknown
option, a missing argument or a bad --lang value is said in Japanese under SHIRUBE_LANG=ja or
`--lang ja`, still with exit code 2; `--help` reads in Japanese; English stays the default."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.faults.cli_runner import CliResult, run_cli

JA = {"SHIRUBE_LANG": "ja", "COLUMNS": "200"}
EN = {"SHIRUBE_LANG": None, "COLUMNS": "200"}
# What click and typer say in English; none of it may reach a Japanese reader.
CLICK_ENGLISH = re.compile(
    r"No such (option|command)|Missing (argument|option)|Invalid value|Got unexpected|"
    r"requires an argument|Try '|Usage:|is not one of|Did you mean|Error"
)


def _ja(*args: str) -> CliResult:
    result = run_cli(*args, env=JA)
    assert result.code == 2, result
    assert not CLICK_ENGLISH.search(result.err), result.err
    return result


def test_an_unknown_option_is_named_in_japanese() -> None:
    err = _ja("ask", "--bogus").err
    assert "オプション「--bogus」はありません" in err
    assert "shirube ask --help" in err


def test_a_misspelt_option_is_suggested_in_japanese() -> None:
    err = _ja("ask", "--offlin", "x").err
    assert "--offline" in err and "ではありませんか" in err


def test_an_unknown_command_is_named_in_japanese() -> None:
    err = _ja("nosuch").err
    assert "コマンド「nosuch」はありません" in err and "shirube --help" in err


def test_a_missing_argument_says_what_to_give() -> None:
    err = _ja("assess").err
    assert "profile" in err and "プロファイル" in err and "指定してください" in err
    assert "shirube assess --help" in err


def test_a_bad_lang_value_lists_the_choices_in_japanese() -> None:
    err = _ja("ask", "質問", "--lang", "fr").err
    assert "--lang" in err and "「fr」" in err and "auto、en、ja" in err


def test_a_bad_choice_lists_the_choices_in_japanese() -> None:
    err = _ja("doctor", "--format", "xml").err
    assert "--format" in err and "「xml」" in err and "text、json" in err


def test_an_option_without_its_value_is_said_in_japanese() -> None:
    err = _ja("sessions", "list", "--lang").err
    assert "--lang" in err and "値" in err


def test_an_extra_argument_is_said_in_japanese() -> None:
    err = _ja("sessions", "list", "extra").err
    assert "「extra」" in err and "余分" in err


def test_lang_ja_on_the_command_line_is_enough() -> None:
    result = run_cli("sessions", "list", "--lang", "ja", "--bogus", env=EN)
    assert result.code == 2
    assert "オプション「--bogus」はありません" in result.err


def test_a_bad_value_is_said_in_japanese() -> None:
    err = _ja("plan", "set", "p1", "1", "--expect-version", "abc").err
    assert "--expect-version" in err and "「abc」" in err and "整数" in err


@pytest.mark.parametrize(
    ("args", "english"),
    [
        (["ask", "--bogus"], "No such option: --bogus"),
        (["nosuch"], "No such command 'nosuch'"),
        (["assess"], "Missing argument 'profile'"),
    ],
)
def test_english_stays_the_default(args: list[str], english: str) -> None:
    result = run_cli(*args, env=EN)
    assert result.code == 2
    assert english in result.err
    assert not re.search(r"[ぁ-んァ-ン]", result.err)


def test_top_level_help_in_japanese() -> None:
    result = run_cli("--help", env=JA)
    assert result.code == 0, result.err
    assert "使い方" in result.out and "オプション" in result.out and "コマンド" in result.out
    assert "質問に答えます" in result.out  # ask's line
    assert "Ask a question" not in result.out and "Show this message" not in result.out


def test_a_commands_help_in_japanese() -> None:
    result = run_cli("kb", "check", "--help", env=JA)
    assert result.code == 0, result.err
    assert "ルールベースを検証します" in result.out
    assert "--data-dir" in result.out and "Check the rule base in this folder" not in result.out


def test_japanese_help_in_a_narrow_terminal_wraps_and_cuts_nothing() -> None:
    """Japanese has no spaces to wrap at: in 80 columns each option's help still reads to its
    end, folded onto the next line, never cut short with '…'."""
    result = run_cli("eval", "--help", env={**JA, "COLUMNS": "80"})
    assert result.code == 0, result.err
    assert "…" not in result.out, result.out
    flat = "".join(line.strip("│ ") for line in result.out.splitlines())
    assert "取得済みであること）。" in flat, result.out


def test_help_stays_english_by_default() -> None:
    result = run_cli("--help", env=EN)
    assert result.code == 0
    assert "Ask a question" in result.out and "Usage:" in result.out
    assert "使い方" not in result.out


def test_every_help_text_has_a_japanese_label() -> None:
    """A command or option added with English help only fails here, naming it."""
    from agent.cli.help_lang import help_texts, japanese_help
    from agent.cli.main import build_app

    missing = [where for where, text in help_texts(build_app()) if japanese_help(text) is None]
    assert not missing, missing


@pytest.mark.parametrize(
    ("args", "japanese", "english"),
    [
        (["interview", "--format", "xml"], "--format「xml」は使えません", "Unknown --format 'xml'"),
        (
            ["interview", "--resume", "s1", "--answers", "a.yaml"],
            "--resume と --answers は同時に指定できません",
            "Use --resume or --answers, not both.",
        ),
        (
            ["sessions", "migrate", "--to", "mysql://x"],
            "PostgreSQL の URL ではありません",
            "is not a PostgreSQL URL",
        ),
        (
            ["eval", "--model", "m", "--offline"],
            "--model と --offline は同時に指定できません",
            "Use either --model NAME or --offline, not both.",
        ),
        (
            ["eval", "--model", " "],
            "--model には Ollama のモデル名を指定してください",
            "--model needs an Ollama model name",
        ),
        (
            ["eval", "--suite", "answers", "--update-baseline"],
            "answers スイートにはまだ基準がありません",
            "The answers suite has no baseline yet",
        ),
        (
            ["eval", "--suite", "nosuch"],
            "スイート「nosuch」はありません",
            "Unknown suite 'nosuch'. Use one of: ",
        ),
    ],
)
def test_the_commands_own_checks_are_said_in_japanese(
    args: list[str], japanese: str, english: str
) -> None:
    said = _ja(*args).err
    assert japanese in said and english not in said
    kept = run_cli(*args, env=EN)
    assert kept.code == 2 and english in kept.err


@pytest.mark.parametrize(
    ("content", "japanese", "english"),
    [
        (
            "nme: x\n",
            "存在しない質問 ID があります：nme。使える ID：",
            "has unknown question id(s): nme",
        ),
        (
            "name: テスト\ndescription: 社内チャットボット\noffers_to_others: maybe\n",
            "の質問「offers_to_others」：「maybe」は",
            "question 'offers_to_others': ",
        ),
    ],
)
def test_an_answers_files_problems_are_said_in_japanese(
    tmp_path: Path, content: str, japanese: str, english: str
) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(content, encoding="utf-8")
    args = ("interview", "--answers", str(answers), "--offline")
    said = run_cli(*args, env=JA, cwd=tmp_path)
    assert said.code == 2 and japanese in said.err and english not in said.err, said.err
    assert "回答ファイル「" in said.err
    kept = run_cli(*args, env=EN, cwd=tmp_path)
    assert kept.code == 2 and english in kept.err


def test_a_japanese_question_on_the_command_line_is_enough() -> None:
    """No --lang and no SHIRUBE_LANG: the question itself says the reader reads Japanese."""
    result = run_cli("ask", "--bogus", "AI推進法とは？", env=EN)
    assert result.code == 2
    assert "オプション「--bogus」はありません" in result.err
    assert not CLICK_ENGLISH.search(result.err), result.err


@pytest.mark.parametrize("setting", [["--lang", "en"], ["--lang=en"]])
def test_a_set_english_wins_over_a_japanese_question(setting: list[str]) -> None:
    result = run_cli("ask", *setting, "--bogus", "AI推進法とは？", env=EN)
    assert result.code == 2 and "No such option: --bogus" in result.err


def test_shirube_lang_en_wins_over_a_japanese_question() -> None:
    result = run_cli("ask", "--bogus", "AI推進法とは？", env={**EN, "SHIRUBE_LANG": "en"})
    assert result.code == 2 and "No such option: --bogus" in result.err


def test_a_question_of_only_full_width_spaces_is_refused_in_japanese() -> None:
    """A Japanese keyboard types the ideographic space: that reader is told in Japanese."""
    result = run_cli("ask", "\u3000\u3000", env=EN)
    assert result.code == 2 and "質問がありません" in result.err, result.err
    assert "No question given" in run_cli("ask", "  ", env=EN).err

"""`shirube chat` end to end: piped stdin, resume in a new process (subprocesses of the installed
command), commands and session views (the same entry point in-process, reading a piped stdin: a
chat subprocess loads the index and the embedder again, seconds each)."""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

from core.config import Settings
from knowledge.loader import load_rule_base
from tests.conftest import VENV_BIN
from tests.faults.cli_runner import run_cli


def _in_process(
    home: Path, args: list[str], stdin: str = "", cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = {"SHIRUBE_HOME": str(home), "COLUMNS": "200"}
    done = run_cli(*args, env=env, cwd=cwd, stdin=stdin)
    return subprocess.CompletedProcess(["shirube", *args], done.code, done.out, done.err)


def run_chat(
    home: Path, stdin: str, *args: str, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return _in_process(home, ["chat", "--offline", *args], stdin, cwd)


def sessions(home: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return _in_process(home, ["sessions", *args], cwd=cwd)


def chat_process(
    home: Path, stdin: str, *args: str, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SHIRUBE_HOME": str(home), "COLUMNS": "200"}
    return subprocess.run(
        [str(VENV_BIN / "shirube"), "chat", "--offline", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=180,
    )


def test_resume_in_new_process_and_export(
    chat_settings: Settings, tmp_path: Path, profile_file: Callable[[str], Path]
) -> None:
    home = chat_settings.data_dir
    first = chat_process(home, "What is the Article 13 guideline?\n")
    assert first.returncode == 0, first.stderr
    thread_id = re.search(r"Thread (\w+) started", first.stdout).group(1)  # type: ignore[union-attr]
    assert "umbrella guideline" in first.stdout

    listed = sessions(home, "list")
    assert thread_id in listed.stdout and "What is the Article 13 guideline?" in listed.stdout

    out = tmp_path / "chat.md"
    profile = profile_file("ministry_genai_drafting")
    script = f"when was it adopted?\n/profile {profile}\ndo we need a CAIO?\n/export {out}\n/quit\n"
    second = chat_process(home, script, "--thread", thread_id)
    assert second.returncode == 0, second.stderr
    assert "Understood as: when was the Article 13 guideline adopted?" in second.stdout
    text = out.read_text(encoding="utf-8")
    assert text.startswith(f"# Shirube chat {thread_id}")
    assert "## 1. What is the Article 13 guideline?" in text
    assert "_Understood as: when was the Article 13 guideline adopted?_" in text
    assert "## 3. do we need a CAIO?" in text and "Yes." in text
    assert "**Sources**" in text and "https://" in text
    assert "(internal rule for government bodies)" in text


def test_commands_and_bad_commands(chat_settings: Settings) -> None:
    result = run_chat(chat_settings.data_dir, "/help\n/frobnicate\n/plan\n/export\n/sources\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count(f"Rule base as of {load_rule_base().meta.as_of}.") == 1
    assert "/interview" in result.stdout and "/export FILE" in result.stdout
    assert "Unknown command '/frobnicate'. Commands: /interview, /plan," in result.stdout
    assert "No profile is linked. Run /interview or /profile FILE first." in result.stdout
    assert "/export needs a file name, e.g. /export chat.md" in result.stdout
    assert "No answer with citations yet" in result.stdout


def test_bad_thread_and_profile_exit_2(chat_settings: Settings, tmp_path: Path) -> None:
    home = chat_settings.data_dir
    unknown = run_chat(home, "", "--thread", "nope1234")
    assert unknown.returncode == 2
    assert "No session with id 'nope1234'" in unknown.stderr and "Traceback" not in unknown.stderr
    missing = run_chat(home, "", "--profile", str(tmp_path / "missing.yaml"))
    assert missing.returncode == 2 and "not found" in missing.stderr


def test_interview_inside_chat_links_the_profile(chat_settings: Settings, tmp_path: Path) -> None:
    from tests.interview.scenarios import SCENARIOS
    from tests.interview.test_cli import typed_sequence

    ministry = SCENARIOS[1]
    assert ministry.expected["organisation"] == "government"
    lines = ["/interview", *typed_sequence(ministry), "do we need a CAIO?", "/quit"]
    result = run_chat(chat_settings.data_dir, "\n".join(lines) + "\n", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    interview_id = re.search(r"Interview (\w+): type 'quit'", result.stdout).group(1)  # type: ignore[union-attr]
    assert f"Session {interview_id} is finished." in result.stdout
    assert "Profile linked to this chat. Ask 'what should we do first?'" in result.stdout
    assert (tmp_path / f"shirube-plan-{interview_id}.md").is_file()
    answer = result.stdout.split("you> do we need a CAIO?", 1)[1]
    notice, reply = answer.lstrip().split("\n", 1)
    assert notice == f"Answered from the assessment of the linked profile interview {interview_id}."
    assert reply.startswith("Yes. Appoint a Chief AI Officer (CAIO)")
    assert "from your answers" in reply
    # The CAIO duty's citation: the Digital Agency guideline (DS-920).
    assert "(DS-920)" in reply and "internal rule for government bodies" in reply


def test_sessions_show_list_and_export_a_chat(chat_settings: Settings, tmp_path: Path) -> None:
    home = chat_settings.data_dir
    first = run_chat(home, "Is the AI Basic Plan binding?\nwho adopted it?\n")
    assert first.returncode == 0, first.stderr
    thread_id = re.search(r"Thread (\w+) started", first.stdout).group(1)  # type: ignore[union-attr]

    listed = sessions(home, "list")
    row = next(line for line in listed.stdout.splitlines() if thread_id in line)
    assert "chat" in row and "2 turns" in row and "Is the AI Basic Plan binding?" in row

    shown = sessions(home, "show", thread_id)
    assert shown.returncode == 0, shown.stderr
    out = shown.stdout
    assert "1. Is the AI Basic Plan binding?" in out and "2. who adopted it?" in out
    assert "Understood as: who adopted the AI Basic Plan?" in out
    assert "Sources: AI Basic Plan" in out and "Cabinet" in out  # short names, not ids
    assert f"Continue with: shirube chat --thread {thread_id}" in out

    exported = sessions(home, "export", thread_id, cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    text = (tmp_path / f"shirube-chat-{thread_id}.md").read_text(encoding="utf-8")
    assert text.startswith(f"# Shirube chat {thread_id}")
    assert "## 2. who adopted it?" in text
    assert "_Understood as: who adopted the AI Basic Plan?_" in text
    assert (
        "**Sources**" in text
        and "(government policy (binds the administration, not companies))" in text
        and "https://" in text
    )

    bad = sessions(home, "export", thread_id, "-o", str(tmp_path / "missing" / "x.md"))
    assert bad.returncode == 2 and "does not exist. Create it" in " ".join(bad.stderr.split())
    assert "Traceback" not in bad.stderr


def test_the_chat_speaks_japanese_around_a_japanese_thread(
    chat_settings: Settings, tmp_path: Path
) -> None:
    home = chat_settings.data_dir
    done = run_chat(home, "AI推進法に罰則はありますか\n", "--lang", "ja")
    assert done.returncode == 0, done.stderr
    assert "ルールベースは " in done.stdout and "質問> " in done.stdout
    thread_id = re.search(r"スレッド (\w+) を開始しました", done.stdout).group(1)  # type: ignore[union-attr]
    assert f"保存しました。続けるには：shirube chat --thread {thread_id}" in done.stdout
    for english in ("Rule base as of", "you> ", "Saved.", "started"):
        assert english not in done.stdout


def test_without_a_language_the_chat_lines_follow_the_last_question(
    chat_settings: Settings,
) -> None:
    """No --lang and SHIRUBE_LANG unset: the prompt and the closing line after a Japanese
    question are Japanese; after an English one, English again."""
    home = chat_settings.data_dir
    ja = run_chat(home, "AI推進法に罰則はありますか\n")
    assert ja.returncode == 0, ja.stderr
    last = ja.stdout.rstrip().splitlines()[-1]
    assert last.startswith("質問> 保存しました。続けるには："), ja.stdout
    both = run_chat(home, "AI推進法に罰則はありますか\nIs the AI Act binding?\n")
    last = both.stdout.rstrip().splitlines()[-1]  # the prompt, then the closing line at EOF
    assert last.startswith("you> Saved. Continue with:"), (both.stdout, both.stderr)

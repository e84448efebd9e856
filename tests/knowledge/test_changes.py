"""The rule base's changelog: loading, filtering by date, and `shirube changes`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from knowledge import loader
from knowledge.changes import Change, changes_since, load_changes
from knowledge.loader import RuleBaseError
from tests.faults.cli_runner import run_cli
from tests.knowledge.kb_data import write_yaml

CHANGES = [
    {"id": "older", "date": "2026-11-24", "summary": "First.", "instruments": ["appi"]},
    {
        "id": "newer",
        "date": "2026-12-01",
        "summary": "Second.",
        "touched": {"triggers": ["ai_act_framework"], "actions": ["appoint_caio"]},
    },
]


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_yaml(tmp_path / "changes.yaml", CHANGES)
    monkeypatch.setattr(loader, "DATA_DIR", tmp_path)  # read at call time, as the loader does
    return tmp_path


def test_changes_come_newest_first(data: Path) -> None:
    assert [c.id for c in load_changes()] == ["newer", "older"]


def test_changes_since_a_date_includes_that_day(data: Path) -> None:
    assert [c.id for c in changes_since(dt.date(2026, 12, 1))] == ["newer"]
    assert [c.id for c in changes_since(dt.date(2026, 12, 2))] == []
    assert [c.id for c in changes_since(None)] == ["newer", "older"]


def test_a_change_knows_what_it_touched(data: Path) -> None:
    newer = changes_since(None)[0]
    assert isinstance(newer, Change)
    assert newer.touches("triggers", "ai_act_framework")
    assert not newer.touches("actions", "ai_act_framework")


def test_a_bad_entry_is_named(data: Path) -> None:
    write_yaml(data / "changes.yaml", [{"id": "x", "date": "2026-12-01", "summry": "typo"}])
    with pytest.raises(RuleBaseError) as caught:
        load_changes()
    fields = {(p.entry, p.field) for p in caught.value.problems}
    assert fields == {("x", "summary"), ("x", "summry")}


def test_the_packaged_changelog_loads_and_is_dated() -> None:
    changes = load_changes()
    assert changes and changes == sorted(changes, key=lambda c: c.date, reverse=True)
    assert any(c.date == dt.date(2026, 12, 1) and "audit" in c.summary for c in changes)


def test_cli_prints_changes_since_a_date() -> None:
    done = run_cli("changes", "--since", "2026-11-25", env={"COLUMNS": "200"})
    assert done.code == 0, done.err
    assert done.out.startswith("Rule base as of ")
    assert "2026-11-25  ai_act_art7_note" in done.out
    assert "first_rule_base" not in done.out
    assert "Instruments: AI Promotion Act" in done.out


def test_cli_json_is_a_list_of_changes() -> None:
    done = run_cli("changes", "--format", "json", "--since", "2026-12-01")
    assert done.code == 0, done.err
    items = json.loads(done.out)
    assert items and all(item["date"] >= "2026-12-01" for item in items)
    assert "2026-12-01" in {item["date"] for item in items}
    assert set(items[0]) == {"id", "date", "instruments", "summary", "summary_ja", "touched"}


@pytest.mark.parametrize("since", ["2026-13-01", "yesterday", "01/12/2026"])
def test_cli_bad_date_exits_2_with_the_format(since: str) -> None:
    done = run_cli("changes", "--since", since, env={"COLUMNS": "200"})
    assert done.code == 2
    assert f"--since '{since}' is not a date. Write it as YYYY-MM-DD" in done.err
    assert "Traceback" not in done.err


def test_kb_check_validates_the_changelog(tmp_path: Path) -> None:
    from knowledge.check import check_rule_base
    from tests.knowledge.kb_data import make_data_dir

    data = make_data_dir(tmp_path)
    write_yaml(data / "changes.yaml", [{"id": "x", "date": "2026-12-01", "summary": ""}])
    problems = [p for p in check_rule_base(data) if p.file.endswith("changes.yaml")]
    assert [(p.entry, p.field, p.message) for p in problems] == [
        ("x", "summary", "String should have at least 1 character")
    ]


def test_cli_names_a_broken_changelog_and_exits_1(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import typer

    from agent.cli.changes import ChangesFormat, changes

    write_yaml(data / "changes.yaml", [{"id": "x", "date": "2026-12-01"}])
    with pytest.raises(typer.Exit) as caught:
        changes(since=None, fmt=ChangesFormat.text)
    assert caught.value.exit_code == 1
    err = capsys.readouterr().err
    assert "Rule base error: " in err and "entry 'x', field 'summary': Field required" in err


def test_cli_names_a_broken_changelog_in_japanese(
    data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import typer

    from agent.cli.changes import ChangesFormat, changes

    monkeypatch.setenv("SHIRUBE_LANG", "ja")
    write_yaml(data / "changes.yaml", [{"id": "x", "date": "2026-12-01"}])
    with pytest.raises(typer.Exit):
        changes(since=None, fmt=ChangesFormat.text)
    err = capsys.readouterr().err
    assert err.startswith("ルールベースのエラー："), err
    assert "項目「x」のフィールド「summary」：必須の項目がありません" in err
    assert "Rule base" not in err and "Field required" not in err


def test_cli_prints_changes_in_japanese() -> None:
    env = {"COLUMNS": "200", "SHIRUBE_LANG": "ja"}
    done = run_cli("changes", "--since", "2026-11-25", env=env)
    assert done.code == 0, done.err
    assert done.out.startswith("ルールベース：")
    assert "2026-11-25  ai_act_art7_note" in done.out
    assert "AI推進法の法的効力に関する注記" in done.out
    assert "対象文書：AI推進法" in done.out
    assert "Instruments:" not in done.out and "The AI Promotion Act" not in done.out
    english = run_cli("changes", "--lang", "en", "--since", "2026-11-25", env=env)
    assert "Instruments: AI Promotion Act" in english.out


def test_every_packaged_change_has_a_japanese_summary() -> None:
    assert all(change.summary_ja for change in load_changes())


def test_a_change_without_its_japanese_summary_is_a_kb_check_problem(tmp_path: Path) -> None:
    import re
    import shutil

    from knowledge.check import check_rule_base

    data = tmp_path / "data"
    shutil.copytree(loader.DATA_DIR, data)
    path = data / "changes.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"\n  summary_ja: .*", "", text, count=1), encoding="utf-8")
    problems = [p for p in check_rule_base(data) if "Japanese" in p.message]
    first = re.search(r"^- id: (\S+)", text, re.MULTILINE)
    assert first is not None
    assert [(p.entry, p.field) for p in problems] == [(first.group(1), "summary_ja")]

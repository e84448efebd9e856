"""`shirube doctor`: a healthy index reads as up to date."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from agent.doctor import check_index, run_checks
from core.config import Settings
from knowledge.ui_labels import load_ui_labels, reading


def test_healthy_index_is_up_to_date(settings: Settings) -> None:
    check = check_index(settings, chroma_ok=True)
    assert check.status == "ok", check.detail
    assert check.detail.endswith("; up to date")


def test_doctor_in_japanese_names_its_checks_and_statuses(settings: Settings) -> None:
    from typer.testing import CliRunner

    from agent.cli.main import app

    env = {"COLUMNS": "200", "SHIRUBE_LANG": "ja"}
    done = CliRunner().invoke(app, ["doctor"], env=env)
    assert "正常 ルールベース：" in done.output, done.output
    assert "rule base:" not in done.output and "OK  " not in done.output
    english = CliRunner().invoke(app, ["doctor", "--lang", "en"], env=env)
    assert "OK   rule base: " in english.output


# Two English words in a row: a sentence left untranslated. Commands sit in backticks, and paths,
# hosts and ids are single tokens, so neither counts.
ENGLISH_WORDS = re.compile(r"\b[A-Za-z][A-Za-z'-]+\s+[A-Za-z][A-Za-z'-]+\b")


def english_left(text: str) -> list[str]:
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\{[a-z_]+\}|\S*/\S*", " ", text)  # fields, paths and URLs
    return ENGLISH_WORDS.findall(text)


def test_every_japanese_doctor_label_is_japanese() -> None:
    labels = load_ui_labels()
    keys = [k for k in labels.keys() if k.split(".")[0] in {"doctor", "index_reason"}]  # noqa: SIM118
    assert len(keys) > 70
    for key in keys:
        assert english_left(labels.get(key).ja) == [], key


def test_doctor_in_japanese_says_what_it_found_and_what_to_do(
    fresh_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No index yet and no Ollama: both lines and their fixes in Japanese, commands kept."""
    from typer.testing import CliRunner

    from agent.cli.main import app

    monkeypatch.setenv("SHIRUBE_LANG", "ja")
    done = CliRunner().invoke(app, ["doctor"], env={"COLUMNS": "400"})
    assert done.exit_code == 0, done.output
    assert "にはまだ作成されていません" in done.output, done.output
    assert "→ `shirube index` を実行してください" in done.output
    assert "Ollama サーバーがありません" in done.output
    assert english_left(done.output) == [], done.output
    as_json = CliRunner().invoke(app, ["doctor", "--format", "json"], env={"COLUMNS": "400"})
    [index] = [c for c in json.loads(as_json.output) if c["name"] == "index"]
    assert index["detail"].endswith("にはまだ作成されていません") and index["status"] == "warn"


def test_doctor_still_speaks_english_by_default(fresh_home: Path) -> None:
    [index] = [c for c in run_checks(Settings(home=fresh_home)) if c.name == "index"]
    assert index.detail == f"not built yet in {fresh_home / 'index'}"
    assert index.fix == "Run `shirube index` (or just ask: the first question builds it)."


@pytest.mark.parametrize(
    ("english", "japanese"),
    [
        ("the rule base changed", "ルールベースが変わりました"),
        ("chromadb changed (1.4.0 -> 1.5.9)", "chromadb が変わりました（1.4.0 → 1.5.9）"),
        (
            "the index failed to open (KeyError: 'x')",
            "インデックスを開けませんでした（KeyError: 'x'）",
        ),
    ],
)
def test_why_the_index_is_out_of_date_reads_in_japanese(english: str, japanese: str) -> None:
    found = reading(english, "index_reason")
    assert found is not None and found.text("ja") == japanese and found.text("en") == english


def test_every_reason_the_index_gives_has_a_label(settings: Settings) -> None:
    """stale_reason writes English; each of its reasons must be one doctor can reword."""
    from knowledge.index.meta import read_meta, stale_reason

    meta = read_meta(settings)
    assert meta is not None
    reasons = [
        stale_reason(None, meta.corpus_hash),
        stale_reason(meta, "another"),
        stale_reason(meta.model_copy(update={"chromadb_version": "0.1"}), meta.corpus_hash),
        stale_reason(meta.model_copy(update={"embedding_model": "other"}), meta.corpus_hash),
    ]
    for reason in reasons:
        assert reason is not None and reading(reason, "index_reason") is not None, reason


def test_the_index_build_line_follows_shirube_lang() -> None:
    from knowledge.index.build import building_line

    assert building_line("the rule base changed", "ja") == (
        "検索インデックスを作成しています（ルールベースが変わりました）。"
    )
    assert building_line("the rule base changed", "auto") == (
        "Building the search index: the rule base changed."
    )

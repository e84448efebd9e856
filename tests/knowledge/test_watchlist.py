"""knowledge/data/watchlist.yaml: checked by `kb check`, listed by `shirube sources --watch`."""

from __future__ import annotations

import json
from pathlib import Path

from knowledge.check import run_checks
from knowledge.watchlist import check_watchlist, load_watchlist
from tests.faults.cli_runner import run_cli
from tests.knowledge.kb_data import make_data_dir, write_yaml

ITEM = {
    "id": "reported_thing",
    "subject": "appi",
    "claim": "Something is reported by a secondary source.",
    "claim_ja": "二次資料がある出来事を報じています。",
    "secondary_source": "https://example.org/note",
    "secondary_source_ja": "https://example.org/note （解説記事）",
    "seen": "2026-12-01",
    "facets": ["what", "when"],
}


def _problems(tmp_path: Path, items: list[dict]) -> list[str]:
    data = make_data_dir(tmp_path)
    write_yaml(data / "watchlist.yaml", items)
    # Only the watch list's own problems: the fixture's other files belong to other tests.
    found = run_checks(data, checks=[check_watchlist]).problems
    return [str(p) for p in found if p.file.endswith("watchlist.yaml")]


def test_the_packaged_watch_list_passes_kb_check() -> None:
    assert load_watchlist()
    assert not [p for p in run_checks().problems if "watchlist.yaml" in p.file]


def test_a_valid_item_passes(tmp_path: Path) -> None:
    assert _problems(tmp_path, [ITEM]) == []


def test_an_unknown_subject_is_named(tmp_path: Path) -> None:
    (problem,) = _problems(tmp_path, [{**ITEM, "subject": "apppi"}])
    assert "watchlist.yaml: entry 'reported_thing', field 'subject'" in problem
    assert "unknown id 'apppi'" in problem


def test_a_missing_field_is_named(tmp_path: Path) -> None:
    item = {k: v for k, v in ITEM.items() if k != "secondary_source"}
    (problem,) = _problems(tmp_path, [item])
    assert "field 'secondary_source'" in problem


def test_an_item_without_facets_is_named(tmp_path: Path) -> None:
    item = {k: v for k, v in ITEM.items() if k != "facets"}
    (problem,) = _problems(tmp_path, [item])
    assert "field 'facets'" in problem


def test_an_item_without_its_japanese_claim_is_named(tmp_path: Path) -> None:
    item = {k: v for k, v in ITEM.items() if k != "claim_ja"}
    (problem,) = _problems(tmp_path, [item])
    assert "field 'claim_ja'" in problem


def test_an_item_without_its_japanese_source_note_is_named(tmp_path: Path) -> None:
    """A Japanese reader of `sources --watch` reads where each claim was read in Japanese."""
    item = {k: v for k, v in ITEM.items() if k != "secondary_source_ja"}
    (problem,) = _problems(tmp_path, [item])
    assert "entry 'reported_thing', field 'secondary_source_ja'" in problem
    assert "has no Japanese text" in problem


def test_sources_watch_lists_every_item_with_its_secondary_source() -> None:
    result = run_cli("sources", "--watch", env={"COLUMNS": "250"})
    assert result.code == 0, result.err
    assert "reported, not yet confirmed" in result.out
    assert "Act on the Protection of Personal Information" in result.out  # the entity's name
    assert "netshop.impress.co.jp" in result.out


def test_sources_watch_in_japanese() -> None:
    result = run_cli("sources", "--watch", "--lang", "ja", env={"COLUMNS": "250"})
    assert result.code == 0, result.err
    assert "注視リスト：" in result.out and "報道の内容" in result.out
    assert "個人情報保護法（個人情報の保護に関する法律）の改正法" in result.out  # claim_ja
    assert "Watch list" not in result.out and "Answers never" not in result.out
    # The secondary-source notes and every subject in Japanese too (URLs stay as they are).
    assert "法令監査" in result.out and "netshop.impress.co.jp" in result.out
    for english in ("Legal audit", "third-party", "the draft", "civil liability for AI"):
        assert english not in result.out


def test_sources_watch_json_is_the_items() -> None:
    result = run_cli("sources", "--watch", "--format", "json")
    assert result.code == 0, result.err
    ids = [item["id"] for item in json.loads(result.out)]
    assert ids == [item.id for item in load_watchlist()]


def test_sources_watch_in_japanese_wraps_by_width() -> None:
    """A Japanese cell breaks between characters: 'Shirube' is never left alone on a line with
    the Japanese after it moved whole to the next (Rich breaks only at spaces)."""
    result = run_cli("sources", "--watch", "--lang", "ja", env={"COLUMNS": "120"})
    cells = [cell.strip() for line in result.out.splitlines() for cell in line.split("│")]
    assert "Shirube" not in cells

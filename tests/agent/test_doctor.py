"""`shirube doctor`: a healthy index reads as up to date."""

from __future__ import annotations

from agent.doctor import check_index
from core.config import Settings


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

"""A rule base before and after a change, for the tests of `sessions diff` (CLI and TUI).

`changed_copy` copies knowledge/data with one layer dropped, one added, one action rewritten and
a changelog entry naming them; `use` points the loader at a data folder (read at call time).
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from core.profile import UseCaseProfile
from knowledge import defaults, loader

PROFILE = UseCaseProfile(
    name="Support chatbot",
    offers_to_others=True,
    customers=["consumers"],
    personal_data="personal",
    uses_in_operations=True,
)
DROPPED = "ppc_genai_personal_data"  # in the plan before; never applies after
ADDED = "hiroshima_advanced_model"  # not in the plan before; applies to personal data after
REWRITTEN = "risk_assessment"  # in the plan before and after, with new wording


def use(data_dir: Path) -> None:
    loader.DATA_DIR = data_dir
    defaults.clear()  # the rule base and every cache built from it


@pytest.fixture
def after(tmp_path: Path) -> Iterator[Path]:
    """Today's rule base changed: the loader reads a copy with a dated change."""
    data = tmp_path / "after"
    shutil.copytree(loader.DATA_DIR, data)
    rules = yaml.safe_load((data / "triggers.yaml").read_text(encoding="utf-8"))
    for rule in rules:
        if rule["id"] == DROPPED:
            rule["when"] = {"organisation": "government"}
        if rule["id"] == ADDED:
            rule["when"] = {"personal_data": ["personal", "sensitive"]}
    (data / "triggers.yaml").write_text(yaml.safe_dump(rules, sort_keys=False), encoding="utf-8")
    actions = yaml.safe_load((data / "checklist.yaml").read_text(encoding="utf-8"))
    next(a for a in actions if a["id"] == REWRITTEN)["text"] = "Assess the risks, in new words."
    (data / "checklist.yaml").write_text(
        yaml.safe_dump(actions, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    log = yaml.safe_load((data / "changes.yaml").read_text(encoding="utf-8"))
    change = {
        "id": "fixture_change",
        "date": dt.date.today().isoformat(),
        "summary": "Personal data now engages the Hiroshima layer; the PPC one is for government.",
        "touched": {"triggers": [DROPPED, ADDED], "actions": [REWRITTEN]},
    }
    (data / "changes.yaml").write_text(yaml.safe_dump([change, *log]), encoding="utf-8")
    packaged = loader.DATA_DIR
    yield data
    use(packaged)

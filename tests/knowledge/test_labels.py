"""Legal-force labels and layer headings are data (labels.yaml), checked by kb check."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from knowledge.check import check_rule_base
from knowledge.schema import LEGAL_FORCE_LABELS, LegalForce, load_labels
from tests.fixtures import RULE_BASE_DIR


def test_every_legal_force_has_its_label_from_the_data_file() -> None:
    assert set(LEGAL_FORCE_LABELS) == set(LegalForce)
    assert LEGAL_FORCE_LABELS[LegalForce.non_binding_soft_law] == "non-binding soft law"
    assert load_labels().layers[0].id == "statute"


def _with_labels(tmp_path: Path, labels: dict[str, object]) -> Path:
    data = tmp_path / "data"
    shutil.copytree(RULE_BASE_DIR, data)
    (data / "labels.yaml").write_text(yaml.safe_dump(labels), encoding="utf-8")
    return data


def test_kb_check_names_a_missing_label_and_an_unheaded_layer(tmp_path: Path) -> None:
    raw = yaml.safe_load(Path("knowledge/data/labels.yaml").read_text(encoding="utf-8"))
    assert check_rule_base(_with_labels(tmp_path / "ok", raw)) == []
    unlabelled = {
        **raw,
        "legal_force": {k: v for k, v in raw["legal_force"].items() if k != "not_covered"},
    }
    found = [str(p) for p in check_rule_base(_with_labels(tmp_path / "force", unlabelled))]
    assert any("labels.yaml" in p and "no label for not_covered" in p for p in found), found
    unheaded = {**raw, "layers": [x for x in raw["layers"] if x["id"] != "aigfb"]}
    found = [str(p) for p in check_rule_base(_with_labels(tmp_path / "layer", unheaded))]
    assert any("no heading for 'aigfb' in labels.yaml" in p for p in found), found

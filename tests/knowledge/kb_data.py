"""A small, valid rule-base folder for schema and integrity tests.

The core files (sources, institutions, roles, principles, entities, premises, meta) are copied
from the real rule base; triggers, checklist, one topic file and one fact file are tiny
stand-ins, so these tests do not depend on the parts other files own.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from knowledge.loader import DATA_DIR

CORE_FILES = (
    "sources.yaml",
    "institutions.yaml",
    "roles.yaml",
    "principles.yaml",
    "entities.yaml",
    "premises.yaml",
    "meta.yaml",
    "owners.yaml",
    "plan_rules.yaml",
)

TRIGGERS = [
    {
        "id": "privacy_appi",
        "title": "Personal data in prompts",
        "title_ja": "プロンプト中の個人情報",
        "layer": "hard_law",
        "when": {"personal_data": ["personal", "sensitive"]},
        "legal_force": "binding_hard_law",
        "regulators": ["ppc"],
        "why": "Personal data is involved.",
        "why_ja": "個人情報が関わります。",
        "in_practice": "Check the purpose of use.",
        "in_practice_ja": "利用目的を確認する。",
        "citations": [{"source": "appi"}, {"source": "ppc_genai_alert"}],
    }
]

CHECKLIST = [
    {
        "id": "ai_inventory",
        "title": "Inventory of AI use cases",
        "title_ja": "AIのユースケースの一覧",
        "text": "List every AI use case.",
        "text_ja": "AIのユースケースをすべて一覧にする。",
        "phase": "govern",
        "timing": "before_launch",
        "harm": "governance_gap",
        "owner": "executive",
        "applies_to_roles": ["developer", "business_user"],
        "applies_to_triggers": ["privacy_appi"],
        "principles": ["lifecycle_governance", "aigfb_accountability"],
        "citations": [{"source": "aigfb", "section": "Part 2 E"}],
    }
]

TOPICS = [
    {
        "id": "regime_overview",
        "title": "What is AI regulation in Japan?",
        "questions": ["What is Japan's AI regime?", "Does Japan regulate AI?", "AI law Japan?"],
        "answer": "A layered, governance-led regime.",
        "related": ["faq_ai_act"],
        "citations": [{"source": "ai_promotion_act"}],
    },
    {
        "id": "faq_ai_act",
        "title": "Does Japan have an AI Act?",
        "questions": ["Does Japan have an AI Act?", "Is there an AI law?", "AI Act Japan?"],
        "answer": "Yes.",
        "citations": [{"source": "ai_promotion_act", "section": "Art. 1"}],
    },
]

FACTS = [
    {
        "id": "act_bans_nothing",
        "text": "The AI Promotion Act bans no AI technology or use.",
        "text_ja": "AI推進法はAIの技術や利用を禁止していません。",
        "about": ["ai_promotion_act", "japan_ai_regime"],
        "facet": "does_not",
        "answers": "No.",
        "refutes": ["ban", "prohibited_list"],
        "cites": [{"source": "ai_promotion_act", "section": "Ch. II"}],
    }
]

ROLE_RULES = [
    {
        "role": "developer",
        "when": {"builds_models": True},
        "citations": [{"source": "aigfb", "section": "Part 3"}],
    }
]


def write_yaml(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def make_data_dir(root: Path) -> Path:
    """A complete, valid rule-base folder under `root`."""
    data = root / "data"
    data.mkdir(parents=True)
    for name in CORE_FILES:
        shutil.copy(DATA_DIR / name, data / name)
    write_yaml(data / "triggers.yaml", TRIGGERS)
    write_yaml(data / "checklist.yaml", CHECKLIST)
    write_yaml(data / "topics" / "regime.yaml", TOPICS)
    write_yaml(data / "facts" / "act.yaml", FACTS)
    write_yaml(data / "role_rules.yaml", ROLE_RULES)
    return data


def load(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def edit_entry(path: Path, entry_id: str, **changes: object) -> None:
    """Change fields of one entry in a list file; a value of None deletes the field."""
    entries = load(path)
    entry = next(e for e in entries if e.get("id") == entry_id)
    for key, value in changes.items():
        if value is None:
            entry.pop(key, None)
        else:
            entry[key] = value
    write_yaml(path, entries)

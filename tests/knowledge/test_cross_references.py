# ruff: noqa: E501
"""kb check names every dangling cross-reference: one broken copy of the real data per kind.

Each test copies knowledge/data to tmp_path, breaks one reference and asserts that exactly one
new problem appears (file, entry, field, message); problems the packaged data may have while it
is being edited are in the baseline and do not count.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from knowledge.check import check_rule_base
from knowledge.loader import DATA_DIR
from knowledge.schema import Facet, LegalForce

TODAY = dt.date(2026, 12, 1)

Found = tuple[str, str, str, str]


def _found(data: Path) -> set[Found]:
    out = set()
    for p in check_rule_base(data, today=TODAY):
        file = Path(p.file)
        rel = file.relative_to(data).as_posix() if file.is_absolute() else file.name
        out.add((rel, p.entry, p.field, p.message))
    return out


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> set[Found]:
    data = tmp_path_factory.mktemp("pristine") / "data"
    shutil.copytree(DATA_DIR, data)
    return _found(data)


def _edit(data: Path, rel: str, change: Callable[[Any], object]) -> None:
    path = data / rel
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _entry(doc: list[dict], entry_id: str) -> dict:
    return next(e for e in doc if e.get("id") == entry_id)


def _first_with(doc: list[dict], key: str) -> dict:
    return next(e for e in doc if e.get(key))


def _set(entry_id: str, key: str, value: object) -> Callable[[Any], None]:
    return lambda doc: _entry(doc, entry_id).__setitem__(key, value)


CASES: dict[str, tuple[str, Callable[[Any], object], Found | None]] = {
    # Source ids.
    "scope.yaml instrument alias → source": (
        "scope.yaml",
        lambda doc: doc["instrument_aliases"][0].__setitem__("sources", ["aigfb_v2"]),
        ("scope.yaml", "-", "instrument_aliases.0.sources.0", "refers to unknown id 'aigfb_v2' in sources.yaml"),
    ),
    "chat_intents answer source → source": (
        "chat_intents.yaml",
        lambda doc: doc["intents"][1]["answer"].__setitem__("source", "ppc_alert"),
        ("chat_intents.yaml", "-", "intents.1.answer.source", "refers to unknown id 'ppc_alert' in sources.yaml"),
    ),
    "fact citation → source": (
        "facts/act.yaml",
        _set("act_bans_nothing", "cites", [{"source": "ai_act"}]),
        ("facts/act.yaml", "act_bans_nothing", "cites.0.source", "cites unknown source 'ai_act' (not in sources.yaml)"),
    ),
    "topic citation → source": (
        "topics/regime.yaml",
        lambda doc: doc[0].__setitem__("citations", [{"source": "ai_act"}]),
        ("topics/regime.yaml", "regime_overview", "citations.0.source", "cites unknown source 'ai_act' (not in sources.yaml)"),
    ),
    "trigger citation → source": (
        "triggers.yaml",
        _set("ai_act_framework", "citations", [{"source": "ai_act"}]),
        ("triggers.yaml", "ai_act_framework", "citations.0.source", "cites unknown source 'ai_act' (not in sources.yaml)"),
    ),
    "role citation → source": (
        "roles.yaml",
        _set("developer", "citations", [{"source": "ai_act"}]),
        ("roles.yaml", "developer", "citations.0.source", "cites unknown source 'ai_act' (not in sources.yaml)"),
    ),
    "entity → source": (
        "entities.yaml",
        _set("ppc", "source", "appi_2022"),  # an institution entity may name its instrument
        ("entities.yaml", "ppc", "source", "refers to unknown source 'appi_2022'"),
    ),
    "official sheet citation → source": (
        "official/sheets.yaml",
        lambda doc: doc[0]["citation"].__setitem__("source", "aigfb_v1"),
        ("official/sheets.yaml", "common", "citation.source", "refers to unknown id 'aigfb_v1' in sources.yaml"),
    ),
    "changelog instrument → source": (
        "changes.yaml",
        lambda doc: doc[-1].__setitem__("instruments", ["ai_act"]),
        ("changes.yaml", "first_rule_base", "instruments.0", "refers to unknown id 'ai_act' in sources.yaml"),
    ),
    # Trigger ids and layers.
    "chat_intents baseline trigger → trigger": (
        "chat_intents.yaml",
        lambda doc: doc["baseline_triggers"].__setitem__(0, "ai_act_frame"),
        ("chat_intents.yaml", "-", "baseline_triggers.0", "refers to unknown id 'ai_act_frame' in triggers.yaml"),
    ),
    "checklist applies_to_triggers → trigger": (
        "checklist.yaml",
        lambda doc: _first_with(doc, "applies_to_triggers").__setitem__("applies_to_triggers", ["nope"]),
        None,  # filled in below: the entry id depends on the data
    ),
    "trigger layer": (
        "triggers.yaml",
        _set("ai_act_framework", "layer", "statue"),
        ("triggers.yaml", "ai_act_framework", "layer", "no heading for 'statue' in labels.yaml"),
    ),
    "changelog trigger → trigger": (
        "changes.yaml",
        lambda doc: doc[-1].__setitem__("touched", {"triggers": ["ai_act_frame"]}),
        ("changes.yaml", "first_rule_base", "touched.triggers.0", "refers to unknown id 'ai_act_frame' in triggers.yaml"),
    ),
    # Action ids.
    "chat_intents answer action → action": (
        "chat_intents.yaml",
        lambda doc: doc["intents"][0]["answer"].__setitem__("action", "appoint_cio"),
        ("chat_intents.yaml", "-", "intents.0.answer.action", "refers to unknown id 'appoint_cio' in checklist.yaml"),
    ),
    "changelog action → action": (
        "changes.yaml",
        lambda doc: doc[-1].__setitem__("touched", {"actions": ["appoint_cio"]}),
        ("changes.yaml", "first_rule_base", "touched.actions.0", "refers to unknown id 'appoint_cio' in checklist.yaml"),
    ),
    # Plan data: owner kinds and harms.
    "checklist owner → owner kind": (
        "checklist.yaml",
        lambda doc: doc[0].__setitem__("owner", "nobody"),
        None,
    ),
    "checklist harm → harm": (
        "checklist.yaml",
        lambda doc: doc[0].__setitem__("harm", "no_harm"),
        None,
    ),
    # Role ids.
    "role rule → role": (
        "role_rules.yaml",
        lambda doc: doc[0].__setitem__("role", "develper"),
        None,
    ),
    "checklist only_for_roles → role": (
        "checklist.yaml",
        lambda doc: doc[0].__setitem__("only_for_roles", ["develper"]),
        None,
    ),
    "official row → role": (
        "official/rows_common.yaml",
        lambda doc: _first_with(doc, "roles").__setitem__("roles", ["develper"]),
        None,
    ),
    "official relation → role": (
        "official/relations.yaml",
        lambda doc: doc[0].__setitem__("roles_all", ["develper"]),
        None,
    ),
    "changelog role → role": (
        "changes.yaml",
        lambda doc: doc[-1].__setitem__("touched", {"roles": ["develper"]}),
        ("changes.yaml", "first_rule_base", "touched.roles.0", "refers to unknown id 'develper' in roles.yaml"),
    ),
    # Entity, premise and fact ids.
    "fact → entity": (
        "facts/act.yaml",
        _set("act_bans_nothing", "about", ["ai_act"]),
        ("facts/act.yaml", "act_bans_nothing", "about", "refers to unknown id 'ai_act' in entities.yaml"),
    ),
    "fact → the general rule it narrows": (
        "facts/hard_law.yaml",
        _set("art30_4_enjoyment_purpose", "exception_of", {"fact": "art30_4_whatever", "answers": "Yes, generally."}),
        ("facts/hard_law.yaml", "art30_4_enjoyment_purpose", "exception_of", "refers to unknown fact 'art30_4_whatever' in facts/"),
    ),
    "fact → premise": (
        "facts/act.yaml",
        _set("act_bans_nothing", "refutes", ["bans"]),
        ("facts/act.yaml", "act_bans_nothing", "refutes", "refers to unknown id 'bans' in premises.yaml"),
    ),
    "topic → fact": (
        "topics/regime.yaml",
        lambda doc: doc[0].__setitem__("facts", ["act_bans_everything"]),
        ("topics/regime.yaml", "regime_overview", "facts", "refers to unknown fact 'act_bans_everything' in facts/"),
    ),
    "changelog → fact": (
        "changes.yaml",
        lambda doc: doc[-1].__setitem__("touched", {"facts": ["act_bans_everything"]}),
        ("changes.yaml", "first_rule_base", "touched.facts.0", "refers to unknown id 'act_bans_everything' in facts/"),
    ),
    "use-case lead's no-ban fact → fact": (
        "use_case_leads.yaml",
        lambda doc: doc.__setitem__("no_ban_fact", "act_bans_everything"),
        ("use_case_leads.yaml", "-", "no_ban_fact", "refers to unknown id 'act_bans_everything' in facts/"),
    ),
    # Facets and legal forces.
    "phrasebook facet cue → facet (the schema's enum)": (
        "phrasebook.yaml",
        lambda doc: doc["facet_cues"][0].__setitem__("facet", "wen"),
        ("phrasebook.yaml", "-", "facet_cues.0.facet", "Input should be " + ", ".join(f"'{f}'" for f in list(Facet)[:-1]) + f" or '{list(Facet)[-1]}'"),
    ),
}  # fmt: skip


def _role_expectation(rel: str, doc_entry: str, field: str) -> Found:
    return (rel, doc_entry, field, "refers to unknown id 'develper' in roles.yaml")


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_broken_reference_is_named(case: str, baseline: set[Found], tmp_path: Path) -> None:
    rel, change, expected = CASES[case]
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    if expected is None:
        expected = _expected_from_data(case, data)
    _edit(data, rel, change)
    assert _found(data) - baseline == {expected}


def _expected_from_data(case: str, data: Path) -> Found:
    """Cases whose entry id is read from the data (the first entry with the field)."""
    doc = yaml.safe_load((data / CASES[case][0]).read_text(encoding="utf-8"))
    if case == "checklist applies_to_triggers → trigger":
        entry = _first_with(doc, "applies_to_triggers")["id"]
        return (
            "checklist.yaml",
            entry,
            "applies_to_triggers",
            "refers to unknown id 'nope' in triggers.yaml",
        )
    if case == "checklist owner → owner kind":
        message = "refers to unknown id 'nobody' in owners.yaml"
        return ("checklist.yaml", doc[0]["id"], "owner", message)
    if case == "checklist harm → harm":
        message = "refers to unknown id 'no_harm' in plan_rules.yaml harms"
        return ("checklist.yaml", doc[0]["id"], "harm", message)
    if case == "role rule → role":
        return _role_expectation("role_rules.yaml", "develper", "role")
    if case == "checklist only_for_roles → role":
        return _role_expectation("checklist.yaml", doc[0]["id"], "only_for_roles.0")
    if case == "official row → role":
        entry = _first_with(doc, "roles")["id"]
        return _role_expectation("official/rows_common.yaml", entry, "roles.0")
    assert case == "official relation → role"
    return _role_expectation("official/relations.yaml", doc[0]["id"], "roles_all.0")


def test_a_typo_in_a_legal_force_opening(baseline: set[Found], tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    sources = yaml.safe_load((data / "sources.yaml").read_text(encoding="utf-8"))
    first = next(s["id"] for s in sources if s["legal_force"] == "binding_hard_law")
    _edit(
        data,
        "legal_force_answers.yaml",
        lambda doc: doc["binding"].__setitem__(
            "binding_hard_lw", doc["binding"].pop("binding_hard_law")
        ),
    )
    file = "legal_force_answers.yaml"
    forces = [f"'{force.value}'" for force in LegalForce]  # the schema says a key is none of them
    assert _found(data) - baseline == {
        (
            file,
            "-",
            "binding.binding_hard_lw.[key]",
            "Input should be " + ", ".join(forces[:-1]) + f" or {forces[-1]}",
        ),
        (file, "-", "binding", f"no opening for 'binding_hard_law', the legal force of '{first}'"),
    }


def test_personal_answer_sources_are_sources_and_cover_every_asked_source(
    baseline: set[Found], tmp_path: Path
) -> None:
    """personal_answers.yaml names and hints sources by id, in each language: each key is a
    source, and every source a chat intent asks about has its name and hint there."""
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    intents = yaml.safe_load((data / "chat_intents.yaml").read_text(encoding="utf-8"))["intents"]
    index, asked = next(
        (n, i["answer"]["source"]) for n, i in enumerate(intents) if i["answer"].get("source")
    )

    def rename(doc: dict[str, Any]) -> None:
        for lang in ("en", "ja"):
            sources = doc[lang]["sources"]
            sources["no_such_source"] = sources.pop(asked)

    _edit(data, "personal_answers.yaml", rename)
    assert _found(data) - baseline == {
        found
        for lang in ("en", "ja")
        for found in (
            (
                "personal_answers.yaml",
                "-",
                f"{lang}.sources.no_such_source",
                "refers to unknown id 'no_such_source' in sources.yaml",
            ),
            (
                "chat_intents.yaml",
                "-",
                f"intents.{index}.answer.source",
                f"refers to unknown id '{asked}' in personal_answers.yaml {lang}.sources",
            ),
        )
    }

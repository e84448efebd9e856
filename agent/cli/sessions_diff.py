"""`shirube sessions diff ID`, the "rule base" column of `sessions list` and the rule-base line
of an exported profile."""

from __future__ import annotations

import sqlite3
import sys
from typing import TYPE_CHECKING

from tools.terminal_text import clean

if TYPE_CHECKING:
    from agent.interview.store import SessionInfo
    from tools.plan_diff import ItemChange

MARK = {"added": "+", "removed": "-", "changed": "~"}


def rule_base_cells(
    conn: sqlite3.Connection, rows: list[SessionInfo], lang: str = "en"
) -> dict[str, str]:
    """Session id → 'changed: N' or 'current' (in `lang`) for interviews whose plan has a stamp."""
    from agent.interview import stamps
    from core.storage import StorageError

    try:
        counts = stamps.changed_counts(conn, {r.id for r in rows if r.kind == "interview"})
    except (StorageError, sqlite3.OperationalError):
        # The list still shows every session (a read-only database: `sessions diff` names it).
        return {}
    except Exception as exc:
        # Imported only here: a list with no stamped plan never loads the rule base (start-up).
        from knowledge.loader import RuleBaseError

        if isinstance(exc, RuleBaseError):  # a broken rule base: `kb check` names the problem
            return {}
        raise
    from knowledge.ui_labels import ui_text

    current = ui_text("cli.rule_base_current", lang)
    return {
        sid: ui_text("cli.rule_base_changed", lang, count=n) if n else current
        for sid, n in counts.items()
    }


def _say(key: str, lang: str, **values: object) -> str:
    from knowledge.ui_labels import ui_text

    return ui_text(f"sessions_diff.{key}", lang, **values)


def _title(item: ItemChange, lang: str) -> str:
    """The item's title in `lang`: today's while the rule base still has the entry, else the one
    the plan recorded in that language (else in the plan's language)."""
    from knowledge.loader import load_rule_base
    from knowledge.schema import text_in

    rule_base = load_rule_base()
    entries = rule_base.triggers if item.kind == "layer" else rule_base.checklist
    entry = entries.get(item.id)
    return text_in(entry, "title", lang) if entry is not None else item.titles.get(lang, item.title)


def _line(item: ItemChange, lang: str = "en") -> list[str]:
    from knowledge.schema import text_in

    what = _say(f"{item.kind}_{item.change}", lang)
    title = _title(item, lang)
    lines = ["  " + _say("item", lang, mark=MARK[item.change], what=what, title=title, id=item.id)]
    for change in item.reasons:
        summary = " ".join(text_in(change, "summary", lang).split())
        lines.append("      " + _say("why", lang, date=change.date, id=change.id, summary=summary))
    if not item.reasons:
        lines.append("      " + _say("why_unknown", lang))
    return lines


def show_diff(session_id: str, lang: str = "en") -> None:
    import typer  # here, not at the top: `sessions list` reads rule_base_cells without typer

    from agent.interview import stamps, store
    from knowledge.loader import RuleBaseError
    from knowledge.ui_labels import LabelledError, session_kind, ui_text

    with store.opened() as shared:
        info = store.get_session(shared, session_id)
    # Plan stamps stay on the machine that finished the interview, whichever store holds it.
    with store.opened_local() as conn:
        if info.kind != "interview":
            kind = session_kind(info.kind)
            raise LabelledError("sessions_diff.not_interview", sid=session_id, kind=kind)
        try:
            diff = stamps.plan_diff(conn, session_id)
        except RuleBaseError as exc:  # not the user's input: name it and exit 1
            said = ui_text("rule_base.error", lang, problems=exc.in_lang(lang))
            print(clean(said), file=sys.stderr)
            raise typer.Exit(1) from None
    if diff is None:
        raise LabelledError("sessions_diff.no_stamp", sid=session_id)
    saved = diff.saved
    made = _say(
        "saved",
        lang,
        sid=session_id,
        made=saved.assessed_on,
        version=saved.version,
        date=saved.as_of,
    )
    print(clean(made))
    print(_say("today", lang, version=diff.version, date=diff.as_of))
    if not diff.changes:
        print(_say("unchanged", lang))
        return
    count = len(diff.changes)
    print(_say("changed_one" if count == 1 else "changed_many", lang, count=count))
    for item in diff.changes:
        for line in _line(item, lang):
            print(clean(line))
    print(_say("redo", lang, sid=session_id))


def profile_header(session_id: str, lang: str = "en") -> str:
    """YAML comment lines naming the rule base the session's plan was made with (or today's),
    in `lang`."""
    from agent.interview import stamps, store
    from knowledge.loader import load_rule_base

    with store.opened_local() as conn:
        saved = stamps.stamps(conn).get(session_id)
    if saved is None:
        now = load_rule_base()
        return _say("header_today", lang, version=now.version, as_of=now.meta.as_of) + "\n"
    made = _say(
        "header_stamped", lang, on=saved.assessed_on, version=saved.version, as_of=saved.as_of
    )
    return f"{made}\n{_say('header_diff', lang, sid=session_id)}\n"

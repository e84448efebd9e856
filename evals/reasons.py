"""Why an eval case failed, one line per failed check: recorded in English (results.jsonl is read
by tools and across runs) from ui_labels' `eval_reason` labels, and read back in the reader's
language by the report."""

from __future__ import annotations

from knowledge.ui_labels import reword, ui_text


def reason(key: str, /, **values: object) -> str:
    """The `eval_reason.<key>` line in English, its fields filled from `values`."""
    return ui_text(f"eval_reason.{key}", "en", **values)


def reason_in(line: str, lang: str) -> str:
    """A recorded reason in `lang` (a line no label made, such as an exception's, as it is)."""
    return reword(line, "eval_reason", lang)


def status_in(status: str, lang: str) -> str:
    """A case's status word ('fail', 'error', …) in `lang`."""
    return ui_text(f"eval_status.{status}", lang)

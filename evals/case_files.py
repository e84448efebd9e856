"""The eval cases on disk: every case file read and validated, a bad line a UsageError naming
file, line and field; the held-out split read only when asked for."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from core.errors import UsageError
from evals.models import ALL_SUITES, SUITES, Case
from knowledge.ui_labels import LabelledError

CASES_DIR = Path(__file__).resolve().parent / "cases"


def load_cases(
    directory: Path = CASES_DIR, suite: str | None = None, *, blind: bool = False
) -> list[Case]:
    """The cases in directory/*.jsonl and ja/*.jsonl; a bad line is a UsageError naming file,
    line and field.

    Without a suite: every gated suite, never "answers". `blind` reads directory/blind/ instead,
    the answers suite's held-out split, which only `shirube eval --suite answers --blind` runs.
    """
    if suite is not None and suite not in ALL_SUITES:
        raise LabelledError("errors.eval_unknown_suite", suite=suite, allowed=", ".join(ALL_SUITES))
    if blind and suite != "answers":
        raise LabelledError("errors.eval_blind_needs_answers")
    wanted = (suite,) if suite is not None else SUITES
    cases: list[Case] = []
    seen: dict[str, str] = {}
    # Japanese dev cases live in directory/ja/ (their blind third in directory/blind/).
    paths = sorted((directory / "blind" if blind else directory).glob("*.jsonl"))
    paths += [] if blind else sorted((directory / "ja").glob("*.jsonl"))
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path.name}:{number}"
            try:
                case = Case.model_validate(json.loads(line))
            except (json.JSONDecodeError, ValidationError) as exc:
                raise UsageError(f"Bad eval case at {where}: {_first_error(exc)}") from None
            if case.id in seen:
                raise UsageError(f"Duplicate case id {case.id!r} at {where} and {seen[case.id]}.")
            seen[case.id] = where
            if case.suite in wanted:
                cases.append(case)
    return cases


def _first_error(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        err = exc.errors()[0]
        loc = ".".join(str(p) for p in err["loc"]) or "case"
        return f"{loc}: {err['msg']}"
    return str(exc)

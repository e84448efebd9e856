"""Regenerate the module list in docs/architecture.md from the tree and each module's docstring.

Run `.venv/bin/python docs/gen_modules.py` after adding, moving or removing a module;
tests/test_architecture_doc.py fails while a module is missing from the list.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "architecture.md"
# Bottom layer first, as the import-linter contracts in pyproject.toml order them.
PACKAGES = ("core", "knowledge", "tools", "agent", "tui", "evals")
START, END = "<!-- modules:start -->", "<!-- modules:end -->"


def modules() -> list[Path]:
    return [
        path
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
        if path.name != "__init__.py" or path.stat().st_size > 0
    ]


def concept(path: Path) -> str:
    """The first line of the module's docstring (its one concept)."""
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    paragraph = " ".join(doc.strip().split("\n\n")[0].split()) or "(no docstring)"
    sentence = paragraph.split(". ")[0].rstrip(".")
    return sentence.replace("|", "\\|")


def listing() -> str:
    lines = [START, "| module | its one concept |", "|---|---|"]
    for path in modules():
        lines.append(f"| `{path.relative_to(ROOT).as_posix()}` | {concept(path)} |")
    return "\n".join([*lines, END])


def main() -> int:
    text = DOC.read_text(encoding="utf-8")
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    DOC.write_text(head + listing() + tail, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

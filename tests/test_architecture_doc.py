"""docs/architecture.md lists every module under the layered packages (docs/gen_modules.py)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("core", "knowledge", "tools", "agent", "tui", "evals")


def test_every_module_is_listed_in_the_architecture_doc() -> None:
    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    listed = doc.split("<!-- modules:start -->")[1].split("<!-- modules:end -->")[0]
    missing = [
        path.relative_to(ROOT).as_posix()
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
        if (path.name != "__init__.py" or path.stat().st_size > 0)
        and f"`{path.relative_to(ROOT).as_posix()}`" not in listed
    ]
    assert not missing, f"run .venv/bin/python docs/gen_modules.py to list {missing}"
